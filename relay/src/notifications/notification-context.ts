import type { NotificationContext, RenderOptions } from '@k2c/rules';
import type { NotificationRequest } from './notification-request';
import { trustedRecordUrl } from './record-url';

/** Messages are written for Japanese readers until tenants can choose (dates in Japan time). */
export const renderOptions: RenderOptions = { locale: 'ja', timeZone: 'Asia/Tokyo' };

/** What the rules see of a request: its values, with the record link rebuilt on the stored host. */
export function notificationContext(request: NotificationRequest, allowLoopback: boolean): NotificationContext {
  return {
    event: request.event,
    appId: request.appId,
    appName: request.appName,
    recordId: request.recordId,
    recordUrl: trustedRecordUrl(request, allowLoopback),
    record: request.record,
    previous: request.previous,
    user: request.user,
    status: request.status,
  };
}

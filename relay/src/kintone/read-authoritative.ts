import type { RuleSet } from '@k2c/rules';
import type { Env } from '../env';
import { AppError } from '../errors';
import type { NotificationRequest } from '../notifications/notification-request';
import { withAuthoritativeValues } from './authoritative-request';
import { KintoneFetchError } from './kintone-fetch-error';

const readFailures: Record<string, string> = {
  host_not_allowed: 'The kintone host is not one the relay may read from',
  unauthorized:
    'kintone refused the stored API token: check the token in the plug-in settings (record view permission)',
  record_not_found: 'kintone does not have this record',
  rejected: 'kintone rejected the record request',
  invalid_response: 'kintone answered with something that is not a record',
};

/**
 * With an API token stored, the record is read back from kintone before any rule sees it, and a
 * failed read is an error, never a fallback to the browser's values. The read is skipped when no
 * enabled rule listens to the event: each read counts against the app's daily kintone API limit.
 */
export async function readAuthoritativeValues(
  env: Pick<Env, 'KINTONE_ALLOWED_HOSTS' | 'KINTONE_ALLOW_LOOPBACK'>,
  ruleSet: RuleSet,
  request: NotificationRequest,
): Promise<NotificationRequest> {
  if (!ruleSet.rules.some((rule) => rule.enabled && rule.events.includes(request.event))) return request;
  try {
    return await withAuthoritativeValues(request, {
      allowedHosts: env.KINTONE_ALLOWED_HOSTS,
      allowLoopback: env.KINTONE_ALLOW_LOOPBACK,
    });
  } catch (error) {
    if (!(error instanceof KintoneFetchError)) throw error;
    const details = { reason: error.reason, status: error.status, kintoneCode: error.kintoneCode };
    if (error.reason === 'timeout' || error.reason === 'unavailable') {
      throw new AppError(
        'kintone_unavailable',
        'kintone could not be reached to read the record; try again shortly',
        details,
      );
    }
    throw new AppError(
      'kintone_read_failed',
      readFailures[error.reason] ?? 'The record could not be read from kintone',
      details,
    );
  }
}

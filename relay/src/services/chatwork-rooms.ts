import { withTenant } from '@k2c/db';
import { AppError } from '../errors';
import { markChatworkTokenInvalid } from '../queries/chatwork-credentials';
import { type ChatworkConnectionDeps, chatworkTokenOf } from './chatwork-connection';

/** The rooms the tenant's ChatWork account is in, for the settings screen's room picker. */
export async function listChatworkRooms(deps: ChatworkConnectionDeps, tenantId: string) {
  const credentials = await chatworkTokenOf(deps, tenantId);
  if (!credentials) {
    throw new AppError('chatwork_not_connected', 'No ChatWork API token is connected yet: enter one on the dashboard');
  }
  const result = await deps.chatwork.rooms(credentials.token);
  if (result.ok) return result.value;
  if (result.kind === 'http' && result.status === 401) {
    await withTenant(deps.db, tenantId, (tx) => markChatworkTokenInvalid(tx, tenantId));
    throw new AppError(
      'chatwork_token_rejected',
      'ChatWork rejected the stored API token: enter a new one on the dashboard',
    );
  }
  throw new AppError('chatwork_unavailable', 'ChatWork could not be reached; try again shortly');
}

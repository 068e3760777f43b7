import { billingPageUrl } from '../config/relay-url';
import { type Language, noticeMessages } from '../i18n/messages';
import type { SendOutcome } from './outcome';

/** The user-facing notice for an outcome, or null when there is nothing to say (202). */
export function outcomeNotice(outcome: SendOutcome, language: Language, relayUrl: string): string | null {
  const messages = noticeMessages[language];
  switch (outcome.kind) {
    case 'accepted':
      return null;
    case 'timeout':
      return messages.timeout(outcome.seconds);
    case 'network':
      return messages.network;
    case 'unauthorized':
      return messages.unauthorized;
    case 'quota_exceeded':
      return messages.quotaExceeded(billingPageUrl(relayUrl));
    case 'plan_inactive':
      return messages.planInactive(billingPageUrl(relayUrl));
    case 'too_large':
      return messages.tooLarge;
    case 'rate_limited':
      return messages.rateLimited;
    case 'invalid_request':
      return messages.invalidRequest(outcome.message);
    case 'kintone_read_failed':
      return outcome.reason === 'record_not_found' ? messages.kintoneRecordNotFound : messages.kintoneReadFailed;
    case 'kintone_unavailable':
      return messages.kintoneUnavailable;
    case 'server_error':
      return messages.serverError(outcome.status);
    case 'unexpected':
      return messages.unexpected(outcome.status);
  }
}

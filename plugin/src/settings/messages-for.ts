import { RULE_LIMITS } from '@k2c/rules';
import type { SettingsCatalogue } from '../i18n/settings-messages';
import { MAX_API_TOKEN_LENGTH } from './api-token';
import type { RelayFailure } from './relay-client';
import type { Problem } from './validation';

/** The inline message for a problem, in the catalogue's language. */
export function problemMessage(problem: Problem, messages: SettingsCatalogue): string {
  const errors = messages.errors;
  const names = problem.names ?? [];
  const first = names[0] ?? '';
  switch (problem.code) {
    case 'tooManyRules':
      return errors.tooManyRules(RULE_LIMITS.rules);
    case 'nameTooLong':
      return errors.nameTooLong(RULE_LIMITS.nameLength);
    case 'roomUnknown':
      return errors.roomUnknown(first);
    case 'roomReadonly':
      return errors.roomReadonly(first);
    case 'templateTooLong':
      return errors.templateTooLong(RULE_LIMITS.templateLength);
    case 'unknownPlaceholders':
      return errors.unknownPlaceholders(names);
    case 'tooManyConditions':
      return errors.tooManyConditions(RULE_LIMITS.conditions);
    case 'conditionFieldUnknown':
      return errors.conditionFieldUnknown(first);
    case 'conditionValueTooLong':
      return errors.conditionValueTooLong(RULE_LIMITS.conditionValueLength);
    case 'conditionTooManyValues':
      return errors.conditionTooManyValues(RULE_LIMITS.conditionValues);
    case 'tooManyChangedFields':
      return errors.tooManyChangedFields(RULE_LIMITS.changedFields);
    case 'changedFieldsUnknown':
      return errors.changedFieldsUnknown(names);
    case 'mentionIdsInvalid':
      return errors.mentionIdsInvalid(names);
    case 'tooManyMentionIds':
      return errors.tooManyMentionIds(RULE_LIMITS.mentionAccounts);
    case 'userFieldUnknown':
      return errors.userFieldUnknown(first);
    case 'userMapDuplicate':
      return errors.userMapDuplicate(first);
    case 'tooManyUserMapRows':
      return errors.tooManyUserMapRows(RULE_LIMITS.userMapEntries);
    case 'apiTokenTooLong':
      return errors.apiTokenTooLong(MAX_API_TOKEN_LENGTH);
    case 'relayIssue':
      return errors.relayIssue(first, problem.text ?? '');
    default:
      return errors[problem.code];
  }
}

/** What a failed relay call means for the admin, in the catalogue's language. */
export function failureMessage(failure: RelayFailure, messages: SettingsCatalogue): string {
  switch (failure.kind) {
    case 'unreachable':
      return messages.failUnreachable;
    case 'unauthorized':
      return messages.failUnauthorized;
    case 'not_relay':
      return messages.failNotRelay;
    case 'unexpected':
      return messages.failUnexpected(failure.status);
    case 'server':
      if (failure.code === 'chatwork_unavailable') return messages.failChatworkUnavailable;
      return messages.failServer(failure.status);
    case 'error':
      if (failure.code === 'chatwork_not_connected') return messages.failChatworkNotConnected;
      if (failure.code === 'chatwork_token_rejected') return messages.failChatworkTokenRejected;
      return messages.failError(failure.message, failure.code);
  }
}

/** Why a test message was not delivered: a known ChatWork reason, else the relay's own words. */
export function deliveryErrorMessage(
  error: { code: string; message: string } | undefined,
  messages: SettingsCatalogue,
): string {
  if (!error) return messages.unknownReason;
  return (
    messages.deliveryErrors[error.code] ?? (error.message === '' ? error.code : `${error.message} (${error.code})`)
  );
}

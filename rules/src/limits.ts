/** Bounds that keep one app's rule set far inside kintone's 64 KB per-value config limit. */
export const RULE_LIMITS = {
  rules: 50,
  idLength: 64,
  nameLength: 100,
  templateLength: 10_000,
  conditions: 20,
  conditionValueLength: 1_000,
  conditionValues: 100,
  changedFields: 100,
  mentionAccounts: 50,
  userMapEntries: 500,
  fieldCodeLength: 128,
} as const;

/** ChatWork rejects message bodies over 65,535 characters. */
export const CHATWORK_MESSAGE_LIMIT = 65_535;

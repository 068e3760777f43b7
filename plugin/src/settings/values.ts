import type { NotificationEvent, Rule, RuleSet } from '@k2c/rules';
import type { PluginConfig } from '../config/plugin-config';

export const DEFAULT_TEMPLATE = '[info][title]{{$appName}}: {{$event}}[/title]{{$recordUrl}}[/info]';

/** What the settings form shows and reads, as plain values. */
export interface SettingsFormValues {
  relayUrl: string;
  /** Empty means "keep the stored key" when there is one. */
  connectionKey: string;
  ruleName: string;
  events: NotificationEvent[];
  roomId: string;
  template: string;
  enabled: boolean;
}

/** The form's rule after validation, trimmed and normalised. */
export interface ValidSettings {
  relayUrl: string;
  /** null: keep the stored key. */
  connectionKey: string | null;
  ruleName: string;
  events: NotificationEvent[];
  roomId: string;
  template: string;
  enabled: boolean;
}

const FIRST_RULE_ID = 'r1';

/** The minimal screen edits the first rule; a fuller editor will list them all. */
export function formValuesFromConfig(config: PluginConfig): SettingsFormValues {
  const rule = config.ruleSet.rules[0];
  return {
    relayUrl: config.relayUrl,
    connectionKey: '',
    ruleName: rule?.name ?? '',
    events: rule ? [...rule.events] : ['create'],
    roomId: rule?.roomId ?? '',
    template: rule?.template ?? DEFAULT_TEMPLATE,
    enabled: rule?.enabled ?? true,
  };
}

/**
 * Writes the form's rule over the first rule of the stored set. Everything the minimal screen does
 * not show (conditions, "only when changed", mentions, further rules) is kept as it was.
 */
export function ruleSetFromForm(base: RuleSet, settings: ValidSettings): RuleSet {
  const [first, ...others] = base.rules;
  const rule: Rule = {
    id: first?.id ?? FIRST_RULE_ID,
    name: settings.ruleName,
    enabled: settings.enabled,
    events: [...settings.events],
    roomId: settings.roomId,
    template: settings.template,
    conditions: first?.conditions ?? { match: 'all', items: [] },
    changedFields: first?.changedFields ?? [],
    mentions: first?.mentions ?? { accountIds: [], toAll: false, userMap: {} },
  };
  return { version: 1, rules: [rule, ...others] };
}

import {
  type NotificationEvent,
  notificationEvents,
  parseRuleSetJson,
  type RuleSet,
  referencedFields,
} from '@k2c/rules';
import { isObject } from '../shared/is-object';
import { stripTrailingSlashes } from './relay-url';

/** The schema version this build writes (contract 1). */
export const CURRENT_SCHEMA_VERSION = '1';

/** The stored form: kintone keeps plug-in config as string values only. */
export type RawPluginConfig = Record<string, string>;

export interface PluginConfig {
  schemaVersion: typeof CURRENT_SCHEMA_VERSION;
  /** Origin plus optional base path, no trailing slash; '' when not configured yet. */
  relayUrl: string;
  ruleSet: RuleSet;
  /** The field codes the runtime sends: always derived from the enabled rules. */
  fields: string[];
  appName: string;
  /** The stored rules could not be read; `ruleSet` is then empty. */
  rulesUnreadable: boolean;
  /** The config was written by a newer plug-in version this build does not know. */
  unknownSchemaVersion: boolean;
}

/** What the settings screen decides; the rest of the stored config is derived from it. */
export interface PluginConfigInput {
  relayUrl: string;
  ruleSet: RuleSet;
  appName: string;
}

/**
 * One step forward between two stored versions. To introduce version 2, add
 * `{ from: '1', to: '2', migrate }` here and bump CURRENT_SCHEMA_VERSION.
 */
export interface ConfigMigration {
  from: string;
  to: string;
  migrate(raw: RawPluginConfig): RawPluginConfig;
}

export const configMigrations: readonly ConfigMigration[] = [];

export function emptyRuleSet(): RuleSet {
  return { version: 1, rules: [] };
}

/**
 * Brings a stored config up to CURRENT_SCHEMA_VERSION by applying migrations in order.
 * A config without `schemaVersion` predates nothing (version 1 is the first), so it is read as 1.
 */
export function migrateRawConfig(
  raw: RawPluginConfig,
  migrations: readonly ConfigMigration[] = configMigrations,
  target: string = CURRENT_SCHEMA_VERSION,
): { raw: RawPluginConfig; known: boolean } {
  let current = raw;
  // Each migration runs at most once, so a faulty list cannot loop forever.
  for (let steps = 0; steps <= migrations.length; steps++) {
    const version = current.schemaVersion ?? '1';
    if (version === target) return { raw: current, known: true };
    const step = migrations.find((migration) => migration.from === version);
    if (!step) break;
    current = { ...step.migrate(current), schemaVersion: step.to };
  }
  return { raw: current, known: false };
}

/** Reads the stored config, never throwing: anything missing or unreadable gets its default. */
export function readPluginConfig(
  stored: RawPluginConfig | null | undefined,
  migrations: readonly ConfigMigration[] = configMigrations,
): PluginConfig {
  const { raw, known } = migrateRawConfig(stored ?? {}, migrations);
  let ruleSet = emptyRuleSet();
  let rulesUnreadable = false;
  if (typeof raw.rules === 'string' && raw.rules.trim() !== '') {
    const parsed = parseRuleSetJson(raw.rules);
    if (parsed.ok) ruleSet = parsed.value;
    else rulesUnreadable = true;
  }
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    relayUrl: typeof raw.relayUrl === 'string' ? stripTrailingSlashes(raw.relayUrl.trim()) : '',
    ruleSet,
    // Derived rather than trusted: the runtime must never send a field no enabled rule reads.
    fields: referencedFields(ruleSet),
    appName: typeof raw.appName === 'string' ? raw.appName : '',
    rulesUnreadable,
    unknownSchemaVersion: !known,
  };
}

/** What the record screens need from the config, nothing more. */
export interface RuntimeConfig {
  relayUrl: string;
  /** Events at least one enabled rule listens to; nothing is sent for the others. */
  events: NotificationEvent[];
  /** The field codes to send (contract 1 `fields`, written as referencedFields of the rules). */
  fields: string[];
}

function parseJson(text: string | undefined): unknown {
  try {
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The record screens' reader. It does not validate the whole rule set: the settings screen did
 * that before saving, the relay evaluates its own stored copy, and the full parser would take a
 * third of desktop.js's 15 KB budget. It reads which events enabled rules listen to, and sends
 * exactly the stored `fields`, which writePluginConfig derives from the rules.
 */
export function readRuntimeConfig(
  stored: RawPluginConfig | null | undefined,
  migrations: readonly ConfigMigration[] = configMigrations,
): RuntimeConfig {
  const { raw } = migrateRawConfig(stored ?? {}, migrations);
  const rules = parseJson(raw.rules);
  const events = new Set<NotificationEvent>();
  if (isObject(rules) && rules.version === 1 && Array.isArray(rules.rules)) {
    for (const rule of rules.rules) {
      // parseRuleSet treats a missing `enabled` as true; so does this reader.
      if (!isObject(rule) || rule.enabled === false || !Array.isArray(rule.events)) continue;
      for (const event of rule.events as unknown[]) {
        if ((notificationEvents as readonly unknown[]).includes(event)) events.add(event as NotificationEvent);
      }
    }
  }
  const fields = parseJson(raw.fields);
  return {
    relayUrl: typeof raw.relayUrl === 'string' ? stripTrailingSlashes(raw.relayUrl.trim()) : '',
    events: notificationEvents.filter((event) => events.has(event)),
    fields: Array.isArray(fields) ? fields.filter((field): field is string => typeof field === 'string') : [],
  };
}

/** Produces exactly the contract-1 keys. The connection key never goes here (see setProxyConfig). */
export function writePluginConfig(config: PluginConfigInput): RawPluginConfig {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    relayUrl: stripTrailingSlashes(config.relayUrl.trim()),
    rules: JSON.stringify(config.ruleSet),
    fields: JSON.stringify(referencedFields(config.ruleSet)),
    appName: config.appName,
  };
}

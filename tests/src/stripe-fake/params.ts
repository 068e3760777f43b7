import { emptyParam, invalidParam, missingParam, unknownParam } from './errors';
import type { FormObject, FormValue } from './form';

export type Metadata = Record<string, string>;

/** Stripe's metadata limits. */
const METADATA_MAX_KEYS = 50;
const METADATA_KEY_MAX = 40;
const METADATA_VALUE_MAX = 500;

/**
 * Typed access to one level of parsed parameters, named the way Stripe names them in errors
 * (`subscription_data[metadata]`). Every endpoint lists the parameters it accepts, so a relay that
 * sends one the fake does not know fails loudly, as Stripe does for a misspelled one.
 */
export class Params {
  constructor(
    private readonly values: FormObject,
    private readonly prefix = '',
  ) {}

  name(key: string): string {
    return this.prefix === '' ? key : `${this.prefix}[${key}]`;
  }

  keys(): string[] {
    return Object.keys(this.values);
  }

  has(key: string): boolean {
    return Object.hasOwn(this.values, key);
  }

  private raw(key: string): FormValue | undefined {
    return this.has(key) ? this.values[key] : undefined;
  }

  allowOnly(keys: readonly string[]): this {
    for (const key of Object.keys(this.values)) if (!keys.includes(key)) throw unknownParam(this.name(key));
    return this;
  }

  /** A string parameter; an empty string counts as absent only where `allowEmpty`. */
  string(key: string, options: { allowEmpty?: boolean } = {}): string | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw invalidParam(this.name(key), `Invalid string: ${this.name(key)}`);
    if (value === '' && !options.allowEmpty) throw emptyParam(this.name(key));
    return value;
  }

  requiredString(key: string): string {
    const value = this.string(key);
    if (value === undefined) throw missingParam(this.name(key));
    return value;
  }

  boolean(key: string): boolean | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    if (value !== 'true' && value !== 'false') throw invalidParam(this.name(key), `Invalid boolean: ${value}`);
    return value === 'true';
  }

  positiveInteger(key: string): number | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    if (!/^\d+$/.test(value)) {
      throw invalidParam(this.name(key), `Invalid integer: ${value}`, 'parameter_invalid_integer');
    }
    const number = Number(value);
    if (number < 1) throw invalidParam(this.name(key), `This value must be greater than or equal to 1.`);
    return number;
  }

  object(key: string): Params | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw invalidParam(this.name(key), `Invalid object`);
    }
    return new Params(value, this.name(key));
  }

  array(key: string): Params[] | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) throw invalidParam(this.name(key), `Invalid array`);
    return value.map((item, index) => {
      if (typeof item !== 'object' || Array.isArray(item)) {
        throw invalidParam(`${this.name(key)}[${index}]`, `Invalid object`);
      }
      return new Params(item, `${this.name(key)}[${index}]`);
    });
  }

  stringArray(key: string): string[] | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    const items = Array.isArray(value) ? value : [value];
    return items.map((item, index) => {
      if (typeof item !== 'string') throw invalidParam(`${this.name(key)}[${index}]`, `Invalid string`);
      return item;
    });
  }

  /**
   * Metadata as given: `null` for `metadata=` (unset all), otherwise key → value where '' means
   * "unset this key". Limits are Stripe's.
   */
  metadata(key = 'metadata'): Record<string, string> | null | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    if (value === '') return null;
    if (typeof value !== 'object' || Array.isArray(value)) throw invalidParam(this.name(key), 'Invalid hash');
    const entries = Object.entries(value);
    if (entries.length > METADATA_MAX_KEYS) {
      throw invalidParam(this.name(key), `You can have at most ${METADATA_MAX_KEYS} keys in metadata.`);
    }
    const result: Record<string, string> = {};
    for (const [metaKey, metaValue] of entries) {
      const param = `${this.name(key)}[${metaKey}]`;
      if (typeof metaValue !== 'string') throw invalidParam(param, `Invalid string: ${param}`);
      if (metaKey.length > METADATA_KEY_MAX) {
        throw invalidParam(param, `Metadata keys can have up to ${METADATA_KEY_MAX} characters.`);
      }
      if (metaValue.length > METADATA_VALUE_MAX) {
        throw invalidParam(
          param,
          `Metadata values can have up to ${METADATA_VALUE_MAX} characters, but you passed in a value that is ${metaValue.length} characters.`,
        );
      }
      result[metaKey] = metaValue;
    }
    return result;
  }
}

/** Applies a metadata parameter to existing metadata the way Stripe's updates do. */
export function mergeMetadata(current: Metadata, update: Record<string, string> | null | undefined): Metadata {
  if (update === undefined) return current;
  if (update === null) return {};
  const merged = { ...current };
  for (const [key, value] of Object.entries(update)) {
    if (value === '') delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

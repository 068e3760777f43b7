import { z } from 'zod';
import type { Messages } from '../i18n/index';
import type { FieldErrors } from '../layout/components';

// The same limits as the JSON account API (routes/account-api.ts), so a form and a script agree.
export const LIMITS = { email: 254, password: 256, passwordMin: 10, companyName: 200, keyLabel: 100 } as const;

const emailSchema = z.email();

export function checkText(value: string | undefined, max: number, t: Messages): string | undefined {
  const text = (value ?? '').trim();
  if (text === '') return t.validation.required;
  if (text.length > max) return t.validation.tooLong(max);
  return undefined;
}

export function checkEmail(value: string | undefined, t: Messages): string | undefined {
  const text = (value ?? '').trim();
  if (text === '') return t.validation.required;
  if (text.length > LIMITS.email) return t.validation.tooLong(LIMITS.email);
  return emailSchema.safeParse(text).success ? undefined : t.validation.email;
}

export function checkNewPassword(value: string | undefined, t: Messages): string | undefined {
  const text = value ?? '';
  if (text === '') return t.validation.required;
  if (text.length < LIMITS.passwordMin) return t.validation.passwordShort;
  if (text.length > LIMITS.password) return t.validation.tooLong(LIMITS.password);
  return undefined;
}

/** A password being checked (login, confirmation): only presence and the hashing bound. */
export function checkPassword(value: string | undefined, t: Messages): string | undefined {
  const text = value ?? '';
  if (text === '') return t.validation.required;
  if (text.length > LIMITS.password) return t.validation.tooLong(LIMITS.password);
  return undefined;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.values(errors).some((error) => error !== undefined);
}

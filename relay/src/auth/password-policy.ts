import { z } from 'zod';
import { AppError } from '../errors';

// Long passphrases are welcome; the upper bound only keeps hashing cheap to refuse.
export const newPasswordSchema = z.string().min(10, 'must be at least 10 characters').max(256);

/**
 * The same rule as sign-up, for services called without a route's validation (the dashboard).
 * Like readJson, the error names the field and the rule, never the value.
 */
export function assertNewPassword(password: string, field = 'newPassword'): void {
  const result = newPasswordSchema.safeParse(password);
  if (result.success) return;
  const issues = result.error.issues.map((issue) => ({ path: field, message: issue.message }));
  throw new AppError('invalid_request', `Invalid request: ${field} ${issues[0]?.message ?? 'is not allowed'}`, {
    issues,
  });
}

import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2's defaults are Argon2id with OWASP's minimum (19 MiB, 2 passes, 1 lane).
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

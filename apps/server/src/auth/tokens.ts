import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Creates a session token: 32 random bytes, base64url. */
export function generateSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Hex sha256 of a token or secret; only this form is stored or compared. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Compares a presented secret with the expected one in constant time. Both sides are
 * hashed first, so the comparison does not leak the expected secret's length either.
 */
export function secretsEqual(presented: string, expected: string): boolean {
  const a = createHash('sha256').update(presented, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/** Reads the token of an `Authorization: Bearer TOKEN` header, or undefined when absent or of another scheme. */
export function bearerToken(header: string): string | undefined {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

export { isEndToEndId, isTxid } from './ids.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const TXID_LENGTH = 32;
/** The largest multiple of 62 below 256: bytes from here up are discarded so every letter is equally likely. */
const UNBIASED_LIMIT = 256 - (256 % ALPHABET.length);

/**
 * Generates a charge txid of 32 random ASCII letters and digits, within the API Pix cob
 * pattern `[a-zA-Z0-9]{26,35}`. Uses `crypto.getRandomValues` with rejection sampling,
 * so there is no modulo bias.
 */
export function generateTxid(): string {
  let txid = '';
  while (txid.length < TXID_LENGTH) {
    const bytes = globalThis.crypto.getRandomValues(new Uint8Array(TXID_LENGTH * 2));
    for (const byte of bytes) {
      if (byte < UNBIASED_LIMIT && txid.length < TXID_LENGTH) {
        txid += ALPHABET[byte % ALPHABET.length];
      }
    }
  }
  return txid;
}

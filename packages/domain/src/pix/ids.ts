/** Identifier formats of the Central Bank's API Pix. */

const TXID_PATTERN = /^[a-zA-Z0-9]{26,35}$/;
const WEBHOOK_TXID_PATTERN = /^[a-zA-Z0-9]{1,35}$/;
const END_TO_END_ID_PATTERN = /^[a-zA-Z0-9]{32}$/;

/** Checks that `text` is an immediate charge (cob) txid: 26 to 35 ASCII letters and digits. */
export function isTxid(text: unknown): text is string {
  return typeof text === 'string' && TXID_PATTERN.test(text);
}

/**
 * Checks that `text` is a txid as a Pix webhook may carry it: 1 to 35 ASCII letters and digits.
 * The range is wider than a cob txid because a static BR Code carries a txid of at most 25.
 */
export function isWebhookTxid(text: unknown): text is string {
  return typeof text === 'string' && WEBHOOK_TXID_PATTERN.test(text);
}

/** Checks that `text` is an end-to-end id (or a refund's rtrId): exactly 32 ASCII letters and digits. */
export function isEndToEndId(text: unknown): text is string {
  return typeof text === 'string' && END_TO_END_ID_PATTERN.test(text);
}

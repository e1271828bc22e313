/** Ledger account ids. Each user has two wallet accounts; the platform has fixed accounts. */

export type Bucket = 'available' | 'blocked';

/** Platform accounts, created by the first migration. */
export const PLATFORM_ACCOUNTS = {
  /** Counterpart of every PIX received: money held at the settlement bank. */
  pixSettlement: 'platform:pix_settlement',
  /** Pix whose txid matches no charge, held until operations identify the payer. */
  suspense: 'platform:suspense',
  /** Refunds (devoluções) paid back to payers. */
  pixRefundsOut: 'platform:pix_refunds_out',
} as const;

export function walletAccountId(userId: string, bucket: Bucket): string {
  return `wallet:${userId}:${bucket}`;
}

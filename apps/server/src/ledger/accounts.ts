import type { WalletBucket } from '@lastro/protocol';

/** Ledger account ids. Each user has one wallet account per bucket; the platform has fixed accounts. */

export type Bucket = WalletBucket;

/** Platform accounts, created by the first migration. */
export const PLATFORM_ACCOUNTS = {
  /** Counterpart of every PIX received: money held at the settlement bank. */
  pixSettlement: 'platform:pix_settlement',
  /** Pix whose txid matches no charge, held until operations identify the payer. */
  suspense: 'platform:suspense',
  /** Refunds (devoluções) paid back to payers. */
  pixRefundsOut: 'platform:pix_refunds_out',
  /** PIX transfers paid out to investors' own accounts at other institutions. */
  pixOut: 'platform:pix_out',
} as const;

export function walletAccountId(userId: string, bucket: Bucket): string {
  return `wallet:${userId}:${bucket}`;
}

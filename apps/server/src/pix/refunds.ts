import type { PixWebhookRefund } from '@lastro/domain';
import type { Logger } from 'pino';
import type { ChangeSet } from '../changes.js';
import type { ReceivedPix, RefundRecord, RefundStatus } from '../db/pix.js';
import type { Store } from '../db/store.js';
import type { PostingLine } from '../ledger/ledger.js';
import { PLATFORM_ACCOUNTS, walletAccountId } from '../ledger/accounts.js';

/**
 * Order of refund statuses: EM_PROCESSAMENTO may become DEVOLVIDO or NAO_REALIZADO, which
 * are final. A callback with a lower rank than the stored one is an older retry.
 */
const STATUS_RANK: Record<RefundStatus, number> = { EM_PROCESSAMENTO: 1, DEVOLVIDO: 2, NAO_REALIZADO: 2 };

/**
 * Applies one refund status of a received Pix once per (refund id, status):
 * - EM_PROCESSAMENTO moves the amount from available to blocked;
 * - DEVOLVIDO pays it out to `platform:pix_refunds_out`, from blocked when it was blocked,
 *   else from available;
 * - NAO_REALIZADO releases a blocked amount back to available.
 * For a Pix held in suspense the money leaves `platform:suspense` on DEVOLVIDO, and the other
 * statuses only record the refund.
 */
export function applyRefund(
  store: Store,
  endToEndId: string,
  refund: PixWebhookRefund,
  now: string,
  changes: ChangeSet,
  logger: Logger,
): void {
  const log = logger.child({ endToEndId, refundId: refund.id, status: refund.status });
  const pix = store.pix.findReceived(endToEndId);
  if (pix === undefined) {
    // The Pix is credited earlier in the same transaction, so this only happens on a logic error.
    throw new Error(`refund ${refund.id} refers to Pix ${endToEndId}, which was not received`);
  }

  const stored = store.pix.findRefund(refund.id);
  if (stored === undefined) {
    applyNewRefund(store, pix, refund, now, changes, log);
    return;
  }
  if (stored.endToEndId !== endToEndId || stored.amount !== refund.amount) {
    log.error(
      { alert: 'pix_refund_mismatch', storedEndToEndId: stored.endToEndId, storedAmount: stored.amount, amount: refund.amount },
      'refund differs from the stored refund with this id; ignored',
    );
    return;
  }
  if (stored.status === refund.status) {
    log.info('refund status already applied; replay ignored');
    return;
  }
  if (STATUS_RANK[refund.status] <= STATUS_RANK[stored.status]) {
    log.warn({ storedStatus: stored.status }, 'refund status is older than or conflicts with the stored status; ignored');
    return;
  }

  // The stored status is EM_PROCESSAMENTO and the new one is final.
  const lines = transitionLines(pix, stored, refund.status);
  postRefund(store, refund, lines, now, changes);
  store.pix.upsertRefund({ ...stored, status: refund.status, blocked: false, updatedAt: now });
  log.info({ amount: refund.amount }, 'refund status applied');
}

function applyNewRefund(
  store: Store,
  pix: ReceivedPix,
  refund: PixWebhookRefund,
  now: string,
  changes: ChangeSet,
  log: Logger,
): void {
  if (refund.status !== 'NAO_REALIZADO') {
    const alreadyRefunded = store.pix.refundedAmount(pix.endToEndId);
    if (alreadyRefunded + refund.amount > pix.amount) {
      log.error(
        { alert: 'pix_refund_exceeds_pix', amount: refund.amount, alreadyRefunded, pixAmount: pix.amount },
        'refunds would exceed the Pix amount; ignored',
      );
      return;
    }
  }

  let lines: PostingLine[] = [];
  const blocked = refund.status === 'EM_PROCESSAMENTO' && pix.userId !== null;
  if (pix.userId !== null && refund.status === 'EM_PROCESSAMENTO') {
    lines = [
      { accountId: walletAccountId(pix.userId, 'available'), amount: -refund.amount, kind: 'pix_refund_block' },
      { accountId: walletAccountId(pix.userId, 'blocked'), amount: refund.amount, kind: 'pix_refund_block' },
    ];
  } else if (refund.status === 'DEVOLVIDO') {
    const source = pix.userId === null ? PLATFORM_ACCOUNTS.suspense : walletAccountId(pix.userId, 'available');
    lines = payOutLines(source, refund.amount);
  }
  postRefund(store, refund, lines, now, changes);
  store.pix.upsertRefund({
    id: refund.id,
    endToEndId: pix.endToEndId,
    rtrId: refund.rtrId,
    amount: refund.amount,
    status: refund.status,
    blocked,
    updatedAt: now,
  });
  log.info({ amount: refund.amount }, 'refund recorded');
}

function transitionLines(pix: ReceivedPix, stored: RefundRecord, status: RefundStatus): PostingLine[] {
  if (pix.userId === null || !stored.blocked) {
    // Nothing was blocked (a Pix held in suspense), so only a payout moves money.
    const source = pix.userId === null ? PLATFORM_ACCOUNTS.suspense : walletAccountId(pix.userId, 'available');
    return status === 'DEVOLVIDO' ? payOutLines(source, stored.amount) : [];
  }
  if (status === 'DEVOLVIDO') {
    return payOutLines(walletAccountId(pix.userId, 'blocked'), stored.amount);
  }
  return [
    { accountId: walletAccountId(pix.userId, 'blocked'), amount: -stored.amount, kind: 'pix_refund_release' },
    { accountId: walletAccountId(pix.userId, 'available'), amount: stored.amount, kind: 'pix_refund_release' },
  ];
}

function payOutLines(sourceAccountId: string, amount: number): PostingLine[] {
  return [
    { accountId: sourceAccountId, amount: -amount, kind: 'pix_refund_debit' },
    { accountId: PLATFORM_ACCOUNTS.pixRefundsOut, amount, kind: 'pix_refund_debit' },
  ];
}

function postRefund(
  store: Store,
  refund: PixWebhookRefund,
  lines: PostingLine[],
  now: string,
  changes: ChangeSet,
): void {
  const first = lines[0];
  if (first === undefined) {
    return;
  }
  store.ledger.post({ kind: first.kind, reference: refund.id, createdAt: now, lines }, changes);
}

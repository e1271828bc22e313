import type { PixWebhook, PixWebhookPix } from '@lastro/domain';
import type { Logger } from 'pino';
import { ChangeSet } from '../changes.js';
import { notifyChanges } from '../notifications/collect.js';
import type { Store } from '../db/store.js';
import { PLATFORM_ACCOUNTS, walletAccountId } from '../ledger/accounts.js';
import { applyRefund } from './refunds.js';

/** Counts returned to the PIX provider for one callback. */
export interface PixCallbackResult {
  /** Pix listed in the callback. */
  received: number;
  /** Pix credited to a user's wallet by this callback. */
  credited: number;
  /** Pix whose endToEndId was already credited, including replays with a different amount. */
  duplicates: number;
  /** Pix credited to the suspense account because their txid matches no charge. */
  suspense: number;
}

type PixOutcome = 'credited' | 'duplicate' | 'suspense';

/**
 * Applies a validated API Pix callback in one write transaction: credits each new
 * endToEndId exactly once (to the charge's user, or to suspense when the txid matches no
 * charge), then applies the refunds listed with each Pix. Returns the counts and the
 * replicated documents that changed, to publish after the commit.
 */
export function applyPixCallback(
  store: Store,
  webhook: PixWebhook,
  logger: Logger,
): { result: PixCallbackResult; changes: ChangeSet } {
  return store.transaction(() => {
    const changes = new ChangeSet();
    const result: PixCallbackResult = { received: webhook.pix.length, credited: 0, duplicates: 0, suspense: 0 };
    const now = new Date().toISOString();
    for (const pix of webhook.pix) {
      const outcome = creditPix(store, pix, now, changes, logger);
      if (outcome === 'credited') {
        result.credited += 1;
      } else if (outcome === 'suspense') {
        result.suspense += 1;
      } else {
        result.duplicates += 1;
      }
      if (outcome === 'duplicate' && isConflictingReplay(store, pix)) {
        // The listed refunds belong to a Pix we do not recognise, so none of them is applied.
        continue;
      }
      for (const refund of pix.devolucoes) {
        applyRefund(store, pix.endToEndId, refund, now, changes, logger);
      }
    }
    notifyChanges(store, changes, new Date(now));
    return { result, changes };
  });
}

function isConflictingReplay(store: Store, pix: PixWebhookPix): boolean {
  const stored = store.pix.findReceived(pix.endToEndId);
  return stored !== undefined && (stored.amount !== pix.amount || stored.txid !== (pix.txid ?? null));
}

function creditPix(store: Store, pix: PixWebhookPix, now: string, changes: ChangeSet, logger: Logger): PixOutcome {
  const stored = store.pix.findReceived(pix.endToEndId);
  if (stored !== undefined) {
    if (stored.amount !== pix.amount || stored.txid !== (pix.txid ?? null)) {
      logger.error(
        {
          alert: 'pix_replay_mismatch',
          endToEndId: pix.endToEndId,
          storedAmount: stored.amount,
          amount: pix.amount,
          storedTxid: stored.txid,
          txid: pix.txid ?? null,
        },
        'Pix replay differs from the credited Pix; ignored',
      );
    } else {
      logger.info({ endToEndId: pix.endToEndId }, 'Pix already credited; replay ignored');
    }
    return 'duplicate';
  }

  const charge = pix.txid === undefined ? undefined : store.charges.findByTxid(pix.txid);
  const userId = charge?.userId ?? null;
  if (charge !== undefined && charge.amount !== null && charge.amount !== pix.amount) {
    logger.warn(
      { alert: 'pix_amount_differs', endToEndId: pix.endToEndId, txid: pix.txid, expected: charge.amount, amount: pix.amount },
      'Pix amount differs from its charge; credited as received',
    );
  }
  const creditAccount = userId === null ? PLATFORM_ACCOUNTS.suspense : walletAccountId(userId, 'available');
  const transactionId = store.ledger.post(
    {
      kind: 'pix_in',
      reference: pix.endToEndId,
      chargeTxid: charge?.txid,
      createdAt: now,
      lines: [
        { accountId: PLATFORM_ACCOUNTS.pixSettlement, amount: -pix.amount, kind: 'pix_in' },
        { accountId: creditAccount, amount: pix.amount, kind: 'pix_in' },
      ],
    },
    changes,
  );
  store.pix.insertReceived({
    endToEndId: pix.endToEndId,
    txid: pix.txid ?? null,
    amount: pix.amount,
    horario: pix.horario,
    userId,
    transactionId,
    receivedAt: now,
  });

  if (userId === null) {
    logger.warn(
      { alert: 'pix_unmatched', endToEndId: pix.endToEndId, txid: pix.txid ?? null, amount: pix.amount },
      'Pix matches no charge; credited to suspense',
    );
    return 'suspense';
  }
  logger.info({ endToEndId: pix.endToEndId, userId, amount: pix.amount }, 'Pix credited');
  return 'credited';
}

import { randomUUID } from 'node:crypto';
import type { LoanDoc } from '@lastro/protocol';
import type { Logger } from 'pino';
import { ChangeSet } from '../changes.js';
import { notifyChanges } from '../notifications/collect.js';
import type { Store } from '../db/store.js';
import type { SyncHub } from '../sync/hub.js';
import { drawLoan } from './loan-book.js';
import { Random } from './prng.js';

/** A running market simulator; `stop` cancels the next step. */
export interface Simulator {
  stop(): void;
}

const MIN_DELAY_MS = 1000;
const MAX_DELAY_MS = 2000;

/**
 * Starts the demo market. Every 1 to 2 seconds, synthetic investors fund part of an open loan,
 * and a fully funded loan becomes `funded`. Now and then a loan changes status (funded → active
 * → repaid, or active → late → defaulted) or a new open loan appears. Each step is one
 * transaction whose changes are published to the sync sockets.
 */
export function startSimulator(store: Store, hub: SyncHub, logger: Logger, random = new Random(Math.random)): Simulator {
  const log = logger.child({ component: 'simulator' });
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const schedule = (): void => {
    if (stopped) {
      return;
    }
    timer = setTimeout(step, random.int(MIN_DELAY_MS, MAX_DELAY_MS));
  };

  const step = (): void => {
    try {
      const changes = store.transaction(() => {
        const changes = new ChangeSet();
        const now = new Date().toISOString();
        const roll = random.next();
        if (roll < 0.75) {
          fundOpenLoan(store, random, now, changes);
        } else if (roll < 0.92) {
          moveLoanStatus(store, random, now, changes);
        } else {
          changes.addLoan(store.loans.insert(drawLoan(random, { id: `emp-${randomUUID().slice(0, 13)}`, createdAt: now, status: 'open' })), 'created');
        }
        notifyChanges(store, changes, new Date(now));
        return changes;
      });
      hub.publish(changes);
      for (const loan of changes.loans.values()) {
        log.debug({ loanId: loan.id, status: loan.status, funded: loan.funded, seq: loan.seq }, 'loan changed');
      }
    } catch (error) {
      log.error({ err: error }, 'simulator step failed');
    }
    schedule();
  };

  schedule();
  log.info('market simulator started');
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      log.info('market simulator stopped');
    },
  };
}

function fundOpenLoan(store: Store, random: Random, now: string, changes: ChangeSet): void {
  const ids = store.loans.idsWithStatus('open', 200);
  if (ids.length === 0) {
    return;
  }
  const loan = store.loans.findById(random.pick(ids));
  if (loan === undefined) {
    return;
  }
  // A synthetic investor commits R$ 100 to 15% of the loan, in whole R$ 100.
  const share = Math.max(10_000, Math.floor((loan.amount * random.int(1, 15)) / 100 / 10_000) * 10_000);
  const funded = Math.min(loan.amount, loan.funded + share);
  const status: LoanDoc['status'] = funded === loan.amount ? 'funded' : 'open';
  const updated = store.loans.update(loan.id, { funded, status, updatedAt: now });
  if (updated !== undefined) {
    changes.addLoan(updated, loan);
  }
}


function moveLoanStatus(store: Store, random: Random, now: string, changes: ChangeSet): void {
  const from = random.pick(['funded', 'active', 'late'] as const);
  const ids = store.loans.idsWithStatus(from, 100);
  if (ids.length === 0) {
    return;
  }
  const loan = store.loans.findById(random.pick(ids));
  if (loan === undefined) {
    return;
  }
  let to: LoanDoc['status'];
  if (from === 'funded') {
    to = 'active';
  } else if (from === 'active') {
    to = random.next() < 0.7 ? 'repaid' : 'late';
  } else {
    to = random.next() < 0.6 ? 'active' : 'defaulted';
  }
  const updated = store.loans.update(loan.id, { funded: loan.funded, status: to, updatedAt: now });
  if (updated !== undefined) {
    changes.addLoan(updated, loan);
  }
}

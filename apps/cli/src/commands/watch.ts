import { formatBRL } from '@lastro/domain';
import type { LoanDoc, WalletDoc } from '@lastro/engine';
import { allowOnly, type Flags } from '../args.js';
import { printJsonLine } from '../output.js';
import { endSession, openSession, untilInterrupted, watchConnection } from '../session.js';

const CONNECTION_FLAGS = ['server', 'email', 'password'] as const;

/** Builds the wallet line: centavos, the sequence it reflects, and the balance as the app shows it. */
function walletLine(wallet: WalletDoc): Record<string, unknown> {
  return { available: wallet.available, blocked: wallet.blocked, seq: wallet.seq, formatted: formatBRL(wallet.available) };
}

/** Builds a loan line with the identifying and money fields first. Amounts are centavos. */
export function loanLine(loan: LoanDoc): Record<string, unknown> {
  return {
    id: loan.id,
    status: loan.status,
    amount: loan.amount,
    funded: loan.funded,
    seq: loan.seq,
    grade: loan.grade,
    rateMonthlyBps: loan.rateMonthlyBps,
    termMonths: loan.termMonths,
    borrowerName: loan.borrowerName,
    purpose: loan.purpose,
    state: loan.state,
    createdAt: loan.createdAt,
    updatedAt: loan.updatedAt,
  };
}

/** `lastro watch wallet`: the current wallet, then one line per change, until interrupted. */
export async function watchWallet(flags: Flags): Promise<number> {
  allowOnly(flags, CONNECTION_FLAGS, 'watch wallet');
  const { client } = await openSession(flags);
  let lastSeq: number | null = null;
  const print = (wallet: WalletDoc | null): void => {
    if (wallet === null || wallet.seq === lastSeq) return;
    lastSeq = wallet.seq;
    printJsonLine(walletLine(wallet));
  };
  print(client.wallet.getState());
  const unsubscribe = client.wallet.subscribe(print);
  return runUntilStopped(client, unsubscribe);
}

/** `lastro watch loans`: one line per loan whose `seq` changed, until interrupted. */
export async function watchLoans(flags: Flags): Promise<number> {
  allowOnly(flags, CONNECTION_FLAGS, 'watch loans');
  const { client } = await openSession(flags);
  const seqById = new Map(client.loans.getState().map((loan) => [loan.id, loan.seq]));
  const unsubscribe = client.loans.subscribe((loans) => {
    for (const loan of loans) {
      if (seqById.get(loan.id) === loan.seq) continue;
      seqById.set(loan.id, loan.seq);
      printJsonLine(loanLine(loan));
    }
  });
  return runUntilStopped(client, unsubscribe);
}

export async function runUntilStopped(client: Awaited<ReturnType<typeof openSession>>['client'], unsubscribe: () => void): Promise<number> {
  const connection = watchConnection(client);
  const outcome = await Promise.race([untilInterrupted().then(() => null), connection.failure]);
  unsubscribe();
  connection.stop();
  await endSession(client);
  if (outcome !== null) throw outcome;
  return 0;
}

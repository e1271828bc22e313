import type { LedgerEntryDoc, LedgerEntryKind } from '@lastro/protocol';

/** Translation key of a statement line's description, such as "PIX recebido" for `pix_in`. */
export function ledgerKindKey(kind: LedgerEntryKind): string {
  return `ledger.kinds.${kind}`;
}

/** Sign class of an amount, used to colour it: credits green, debits red. */
export function amountTone(amount: number): 'credit' | 'debit' | 'zero' {
  if (amount > 0) {
    return 'credit';
  }
  return amount < 0 ? 'debit' : 'zero';
}

/** Finds the `pix_in` entry that credited the PIX charge `txid`, or undefined while it is unpaid. */
export function findChargePayment(entries: readonly LedgerEntryDoc[], txid: string): LedgerEntryDoc | undefined {
  return entries.find((entry) => entry.kind === 'pix_in' && entry.txid === txid);
}

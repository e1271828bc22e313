import type { LedgerEntryDoc, LoanDoc, WalletDoc } from '@lastro/protocol';

/** Row shapes of the replicated tables and their conversion to wire documents. */

export interface WalletRow {
  user_id: string;
  available: number;
  blocked: number;
  seq: number;
  updated_at: string;
}

export interface LedgerEntryRow {
  id: string;
  transaction_id: string;
  bucket: 'available' | 'blocked';
  amount: number;
  balance_after: number;
  kind: LedgerEntryDoc['kind'];
  reference: string;
  /** The PIX charge's txid on `pix_in` entries credited to a charge, otherwise null. */
  txid: string | null;
  created_at: string;
  seq: number;
}

export interface LoanRow {
  id: string;
  borrower_user_id: string | null;
  borrower_name: string;
  purpose: string;
  state: string;
  amount: number;
  funded: number;
  rate_monthly_bps: number;
  term_months: number;
  grade: LoanDoc['grade'];
  status: LoanDoc['status'];
  created_at: string;
  updated_at: string;
  seq: number;
}

export function walletDoc(row: WalletRow): WalletDoc {
  return {
    id: row.user_id,
    available: row.available,
    blocked: row.blocked,
    currency: 'BRL',
    updatedAt: row.updated_at,
    seq: row.seq,
  };
}

export function ledgerEntryDoc(row: LedgerEntryRow): LedgerEntryDoc {
  return {
    id: row.id,
    transactionId: row.transaction_id,
    bucket: row.bucket,
    amount: row.amount,
    balanceAfter: row.balance_after,
    kind: row.kind,
    reference: row.reference,
    ...(row.txid === null ? {} : { txid: row.txid }),
    createdAt: row.created_at,
    seq: row.seq,
  };
}

export function loanDoc(row: LoanRow): LoanDoc {
  return {
    id: row.id,
    borrowerName: row.borrower_name,
    purpose: row.purpose,
    state: row.state,
    amount: row.amount,
    funded: row.funded,
    rateMonthlyBps: row.rate_monthly_bps,
    termMonths: row.term_months,
    grade: row.grade,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    seq: row.seq,
  };
}

import type {
  CommandDoc,
  LedgerEntryDoc,
  LoanDoc,
  PositionDoc,
  PreferencesDoc,
  WalletBucket,
  WalletDoc,
} from '@lastro/protocol';

/** Row shapes of the replicated tables and their conversion to wire documents. */

export interface WalletRow {
  user_id: string;
  available: number;
  blocked: number;
  invested: number;
  seq: number;
  updated_at: string;
}

export interface LedgerEntryRow {
  id: string;
  transaction_id: string;
  bucket: WalletBucket;
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
    invested: row.invested,
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
    chatAvailable: row.borrower_user_id !== null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    seq: row.seq,
  };
}

export interface CommandRow {
  id: string;
  user_id: string;
  type: CommandDoc['type'];
  amount: number;
  loan_id: string | null;
  pix_key: string | null;
  pix_key_type: CommandDoc['pixKeyType'] | null;
  status: CommandDoc['status'];
  reason: CommandDoc['reason'] | null;
  transaction_id: string | null;
  available_after: number | null;
  loan_funded_after: number | null;
  pix_out_state: CommandDoc['pixOutState'] | null;
  issued_at: string;
  received_at: string;
  executed_at: string | null;
  seq: number;
}

export interface PositionRow {
  user_id: string;
  loan_id: string;
  amount: number;
  updated_at: string;
  seq: number;
}

export interface PreferencesRow {
  user_id: string;
  language: PreferencesDoc['language'];
  default_invest_amount: number;
  quiet_hours_start: number | null;
  quiet_hours_end: number | null;
  /** JSON array of notification types. */
  muted_notification_types: string;
  /** JSON of the saved loan filter, or null. */
  loan_alert: string | null;
  updated_at: string;
  seq: number;
}

/** Converts a command row; optional fields that are NULL are left out of the document. */
export function commandDoc(row: CommandRow): CommandDoc {
  const doc: CommandDoc = {
    id: row.id,
    type: row.type,
    amount: row.amount,
    status: row.status,
    issuedAt: row.issued_at,
    seq: row.seq,
  };
  if (row.loan_id !== null) {
    doc.loanId = row.loan_id;
  }
  if (row.pix_key !== null) {
    doc.pixKey = row.pix_key;
  }
  if (row.pix_key_type !== null) {
    doc.pixKeyType = row.pix_key_type;
  }
  if (row.reason !== null) {
    doc.reason = row.reason;
  }
  if (row.transaction_id !== null && row.available_after !== null) {
    doc.effect = { transactionId: row.transaction_id, availableAfter: row.available_after };
    if (row.loan_funded_after !== null) {
      doc.effect.loanFundedAfter = row.loan_funded_after;
    }
  }
  if (row.pix_out_state !== null) {
    doc.pixOutState = row.pix_out_state;
  }
  if (row.executed_at !== null) {
    doc.executedAt = row.executed_at;
  }
  return doc;
}

export function positionDoc(row: PositionRow): PositionDoc {
  return { id: row.loan_id, amount: row.amount, updatedAt: row.updated_at, seq: row.seq };
}

/** Converts a preferences row; quiet hours are left out when not set, muted types always present. */
export function preferencesDoc(row: PreferencesRow): PreferencesDoc {
  const doc: PreferencesDoc = {
    id: row.user_id,
    language: row.language,
    defaultInvestAmount: row.default_invest_amount,
    mutedNotificationTypes: JSON.parse(row.muted_notification_types) as PreferencesDoc['mutedNotificationTypes'],
    updatedAt: row.updated_at,
    seq: row.seq,
  };
  if (row.loan_alert !== null) {
    doc.loanAlert = JSON.parse(row.loan_alert) as NonNullable<PreferencesDoc['loanAlert']>;
  }
  if (row.quiet_hours_start !== null && row.quiet_hours_end !== null) {
    doc.quietHoursStart = row.quiet_hours_start;
    doc.quietHoursEnd = row.quiet_hours_end;
  }
  return doc;
}

import type { LoanDoc, LoanStatus } from '@lastro/protocol';

export const LOAN_SORT_KEYS = ['newest', 'recentlyUpdated', 'rateDesc', 'amountDesc', 'progressDesc', 'termAsc'] as const;
export type LoanSortKey = (typeof LOAN_SORT_KEYS)[number];

/** Filter of the loan book: one status, or every status. */
export type LoanStatusFilter = LoanStatus | 'all';

/** Funded share of a loan in whole percent, rounded down and clamped to 0..100. */
export function fundingPercent(loan: Pick<LoanDoc, 'amount' | 'funded'>): number {
  if (loan.amount <= 0) {
    return 0;
  }
  const percent = Math.floor((loan.funded * 100) / loan.amount);
  return Math.min(100, Math.max(0, percent));
}

/**
 * Formats a monthly rate in basis points: 189 is "1,89% a.m." in pt-BR and "1,89% p.m." in English.
 * Amounts are reais written the Brazilian way ("R$ 2.110,00") in both languages, so rates use the
 * same decimal comma in both and only the unit's abbreviation is translated.
 */
export function formatMonthlyRate(rateMonthlyBps: number, language: string): string {
  const whole = Math.trunc(rateMonthlyBps / 100);
  const fraction = String(Math.abs(rateMonthlyBps % 100)).padStart(2, '0');
  const unit = isPortuguese(language) ? 'a.m.' : 'p.m.';
  return `${whole},${fraction}% ${unit}`;
}

export function isPortuguese(language: string): boolean {
  return language.toLowerCase().startsWith('pt');
}

function compareNewest(a: LoanDoc, b: LoanDoc): number {
  if (a.createdAt !== b.createdAt) {
    return a.createdAt < b.createdAt ? 1 : -1;
  }
  if (a.id === b.id) {
    return 0;
  }
  return a.id < b.id ? 1 : -1;
}

const COMPARATORS: Record<LoanSortKey, (a: LoanDoc, b: LoanDoc) => number> = {
  newest: compareNewest,
  recentlyUpdated: (a, b) => b.seq - a.seq,
  rateDesc: (a, b) => b.rateMonthlyBps - a.rateMonthlyBps || compareNewest(a, b),
  amountDesc: (a, b) => b.amount - a.amount || compareNewest(a, b),
  progressDesc: (a, b) => fundingPercent(b) - fundingPercent(a) || compareNewest(a, b),
  termAsc: (a, b) => a.termMonths - b.termMonths || compareNewest(a, b),
};

/** Returns the loans with `status` (or all), sorted by `sortKey`; ties fall back to newest first. */
export function selectLoans(loans: readonly LoanDoc[], status: LoanStatusFilter, sortKey: LoanSortKey): LoanDoc[] {
  const visible = status === 'all' ? [...loans] : loans.filter((loan) => loan.status === status);
  return visible.sort(COMPARATORS[sortKey]);
}

export function isLoanSortKey(value: string): value is LoanSortKey {
  return LOAN_SORT_KEYS.some((key) => key === value);
}

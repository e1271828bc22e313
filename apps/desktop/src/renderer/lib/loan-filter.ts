import { LOAN_GRADES, type LoanGrade } from '@lastro/protocol';

/** The loan book's alert filter: grades (empty for all), lowest monthly rate and longest term (0 for any). */
export interface LoanFilter {
  grades: LoanGrade[];
  minRateMonthlyBps: number;
  maxTermMonths: number;
}

export const EMPTY_LOAN_FILTER: LoanFilter = { grades: [], minRateMonthlyBps: 0, maxTermMonths: 0 };

export type ParsedField = { ok: true; value: number } | { ok: false; errorKey: string };

/** Parses a monthly rate in percent, "1,5" or "1.50", into basis points; empty means any (0). */
export function parseRatePercent(text: string): ParsedField {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: 0 };
  if (!/^\d{1,3}([.,]\d{1,2})?$/.test(trimmed)) return { ok: false, errorKey: 'notifications.loanAlert.invalidRate' };
  const bps = Math.round(Number(trimmed.replace(',', '.')) * 100);
  return bps <= 10_000 ? { ok: true, value: bps } : { ok: false, errorKey: 'notifications.loanAlert.invalidRate' };
}

/** Parses a term in whole months from 1 to 120; empty means any (0). */
export function parseTermMonths(text: string): ParsedField {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: 0 };
  if (!/^\d{1,3}$/.test(trimmed)) return { ok: false, errorKey: 'notifications.loanAlert.invalidTerm' };
  const months = Number(trimmed);
  return months >= 1 && months <= 120 ? { ok: true, value: months } : { ok: false, errorKey: 'notifications.loanAlert.invalidTerm' };
}

/** Formats basis points as a percent field value, "1,50"; 0 (any) is empty. */
export function ratePercentText(bps: number): string {
  return bps === 0 ? '' : (bps / 100).toFixed(2).replace('.', ',');
}

export function isLoanGrade(value: string): value is LoanGrade {
  return LOAN_GRADES.some((grade) => grade === value);
}

/** Reports whether a loan passes the filter's grade, rate and term; the status filter is separate. */
export function matchesLoanFilter(loan: { grade: string; rateMonthlyBps: number; termMonths: number }, filter: LoanFilter): boolean {
  return (
    (filter.grades.length === 0 || filter.grades.some((grade) => grade === loan.grade)) &&
    loan.rateMonthlyBps >= filter.minRateMonthlyBps &&
    (filter.maxTermMonths === 0 || loan.termMonths <= filter.maxTermMonths)
  );
}

import { describe, expect, it } from 'vitest';
import { matchesLoanAlert } from '../src/loan-alert.js';

const LOAN = { status: 'open', grade: 'B', rateMonthlyBps: 189, termMonths: 24 };
const ANY = { grades: [], minRateMonthlyBps: 0, maxTermMonths: 0 };

describe('matchesLoanAlert', () => {
  it('matches an open loan with an empty filter', () => {
    expect(matchesLoanAlert(LOAN, ANY)).toBe(true);
  });

  it.each([
    ['another grade', { ...ANY, grades: ['A', 'C'] }],
    ['a lower rate', { ...ANY, minRateMonthlyBps: 190 }],
    ['a longer term', { ...ANY, maxTermMonths: 12 }],
  ])('rejects %s', (_label, alert) => {
    expect(matchesLoanAlert(LOAN, alert)).toBe(false);
  });

  it('accepts the bounds themselves', () => {
    expect(matchesLoanAlert(LOAN, { grades: ['B'], minRateMonthlyBps: 189, maxTermMonths: 24 })).toBe(true);
  });

  it('never matches a loan that is not open', () => {
    expect(matchesLoanAlert({ ...LOAN, status: 'funded' }, ANY)).toBe(false);
  });
});

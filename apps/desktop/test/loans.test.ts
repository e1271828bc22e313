import type { LoanDoc } from '@lastro/protocol';
import { describe, expect, it } from 'vitest';
import { formatMonthlyRate, fundingPercent, selectLoans } from '../src/renderer/lib/loans';

function loan(overrides: Partial<LoanDoc> & Pick<LoanDoc, 'id'>): LoanDoc {
  return {
    borrowerName: 'Marina S.',
    purpose: 'Capital de giro',
    state: 'SP',
    amount: 1_000_000,
    funded: 0,
    rateMonthlyBps: 189,
    termMonths: 12,
    grade: 'B',
    status: 'open',
    createdAt: '2026-12-01T12:00:00.000Z',
    updatedAt: '2026-12-01T12:00:00.000Z',
    seq: 1,
    ...overrides,
  };
}

describe('formatMonthlyRate', () => {
  it('formats basis points as a pt-BR monthly rate', () => {
    expect(formatMonthlyRate(189, 'pt-BR')).toBe('1,89% a.m.');
    expect(formatMonthlyRate(205, 'pt-BR')).toBe('2,05% a.m.');
    expect(formatMonthlyRate(1000, 'pt-BR')).toBe('10,00% a.m.');
    expect(formatMonthlyRate(7, 'pt-BR')).toBe('0,07% a.m.');
  });

  it('keeps the decimal comma of the amounts in English', () => {
    expect(formatMonthlyRate(189, 'en')).toBe('1,89% p.m.');
    expect(formatMonthlyRate(1000, 'en')).toBe('10,00% p.m.');
    expect(formatMonthlyRate(7, 'en')).toBe('0,07% p.m.');
  });
});

describe('fundingPercent', () => {
  it('rounds down to whole percent', () => {
    expect(fundingPercent({ amount: 300, funded: 200 })).toBe(66);
    expect(fundingPercent({ amount: 1000, funded: 1000 })).toBe(100);
    expect(fundingPercent({ amount: 1000, funded: 0 })).toBe(0);
  });

  it('clamps overfunding and guards a zero amount', () => {
    expect(fundingPercent({ amount: 100, funded: 150 })).toBe(100);
    expect(fundingPercent({ amount: 0, funded: 10 })).toBe(0);
  });
});

describe('selectLoans', () => {
  const loans = [
    loan({ id: 'a', createdAt: '2026-12-01T10:00:00.000Z', rateMonthlyBps: 150, amount: 500, funded: 400 }),
    loan({ id: 'b', createdAt: '2026-12-03T10:00:00.000Z', rateMonthlyBps: 320, amount: 900, status: 'funded' }),
    loan({ id: 'c', createdAt: '2026-12-02T10:00:00.000Z', rateMonthlyBps: 210, amount: 700, termMonths: 6 }),
  ];

  it('sorts newest first by default', () => {
    expect(selectLoans(loans, 'all', 'newest').map((item) => item.id)).toEqual(['b', 'c', 'a']);
  });

  it('sorts by rate, amount, progress and term', () => {
    expect(selectLoans(loans, 'all', 'rateDesc').map((item) => item.id)).toEqual(['b', 'c', 'a']);
    expect(selectLoans(loans, 'all', 'amountDesc').map((item) => item.id)).toEqual(['b', 'c', 'a']);
    expect(selectLoans(loans, 'all', 'progressDesc').map((item) => item.id)).toEqual(['a', 'b', 'c']);
    expect(selectLoans(loans, 'all', 'termAsc').map((item) => item.id)).toEqual(['c', 'b', 'a']);
  });

  it('puts the most recently changed loan first', () => {
    const changed = [loan({ id: 'x', seq: 7 }), loan({ id: 'y', seq: 42 }), loan({ id: 'z', seq: 9 })];
    expect(selectLoans(changed, 'all', 'recentlyUpdated').map((item) => item.id)).toEqual(['y', 'z', 'x']);
  });

  it('filters by status without changing the input', () => {
    expect(selectLoans(loans, 'open', 'newest').map((item) => item.id)).toEqual(['c', 'a']);
    expect(selectLoans(loans, 'late', 'newest')).toEqual([]);
    expect(loans.map((item) => item.id)).toEqual(['a', 'b', 'c']);
  });
});

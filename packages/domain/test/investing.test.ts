import { describe, expect, it } from 'vitest';
import { checkInvestmentAmount, MIN_INVESTMENT_CENTAVOS } from '../src/index.js';

describe('checkInvestmentAmount', () => {
  it.each([
    ['minimum into a large loan', MIN_INVESTMENT_CENTAVOS, 100_000, null],
    ['below the minimum', MIN_INVESTMENT_CENTAVOS - 1, 100_000, 'below_minimum'],
    ['above the remaining amount', 10_001, 10_000, 'above_remaining'],
    ['exactly the remaining amount', 10_000, 10_000, null],
    ['a remainder under the minimum', 1_000, 1_000, null],
    ['less than a remainder under the minimum', 999, 1_000, 'below_minimum'],
  ] as const)('%s', (_case, amount, remaining, expected) => {
    expect(checkInvestmentAmount(amount, remaining)).toBe(expected);
  });
});

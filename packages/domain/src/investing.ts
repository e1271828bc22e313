/**
 * Smallest amount, in centavos, that one `invest` command may commit to a loan: R$ 25,00.
 * The server rejects a smaller investment with `below_minimum`, and clients use the same
 * value to validate the invest form before the command is queued.
 */
export const MIN_INVESTMENT_CENTAVOS = 2500;

/**
 * Checks an investment of `amount` centavos in a loan that still needs `remaining` centavos.
 * Returns null when the amount fits, `above_remaining` when it is more than the loan needs,
 * and `below_minimum` when it is under {@link MIN_INVESTMENT_CENTAVOS}, except that exactly
 * the remaining amount is always allowed, so a loan whose remainder fell under the minimum
 * can still be fully funded.
 */
export function checkInvestmentAmount(amount: number, remaining: number): 'below_minimum' | 'above_remaining' | null {
  if (amount > remaining) {
    return 'above_remaining';
  }
  if (amount < MIN_INVESTMENT_CENTAVOS && amount !== remaining) {
    return 'below_minimum';
  }
  return null;
}

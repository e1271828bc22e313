import { MAX_PIX_AMOUNT_CENTAVOS, parseBRL } from '@lastro/domain';

export type DepositAmount =
  | { ok: true; centavos: number | undefined }
  | { ok: false; errorKey: string };

/**
 * Reads the optional amount of the deposit form, such as "500,00" or "1.250". Empty text means
 * the payer chooses the amount, so the charge is created without one.
 */
export function parseDepositAmount(text: string): DepositAmount {
  if (text.trim() === '') {
    return { ok: true, centavos: undefined };
  }
  let centavos: number;
  try {
    centavos = parseBRL(text);
  } catch {
    return { ok: false, errorKey: 'deposit.errors.invalidAmount' };
  }
  if (centavos <= 0) {
    return { ok: false, errorKey: 'deposit.errors.nonPositive' };
  }
  if (centavos > MAX_PIX_AMOUNT_CENTAVOS) {
    return { ok: false, errorKey: 'deposit.errors.invalidAmount' };
  }
  return { ok: true, centavos };
}

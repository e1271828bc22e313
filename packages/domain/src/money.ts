/**
 * Money at the edges. Inside Lastro every amount is an integer number of centavos
 * (R$ 0,01); text is parsed into centavos and printed from centavos only here.
 */

const brlFormat = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' });

/** Digits with optional thousands groups of three ("1.234") or none ("1234"), then up to two decimals. */
const BRL_PATTERN = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/;

/** The decimal form of amounts in the Central Bank's API Pix: up to 10 integer digits, two decimals. */
const PIX_AMOUNT_PATTERN = /^(\d{1,10})\.(\d{2})$/;

/** The largest amount the API Pix decimal form can carry, 9999999999.99, in centavos. */
export const MAX_PIX_AMOUNT_CENTAVOS = 999_999_999_999;

function assertCentavos(centavos: number): void {
  if (!Number.isSafeInteger(centavos)) {
    throw new RangeError(
      `invalid amount ${String(centavos)}: amounts are integer centavos, so pass a safe integer such as 123456 for R$ 1.234,56`,
    );
  }
}

/** Splits integer centavos into a sign and the decimal string "1234.56" without floating point. */
function toDecimalString(centavos: number): { negative: boolean; decimal: string } {
  const digits = Math.abs(centavos).toString().padStart(3, '0');
  const decimal = `${digits.slice(0, -2)}.${digits.slice(-2)}`;
  return { negative: centavos < 0, decimal };
}

/** Builds a safe integer of centavos from integer and decimal digit strings, or returns undefined when it would overflow. */
function toCentavos(integerDigits: string, decimalDigits: string): number | undefined {
  const centavos = BigInt(integerDigits) * 100n + BigInt(decimalDigits.padEnd(2, '0'));
  if (centavos > BigInt(Number.MAX_SAFE_INTEGER)) {
    return undefined;
  }
  return Number(centavos);
}

/**
 * Formats integer centavos as Brazilian reais with `Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' })`.
 *
 * The output has a no-break space (U+00A0) after "R$", for example `formatBRL(123456)` is
 * "R$ 1.234,56" and `formatBRL(-500)` is "-R$ 5,00". The amount goes to Intl as a decimal
 * string, so large values are printed exactly.
 *
 * @throws RangeError when `centavos` is not a safe integer.
 */
export function formatBRL(centavos: number): string {
  assertCentavos(centavos);
  const { negative, decimal } = toDecimalString(centavos);
  const amount = `${negative ? '-' : ''}${decimal}` as Intl.StringNumericLiteral;
  return brlFormat.format(amount);
}

/**
 * Parses a pt-BR amount into integer centavos.
 *
 * Accepts "1.234,56", "1234,56", "R$ 1.234,56" (any space, including U+00A0, or none after
 * "R$"), "100", "0,1" (10 centavos), a leading minus before or after "R$" ("-R$ 5,00",
 * "R$ -5,00", "-5,00") and surrounding whitespace. Rejects the English form "1,234.56",
 * more than two decimals, misplaced thousands separators and anything else. Digits are
 * converted as integers, never through floating point.
 *
 * @throws Error naming the input and the expected form, for example
 *   `invalid amount "1,234.56": use the pt-BR form 1.234,56`.
 */
export function parseBRL(text: string): number {
  const invalid = (reason = 'use the pt-BR form 1.234,56'): Error =>
    new Error(`invalid amount ${JSON.stringify(text)}: ${reason}`);
  if (typeof text !== 'string') {
    throw invalid('expected a string such as "1.234,56"');
  }

  let rest = text.trim();
  let negative = false;
  if (rest.startsWith('-')) {
    negative = true;
    rest = rest.slice(1);
  }
  if (rest.startsWith('R$')) {
    rest = rest.slice(2).trimStart();
  }
  if (!negative && rest.startsWith('-')) {
    negative = true;
    rest = rest.slice(1);
  }

  const match = BRL_PATTERN.exec(rest);
  if (match === null) {
    throw invalid();
  }
  const integerDigits = (match[1] ?? '').replaceAll('.', '');
  const centavos = toCentavos(integerDigits, match[2] ?? '');
  if (centavos === undefined) {
    throw invalid(`the largest amount is ${formatBRL(Number.MAX_SAFE_INTEGER)}`);
  }
  return negative && centavos !== 0 ? -centavos : centavos;
}

/**
 * Parses an API Pix amount such as "110.00" (pattern `^\d{1,10}\.\d{2}$`) into integer centavos.
 *
 * @throws Error naming the input, for example
 *   `invalid Pix amount "110,00": use a decimal string with two places, like "110.00"`.
 */
export function parsePixAmount(text: string): number {
  const match = typeof text === 'string' ? PIX_AMOUNT_PATTERN.exec(text) : null;
  if (match === null) {
    throw new Error(
      `invalid Pix amount ${JSON.stringify(text)}: use a decimal string with two places, like "110.00"`,
    );
  }
  // Ten integer digits and two decimals always fit in a safe integer.
  return toCentavos(match[1] ?? '', match[2] ?? '') as number;
}

/** Checks that `text` is an API Pix amount string such as "110.00", without converting it. */
export function isPixAmount(text: unknown): text is string {
  return typeof text === 'string' && PIX_AMOUNT_PATTERN.test(text);
}

/**
 * Formats integer centavos as an API Pix amount: `formatPixAmount(11000)` is "110.00".
 *
 * @throws RangeError when `centavos` is not an integer from 0 to {@link MAX_PIX_AMOUNT_CENTAVOS}.
 */
export function formatPixAmount(centavos: number): string {
  assertCentavos(centavos);
  if (centavos < 0 || centavos > MAX_PIX_AMOUNT_CENTAVOS) {
    throw new RangeError(
      `invalid Pix amount ${centavos} centavos: use an amount from 0 to ${MAX_PIX_AMOUNT_CENTAVOS} centavos (9999999999.99)`,
    );
  }
  return toDecimalString(centavos).decimal;
}

import { describe, expect, it } from 'vitest';
import { formatBRL, formatPixAmount, isPixAmount, parseBRL, parsePixAmount } from '../src/index.js';

const NBSP = '\u00a0';

describe('formatBRL', () => {
  it('puts a no-break space after R$', () => {
    const text = formatBRL(123456);
    expect(text).toBe(`R$${NBSP}1.234,56`);
    expect(text.charCodeAt(2)).toBe(0xa0);
  });

  it('formats small and zero amounts', () => {
    expect(formatBRL(0)).toBe(`R$${NBSP}0,00`);
    expect(formatBRL(1)).toBe(`R$${NBSP}0,01`);
    expect(formatBRL(10)).toBe(`R$${NBSP}0,10`);
    expect(formatBRL(50000)).toBe(`R$${NBSP}500,00`);
  });

  it('formats negatives as Intl prints them', () => {
    expect(formatBRL(-500)).toBe(`-R$${NBSP}5,00`);
    expect(formatBRL(-1)).toBe(`-R$${NBSP}0,01`);
  });

  it('formats the largest safe integer exactly', () => {
    expect(formatBRL(Number.MAX_SAFE_INTEGER)).toBe(`R$${NBSP}90.071.992.547.409,91`);
  });

  it.each([1.5, 0.1, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1])(
    'rejects %s with a RangeError naming it',
    (value) => {
      expect(() => formatBRL(value)).toThrow(RangeError);
      expect(() => formatBRL(value)).toThrow(String(value));
    },
  );
});

describe('parseBRL', () => {
  it.each([
    ['1.234,56', 123456],
    ['1234,56', 123456],
    ['R$ 1.234,56', 123456],
    [`R$${NBSP}1.234,56`, 123456],
    ['R$1.234,56', 123456],
    ['100,00', 10000],
    ['100', 10000],
    ['0,1', 10],
    ['0,01', 1],
    ['1.000.000', 100000000],
    ['-R$ 5,00', -500],
    [`-R$${NBSP}5,00`, -500],
    ['R$ -5,00', -500],
    ['-5,00', -500],
    ['  12,30 ', 1230],
    [`${NBSP}R$ 7${NBSP}`, 700],
    ['-0,00', 0],
  ])('parses %j as %i centavos', (text, centavos) => {
    expect(parseBRL(text)).toBe(centavos);
  });

  it('returns positive zero for a negative zero', () => {
    expect(Object.is(parseBRL('-0,00'), 0)).toBe(true);
  });

  it('adds 0,10 and 0,20 to exactly 0,30', () => {
    const sum = parseBRL('0,10') + parseBRL('0,20');
    expect(sum).toBe(30);
    expect(sum).toBe(parseBRL('0,30'));
    expect(formatBRL(sum)).toBe(`R$${NBSP}0,30`);
  });

  it('round-trips what formatBRL prints', () => {
    for (const centavos of [0, 1, 99, 100, 123456, -500, 987654321012]) {
      expect(parseBRL(formatBRL(centavos))).toBe(centavos);
    }
  });

  it.each(['1,234.56', '12,345', 'abc', '', '   ', '1.23,45', '1,2,3', 'R$', '-', '--5', '5-', '1.2345', ',50', '1,', 'R$ 1,234.56', '+5', '5 00'])(
    'rejects %j naming the input',
    (text) => {
      expect(() => parseBRL(text)).toThrow(`invalid amount ${JSON.stringify(text)}`);
    },
  );

  it('tells the expected pt-BR form', () => {
    expect(() => parseBRL('1,234.56')).toThrow('invalid amount "1,234.56": use the pt-BR form 1.234,56');
  });

  it('rejects amounts beyond a safe integer', () => {
    expect(() => parseBRL('90.071.992.547.409,92')).toThrow('the largest amount is');
    expect(parseBRL('90.071.992.547.409,91')).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe('Pix amounts', () => {
  it.each([
    ['110.00', 11000],
    ['0.01', 1],
    ['0.00', 0],
    ['9999999999.99', 999999999999],
  ])('parses %j as %i centavos', (text, centavos) => {
    expect(parsePixAmount(text)).toBe(centavos);
    expect(formatPixAmount(centavos)).toBe(text);
  });

  it.each(['110,00', '110', '110.0', '1.5', '.50', '-1.00', '12345678901.00', ' 1.00', '1e2', ''])(
    'rejects %j naming the input',
    (text) => {
      expect(isPixAmount(text)).toBe(false);
      expect(() => parsePixAmount(text)).toThrow(
        `invalid Pix amount ${JSON.stringify(text)}: use a decimal string with two places, like "110.00"`,
      );
    },
  );

  it.each([-1, 1.5, 1_000_000_000_000])('formatPixAmount rejects %s', (centavos) => {
    expect(() => formatPixAmount(centavos)).toThrow(RangeError);
  });
});

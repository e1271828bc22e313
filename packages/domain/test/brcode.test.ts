import { getPixPayloadInfo, isValidPixPayload } from '@brazilian-utils/brazilian-utils';
import { hasError, parsePix, PixElementType } from 'pix-utils';
import { describe, expect, it } from 'vitest';
import { buildDepositBrCode, computeBrCodeCrc, normaliseBrCodeText } from '../src/index.js';

/** Reads the top-level EMV data objects of a BR Code into a map of id to value. */
function readFields(brCode: string): Map<string, string> {
  const fields = new Map<string, string>();
  let index = 0;
  while (index < brCode.length) {
    const id = brCode.slice(index, index + 2);
    const length = Number(brCode.slice(index + 2, index + 4));
    fields.set(id, brCode.slice(index + 4, index + 4 + length));
    index += 4 + length;
  }
  return fields;
}

const input = {
  merchantName: 'Lastro Crédito',
  merchantCity: 'São Paulo',
  locationUrl: 'pix.example.com/qr/v2/cob/9d36b84fc70b478fb95c12729b90ca25',
};

describe('buildDepositBrCode', () => {
  it('round-trips through pix-utils parsePix', () => {
    const brCode = buildDepositBrCode({ ...input, amountCentavos: 11000 });
    const parsed = parsePix(brCode);
    expect(hasError(parsed)).toBe(false);
    if (hasError(parsed)) return;
    expect(parsed.type).toBe(PixElementType.DYNAMIC);
    if (parsed.type !== PixElementType.DYNAMIC) return;
    expect(parsed.url).toBe(input.locationUrl);
    expect(parsed.merchantName).toBe('LASTRO CREDITO');
    expect(parsed.merchantCity).toBe('SAO PAULO');
    expect(parsed.transactionCurrency).toBe('986');
    expect(parsed.countryCode).toBe('BR');
  });

  it('round-trips through @brazilian-utils', () => {
    const brCode = buildDepositBrCode({ ...input, amountCentavos: 11000 });
    expect(isValidPixPayload(brCode)).toBe(true);
    expect(getPixPayloadInfo(brCode)).toMatchObject({
      url: input.locationUrl,
      merchantName: 'LASTRO CREDITO',
      merchantCity: 'SAO PAULO',
      pointOfInitiation: 'dynamic',
    });
  });

  it('writes the EMV fields in order', () => {
    const brCode = buildDepositBrCode({ ...input, amountCentavos: 123456 });
    const fields = readFields(brCode);
    expect([...fields.keys()]).toEqual(['00', '01', '26', '52', '53', '54', '58', '59', '60', '62', '63']);
    expect(fields.get('00')).toBe('01');
    expect(fields.get('01')).toBe('12');
    expect(fields.get('26')).toBe(`0014br.gov.bcb.pix25${input.locationUrl.length}${input.locationUrl}`);
    expect(fields.get('52')).toBe('0000');
    expect(fields.get('53')).toBe('986');
    expect(fields.get('54')).toBe('1234.56');
    expect(fields.get('58')).toBe('BR');
    expect(fields.get('62')).toBe('0503***');
  });

  it('leaves the amount out when not given', () => {
    const fields = readFields(buildDepositBrCode(input));
    expect(fields.has('54')).toBe(false);
    expect(isValidPixPayload(buildDepositBrCode(input))).toBe(true);
  });

  it('ends with a valid CRC16', () => {
    const brCode = buildDepositBrCode({ ...input, amountCentavos: 1 });
    expect(brCode.slice(-8, -4)).toBe('6304');
    expect(brCode.slice(-4)).toBe(computeBrCodeCrc(brCode.slice(0, -4)));
    const tampered = brCode.replace('0.01', '9.01');
    expect(hasError(parsePix(tampered))).toBe(true);
  });

  it('removes an https scheme from the location', () => {
    const fields = readFields(buildDepositBrCode({ ...input, locationUrl: `https://${input.locationUrl}` }));
    expect(fields.get('26')).toContain(`25${input.locationUrl.length}${input.locationUrl}`);
  });

  it('accepts names at the maximum length', () => {
    const brCode = buildDepositBrCode({ ...input, merchantName: 'Á'.repeat(25), merchantCity: 'ç'.repeat(15) });
    const fields = readFields(brCode);
    expect(fields.get('59')).toBe('A'.repeat(25));
    expect(fields.get('60')).toBe('C'.repeat(15));
  });

  it.each([
    [{ merchantName: 'x'.repeat(26) }, 'invalid merchantName'],
    [{ merchantName: '   ' }, 'invalid merchantName "   "'],
    [{ merchantCity: 'Santo Antônio do Descoberto' }, 'invalid merchantCity "Santo Antônio do Descoberto": use 1 to 15 characters'],
    [{ locationUrl: 'http://pix.example.com/qr/v2/1' }, 'invalid locationUrl "http://pix.example.com/qr/v2/1"'],
    [{ locationUrl: 'pix.example.com' }, 'invalid locationUrl'],
    [{ locationUrl: 'pix.example.com/has space' }, 'invalid locationUrl'],
    [{ locationUrl: `pix.example.com/${'a'.repeat(62)}` }, 'at most 77 characters'],
    [{ amountCentavos: 0 }, 'invalid amountCentavos 0'],
    [{ amountCentavos: -100 }, 'invalid amountCentavos -100'],
    [{ amountCentavos: 10.5 }, 'invalid amountCentavos 10.5'],
    [{ amountCentavos: 1_000_000_000_000 }, 'invalid amountCentavos'],
  ])('rejects %j', (override, message) => {
    expect(() => buildDepositBrCode({ ...input, ...override })).toThrow(RangeError);
    expect(() => buildDepositBrCode({ ...input, ...override })).toThrow(message);
  });

  it('accepts a location of exactly 77 characters', () => {
    const locationUrl = `pix.example.com/${'a'.repeat(61)}`;
    expect(locationUrl).toHaveLength(77);
    expect(isValidPixPayload(buildDepositBrCode({ ...input, locationUrl }))).toBe(true);
  });
});

describe('computeBrCodeCrc', () => {
  it('matches the static example of @brazilian-utils', () => {
    const payload =
      '00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-426655440000' +
      '5204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***6304';
    expect(computeBrCodeCrc(payload)).toBe('1D3D');
  });
});

describe('normaliseBrCodeText', () => {
  it.each([
    ['São Paulo', 'SAO PAULO'],
    ['  Brasília  ', 'BRASILIA'],
    ['Maceió\u00a0 Alagoas', 'MACEIO ALAGOAS'],
    ['Açaí ☃ Co', 'ACAI CO'],
  ])('folds %j to %j', (text, expected) => {
    expect(normaliseBrCodeText(text)).toBe(expected);
  });
});

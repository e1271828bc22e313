/**
 * BR Code ("Pix copia e cola") of a dynamic charge, in the EMV merchant-presented mode
 * layout that the Central Bank's Manual do BR Code and Manual de Padrões para Iniciação
 * do Pix define.
 *
 * Neither pix-utils 2.8 nor @brazilian-utils 2.4 writes a transaction amount (ID 54) next
 * to a payload location, so the fields are assembled here and the tests check the result
 * with both libraries' parsers.
 */
import { formatPixAmount, MAX_PIX_AMOUNT_CENTAVOS } from '../money.js';

/** Input of {@link buildDepositBrCode}. */
export interface DepositBrCodeInput {
  /** Receiver name, at most 25 characters once folded to ASCII uppercase. */
  merchantName: string;
  /** Receiver city, at most 15 characters once folded to ASCII uppercase. */
  merchantCity: string;
  /**
   * Location of the charge payload at the PSP, such as "pix.example.com/qr/v2/cobv/9d36b84f".
   * The BR Code carries it without a scheme, so a leading "https://" is removed. At most 77 characters.
   */
  locationUrl: string;
  /** Amount in integer centavos (ID 54), shown to the payer. Omit it to leave the amount to the payload. */
  amountCentavos?: number;
}

const PIX_GUI = 'br.gov.bcb.pix';
const MAX_NAME_LENGTH = 25;
const MAX_CITY_LENGTH = 15;
/** Template 26 is at most 99 characters: "0014br.gov.bcb.pix" (18) and "25" + length (4) leave 77. */
const MAX_LOCATION_LENGTH = 77;
/** Host (letters, digits, dots, hyphens), optional port, then a path of printable ASCII. */
const LOCATION_PATTERN = /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?::\d{1,5})?\/[\x21-\x7E]*$/;

/** Encodes one EMV data object: two-digit id, two-digit length, value. */
function emvField(id: string, value: string): string {
  if (value.length > 99) {
    throw new RangeError(`BR Code field ${id} is ${value.length} characters; the maximum is 99`);
  }
  return `${id}${value.length.toString().padStart(2, '0')}${value}`;
}

/**
 * Computes the CRC16-CCITT the BR Code requires in field 63: polynomial 0x1021, initial
 * value 0xFFFF, over every character of the payload up to and including "6304". The
 * payload is ASCII here, so each character is one byte.
 */
export function computeBrCodeCrc(payload: string): string {
  let crc = 0xffff;
  for (let index = 0; index < payload.length; index += 1) {
    crc ^= payload.charCodeAt(index) << 8;
    for (let bit = 0; bit < 8; bit += 1) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * Folds text to the BR Code character set: accents removed, ASCII uppercase, runs of
 * whitespace collapsed to one space, other characters dropped. "São Paulo" becomes "SAO PAULO".
 */
export function normaliseBrCodeText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/\s/g, ' ')
    .replace(/[^\x20-\x7E]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

function readMerchantText(label: string, value: string, maxLength: number): string {
  const text = typeof value === 'string' ? normaliseBrCodeText(value) : '';
  if (text.length === 0 || text.length > maxLength) {
    throw new RangeError(
      `invalid ${label} ${JSON.stringify(value)}: use 1 to ${maxLength} characters after removing accents (got ${text.length})`,
    );
  }
  return text;
}

function readLocation(locationUrl: string): string {
  const location = typeof locationUrl === 'string' ? locationUrl.replace(/^https:\/\//i, '') : '';
  if (location.length > MAX_LOCATION_LENGTH || !LOCATION_PATTERN.test(location)) {
    throw new RangeError(
      `invalid locationUrl ${JSON.stringify(locationUrl)}: use host and path without a scheme, like "pix.example.com/qr/v2/9d36b84f", at most ${MAX_LOCATION_LENGTH} characters`,
    );
  }
  return location;
}

/**
 * Builds the BR Code of a dynamic deposit charge.
 *
 * Fields, in order: payload format 01, point of initiation method 12 (unique use),
 * merchant account information 26 with the GUI "br.gov.bcb.pix" and the payload location
 * in sub-ID 25, category 0000, currency 986, the optional amount (54), country BR,
 * merchant name (59), city (60), txid "***" in 62-05 and the CRC in 63. The real txid is
 * in the payload at the location, which is why 62-05 carries the "***" marker.
 *
 * @throws RangeError naming the value when the name or city is empty or too long after
 *   normalisation, the location is not a host and path of at most 77 characters, or the
 *   amount is not a positive integer of centavos up to 9999999999.99.
 */
export function buildDepositBrCode(input: DepositBrCodeInput): string {
  const merchantName = readMerchantText('merchantName', input.merchantName, MAX_NAME_LENGTH);
  const merchantCity = readMerchantText('merchantCity', input.merchantCity, MAX_CITY_LENGTH);
  const location = readLocation(input.locationUrl);

  let amountField = '';
  if (input.amountCentavos !== undefined) {
    const centavos = input.amountCentavos;
    if (!Number.isSafeInteger(centavos) || centavos <= 0 || centavos > MAX_PIX_AMOUNT_CENTAVOS) {
      throw new RangeError(
        `invalid amountCentavos ${String(centavos)}: use a positive integer of centavos up to ${MAX_PIX_AMOUNT_CENTAVOS}, or omit it`,
      );
    }
    amountField = emvField('54', formatPixAmount(centavos));
  }

  const payload = [
    emvField('00', '01'),
    emvField('01', '12'),
    emvField('26', emvField('00', PIX_GUI) + emvField('25', location)),
    emvField('52', '0000'),
    emvField('53', '986'),
    amountField,
    emvField('58', 'BR'),
    emvField('59', merchantName),
    emvField('60', merchantCity),
    emvField('62', emvField('05', '***')),
    '6304',
  ].join('');
  return payload + computeBrCodeCrc(payload);
}

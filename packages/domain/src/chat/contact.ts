import { isValidCpf, isValidPhone } from '@brazilian-utils/brazilian-utils';
import { cnpj } from 'cpf-cnpj-validator';
import { foldForMatching } from './fold.js';

/** Kinds of contact detail that can move a deal off the platform, in the order they are reported. */
export const OFF_PLATFORM_CONTACT_KINDS = ['pix_key', 'cpf', 'cnpj', 'phone', 'email', 'bank_account'] as const;

/** A kind of contact detail that can move a deal off the platform. */
export type OffPlatformContactKind = (typeof OFF_PLATFORM_CONTACT_KINDS)[number];

/** A number that is part of an amount: preceded by a currency symbol or followed by decimals. */
const CURRENCY_BEFORE = /(?:r\$|us\$|\$|€|brl)\s*$/;
const DECIMALS_AFTER = /^,\d/;

/** Single digits separated by one space, dot or dash, such as "1 1 9 8 7 6 5 4 3 2 1". */
const SPACED_DIGITS = /(?<!\d)\d(?:[ .-]\d(?!\d)){5,}/g;

const FORMATTED_CPF = /(?<![\d.])\d{3}\.\d{3}\.\d{3}-\d{2}(?!\d)/g;
const CPF_CANDIDATE = /(?<![\d.])\d{3}[.\s]?\d{3}[.\s]?\d{3}[-.\s]?\d{2}(?!\d)/g;

const FORMATTED_CNPJ = /(?<![0-9a-z])[0-9a-z]{2}\.[0-9a-z]{3}\.[0-9a-z]{3}\/[0-9a-z]{4}-\d{2}(?![0-9a-z])/g;
const CNPJ_CANDIDATE = /(?<![0-9a-z])[0-9a-z]{2}\.?[0-9a-z]{3}\.?[0-9a-z]{3}\/?[0-9a-z]{4}-?\d{2}(?![0-9a-z])/g;

/** A phone number with area code (DDD), optionally after +55: "(11) 98765-4321", "+55 11 3456 7890". */
const PHONE_WITH_AREA_CODE =
  /(?<![\d+])(?:\+?\s*55[\s.-]*)?(?:\(\s*\d{2}\s*\)|\d{2})[\s.-]*(?:9[\s.-]*)?\d{4}[\s.-]?\d{4}(?!\d)/g;

/** A mobile number without area code, written with a separator: "98765-4321". */
const MOBILE_WITHOUT_AREA_CODE = /(?<![\d.,])9\d{4}[\s.-]\d{4}(?![\d,])/g;

const EMAIL = /\w(?:[\w.%+-]*\w)?@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)*\.[a-z]{2,}/;

/** An address at a large mail provider, even without its domain ending: "nome@gmail". */
const EMAIL_AT_PROVIDER = /[\w.%+-]+@(?:gmail|hotmail|outlook|yahoo|icloud|live|msn|uol|bol|terra|proton(?:mail)?)\b/;

/** A Pix random key (EVP): a UUID. */
const EVP = /(?<![0-9a-f])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9a-f])/;

/** The Pix BR Code ("Pix copia e cola"), which carries the Central Bank's Pix domain. */
const BR_CODE = /br\.gov\.bcb\.pix/;

/** A mention of a Pix key: "chave pix", "chave do pix", "chave" or "pix". */
const PIX_MENTION = /\b(?:chave(?:\s+(?:do\s+|de\s+)?pix)?|pix)\b/g;

/** How far after a Pix mention a key is looked for, in characters. */
const PIX_KEY_WINDOW = 40;

/** Eight or more digits with the separators of CPFs, CNPJs and phones, but not the slash of dates. */
const LONG_NUMBER = /(?<!\d)\+?\d(?:[\d.\-\s()]*\d){7,}/g;

/** An agency number: "agência 1234", "ag 0001", "ag. nº 1234-5". */
const AGENCY = /\b(?:agencia|ag)\b\.?\s*(?:(?:no|n°|numero)\.?\s*)?[:-]?\s*\d{3,5}(?:-[\dx])?(?!\d)/;

/** An account number: "conta 56789-0", "cc 12345-6", "conta corrente: 123456". */
const ACCOUNT =
  /\b(?:conta(?:\s+(?:corrente|poupanca|salario|pagamento|digital))?|c\/c|c\/p|cc|cta)\b\.?\s*(?:(?:no|n°|numero)\.?\s*)?[:-]?\s*(\d{3,13})(-[\dx])?(?!\d)/;

/** Minimum number of digits of an account number that is reported without an agency or check digit. */
const MIN_ACCOUNT_DIGITS = 5;

function isPartOfAmount(text: string, start: number, end: number): boolean {
  return CURRENCY_BEFORE.test(text.slice(Math.max(0, start - 5), start)) || DECIMALS_AFTER.test(text.slice(end));
}

/** Yields the matches of a global pattern that are not part of an amount. */
function* findNumbers(text: string, pattern: RegExp): Generator<string> {
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    const end = start + match[0].length;
    if (!isPartOfAmount(text, start, end)) yield match[0];
  }
}

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/** Reports a CPF written as ddd.ddd.ddd-dd, or 11 digits with valid check digits. */
function containsCpf(text: string): boolean {
  if ([...findNumbers(text, FORMATTED_CPF)].length > 0) return true;
  for (const candidate of findNumbers(text, CPF_CANDIDATE)) {
    if (isValidCpf(digitsOf(candidate))) return true;
  }
  return false;
}

/**
 * Reports a CNPJ written as xx.xxx.xxx/xxxx-dd, or 14 characters with valid check digits.
 * Both the numeric and the alphanumeric form ("12.ABC.345/01DE-35") count.
 */
function containsCnpj(text: string): boolean {
  for (const candidate of findNumbers(text, FORMATTED_CNPJ)) {
    if (/\d/.test(candidate.slice(0, -2))) return true;
  }
  for (const candidate of findNumbers(text, CNPJ_CANDIDATE)) {
    const stripped = candidate.replace(/[./-]/g, '').toUpperCase();
    if (/\d/.test(stripped.slice(0, 12)) && cnpj.isValid(stripped, true)) return true;
  }
  return false;
}

/** Reports a valid Brazilian phone number with area code, or a mobile number without one. */
function containsPhone(text: string): boolean {
  for (const candidate of findNumbers(text, PHONE_WITH_AREA_CODE)) {
    if (isValidPhone(digitsOf(candidate))) return true;
  }
  return [...findNumbers(text, MOBILE_WITHOUT_AREA_CODE)].length > 0;
}

/**
 * Rewrites spelled-out addresses such as "nome arroba gmail ponto com" and "nome (at) gmail
 * (dot) com" to "nome@gmail.com".
 */
function revealEmailAddresses(text: string): string {
  return text
    .replace(/\s*[[(<{]\s*(?:arroba|at)\s*[\])>}]\s*/g, '@')
    .replace(/\s+(?:arroba|at)\s+/g, '@')
    .replace(/\s*[[(<{]\s*(?:ponto|dot)\s*[\])>}]\s*/g, '.')
    .replace(/\s+(?:ponto|dot)\s+/g, '.')
    .replace(/\s*@\s*/g, '@')
    .replace(/(@[a-z0-9.-]+)\s*\.\s*(?=[a-z])/g, '$1.');
}

function containsEmail(text: string): boolean {
  const revealed = revealEmailAddresses(text);
  return EMAIL.test(revealed) || EMAIL_AT_PROVIDER.test(revealed);
}

/** Reports a random key (EVP), a BR Code, or a Pix mention followed by something key-like. */
function containsPixKey(text: string): boolean {
  if (EVP.test(text) || BR_CODE.test(text)) return true;

  for (const mention of text.matchAll(PIX_MENTION)) {
    const after = mention.index + mention[0].length;
    const window = text.slice(after, after + PIX_KEY_WINDOW);
    if ([...findNumbers(window, LONG_NUMBER)].length > 0 || containsEmail(window)) return true;
  }
  return false;
}

function containsBankAccount(text: string): boolean {
  if (AGENCY.test(text)) return true;
  const account = ACCOUNT.exec(text);
  if (account === null) return false;
  const [, digits = '', checkDigit] = account;
  return checkDigit !== undefined || digits.length >= MIN_ACCOUNT_DIGITS;
}

const DETECTORS: Record<OffPlatformContactKind, (text: string) => boolean> = {
  pix_key: containsPixKey,
  cpf: containsCpf,
  cnpj: containsCnpj,
  phone: containsPhone,
  email: containsEmail,
  bank_account: containsBankAccount,
};

/**
 * Finds contact and payment details that let the parties deal outside the platform. These are
 * Pix keys (random keys, BR Codes and key-like text after "chave pix"), CPFs, CNPJs, Brazilian
 * phone numbers, e-mail addresses (also spelled out with "arroba" and "ponto") and bank agency
 * or account numbers. Monetary amounts, percentages and dates do not count. Returns the kinds
 * found, in the order of {@link OFF_PLATFORM_CONTACT_KINDS}, or an empty array.
 *
 * NOTE: digits written as words ("onze nove oito...") and social media handles ("@joao") are
 * not detected.
 */
export function findOffPlatformContacts(text: string): OffPlatformContactKind[] {
  const folded = foldForMatching(text).replace(SPACED_DIGITS, (run) => run.replace(/\D/g, ''));
  return OFF_PLATFORM_CONTACT_KINDS.filter((kind) => DETECTORS[kind](folded));
}

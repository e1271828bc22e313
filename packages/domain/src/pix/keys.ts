import { isValidCpf, isValidEmail, isValidPhone, parsePhone } from '@brazilian-utils/brazilian-utils';
import { cnpj } from 'cpf-cnpj-validator';

/** Kinds of PIX key in the Central Bank's DICT: CPF, CNPJ, e-mail, phone and random key (EVP). */
export type PixKeyKind = 'cpf' | 'cnpj' | 'email' | 'phone' | 'evp';

/** Result of {@link validatePixKey}: the key in canonical form, or why it is invalid. */
export type PixKeyValidation = { ok: true; canonical: string } | { ok: false; message: string };

/** Maximum length of an e-mail key: the 77 characters that the protocol allows for a command's `pixKey`. */
const MAX_EMAIL_KEY_LENGTH = 77;

const CPF_CHARACTERS = /^[\d.\-\s]+$/;
const CNPJ_CHARACTERS = /^[\dA-Za-z./\-\s]+$/;
const PHONE_CHARACTERS = /^\+?[\d()\-\s]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function invalid(message: string): PixKeyValidation {
  return { ok: false, message };
}

function validateCpf(key: string): PixKeyValidation {
  if (!CPF_CHARACTERS.test(key) || !isValidCpf(key)) {
    return invalid(`"${key}" is not a valid CPF: expected 11 digits with valid check digits, such as 529.982.247-25`);
  }
  return { ok: true, canonical: key.replace(/\D/g, '') };
}

/** Accepts numeric and alphanumeric CNPJs (12 letters or digits and 2 check digits). */
function validateCnpj(key: string): PixKeyValidation {
  const stripped = CNPJ_CHARACTERS.test(key) ? key.replace(/[.\/\-\s]/g, '').toUpperCase() : '';
  if (!cnpj.isValid(stripped, true)) {
    return invalid(
      `"${key}" is not a valid CNPJ: expected 14 characters (12 digits or letters and 2 check digits), such as 12.ABC.345/01DE-35`,
    );
  }
  return { ok: true, canonical: stripped };
}

function validateEmail(key: string): PixKeyValidation {
  const trimmed = key.trim();
  if (trimmed.length > MAX_EMAIL_KEY_LENGTH || !isValidEmail(trimmed)) {
    return invalid(`"${key}" is not a valid e-mail key: expected an address such as nome@exemplo.com.br, at most ${MAX_EMAIL_KEY_LENGTH} characters`);
  }
  return { ok: true, canonical: trimmed.toLowerCase() };
}

/** Accepts Brazilian mobile and landline numbers, with or without the +55 country code. */
function validatePhone(key: string): PixKeyValidation {
  const trimmed = key.trim();
  const foreign = trimmed.startsWith('+') && !trimmed.startsWith('+55');
  if (!PHONE_CHARACTERS.test(trimmed) || foreign || !isValidPhone(trimmed)) {
    return invalid(`"${key}" is not a valid Brazilian phone key: expected +55, the area code and the number, such as +5511987654321`);
  }
  return { ok: true, canonical: `+55${parsePhone(trimmed)}` };
}

function validateEvp(key: string): PixKeyValidation {
  const trimmed = key.trim();
  if (!UUID.test(trimmed)) {
    return invalid(`"${key}" is not a valid random key (EVP): expected a UUID such as 7d9f0c2e-4b1a-4c6e-9f3a-2b8d5e1c0a47`);
  }
  return { ok: true, canonical: trimmed.toLowerCase() };
}

const VALIDATORS: Record<PixKeyKind, (key: string) => PixKeyValidation> = {
  cpf: validateCpf,
  cnpj: validateCnpj,
  email: validateEmail,
  phone: validatePhone,
  evp: validateEvp,
};

/**
 * Validates a PIX key against its declared type and returns its canonical form. The forms are
 * CPF digits, CNPJ digits and uppercase letters without punctuation, a lowercase e-mail, a
 * phone as +55 followed by the area code and number, and a lowercase UUID for a random key.
 * Two spellings of one key have the same canonical form, so compare keys only in that form.
 */
export function validatePixKey(type: PixKeyKind, key: string): PixKeyValidation {
  const validate = VALIDATORS[type];
  if (validate === undefined) {
    return invalid(`"${String(type)}" is not a PIX key type: use cpf, cnpj, email, phone or evp`);
  }
  return validate(key);
}

import { validatePixKey } from '@lastro/domain';
import type { PixKeyType } from '@lastro/protocol';

export type PixKeyCheck = { ok: true; key: string } | { ok: false; errorKey: string };

const INVALID_KEY_MESSAGES: Record<PixKeyType, string> = {
  cpf: 'pixOut.errors.invalidCpf',
  cnpj: 'pixOut.errors.invalidCnpj',
  email: 'pixOut.errors.invalidEmail',
  phone: 'pixOut.errors.invalidPhone',
  evp: 'pixOut.errors.invalidEvp',
};

/**
 * Validates a typed PIX key with the same rules as the server and returns its canonical form,
 * or the translation key of the message for an empty or invalid key.
 */
export function normalisePixKey(type: PixKeyType, text: string): PixKeyCheck {
  if (text.trim() === '') {
    return { ok: false, errorKey: 'pixOut.errors.missingKey' };
  }
  const result = validatePixKey(type, text);
  return result.ok ? { ok: true, key: result.canonical } : { ok: false, errorKey: INVALID_KEY_MESSAGES[type] };
}

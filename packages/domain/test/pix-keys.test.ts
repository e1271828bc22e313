import { describe, expect, it } from 'vitest';
import { validatePixKey, type PixKeyKind } from '../src/index.js';

const VALID: [PixKeyKind, string, string][] = [
  ['cpf', '529.982.247-25', '52998224725'],
  ['cpf', '52998224725', '52998224725'],
  ['cpf', '111.444.777-35', '11144477735'],
  ['cnpj', '11.222.333/0001-81', '11222333000181'],
  ['cnpj', '11222333000181', '11222333000181'],
  ['cnpj', '12.ABC.345/01DE-35', '12ABC34501DE35'],
  ['cnpj', '12abc34501de35', '12ABC34501DE35'],
  ['email', 'investidor@lastro.demo', 'investidor@lastro.demo'],
  ['email', 'Ana.Ribeiro@Exemplo.com.BR', 'ana.ribeiro@exemplo.com.br'],
  ['phone', '+5511987654321', '+5511987654321'],
  ['phone', '+55 (11) 98765-4321', '+5511987654321'],
  ['phone', '11987654321', '+5511987654321'],
  ['phone', '+551130000000', '+551130000000'],
  ['evp', '7d9f0c2e-4b1a-4c6e-9f3a-2b8d5e1c0a47', '7d9f0c2e-4b1a-4c6e-9f3a-2b8d5e1c0a47'],
  ['evp', '7D9F0C2E-4B1A-4C6E-9F3A-2B8D5E1C0A47', '7d9f0c2e-4b1a-4c6e-9f3a-2b8d5e1c0a47'],
];

const INVALID: [PixKeyKind, string][] = [
  ['cpf', '529.982.247-24'],
  ['cpf', '000.000.000-00'],
  ['cpf', '5299822472'],
  ['cpf', '52998224725a'],
  ['cpf', '12.ABC.345/01DE-35'],
  ['cnpj', '11.222.333/0001-82'],
  ['cnpj', '12.ABC.345/01DE-36'],
  ['cnpj', '12.ABC.345/01DE-35!'],
  ['cnpj', '529.982.247-25'],
  ['email', 'investidor@'],
  ['email', 'investidor lastro@demo.com'],
  ['email', `${'a'.repeat(70)}@lastro.demo`],
  ['phone', '+1 415 555 0100'],
  ['phone', ' 5511987654321x'],
  ['phone', '+55 11 1234'],
  ['phone', 'investidor@lastro.demo'],
  ['evp', '7d9f0c2e4b1a4c6e9f3a2b8d5e1c0a47'],
  ['evp', '7d9f0c2e-4b1a-4c6e-9f3a-2b8d5e1c0a4g'],
  ['evp', '52998224725'],
];

describe('validatePixKey (PIX-6)', () => {
  it.each(VALID)('accepts %s %s', (type, key, canonical) => {
    expect(validatePixKey(type, key)).toEqual({ ok: true, canonical });
  });

  it.each(INVALID)('rejects %s %s', (type, key) => {
    const result = validatePixKey(type, key);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toContain(key);
  });

  it('keeps the plus sign of a phone key', () => {
    const result = validatePixKey('phone', '+55 11 98765-4321');

    expect(result).toEqual({ ok: true, canonical: '+5511987654321' });
  });

  it('rejects an unknown key type naming the types', () => {
    const result = validatePixKey('iban' as PixKeyKind, 'BR00');

    expect(result).toEqual({ ok: false, message: expect.stringContaining('cpf, cnpj, email, phone or evp') });
  });
});

import { describe, expect, it } from 'vitest';
import { normalisePixKey } from '../src/renderer/lib/pix-key';

describe('normalisePixKey', () => {
  it('returns the canonical form of each key type', () => {
    expect(normalisePixKey('email', ' Investidor@Lastro.demo ')).toEqual({ ok: true, key: 'investidor@lastro.demo' });
    expect(normalisePixKey('phone', '+55 (11) 98765-4321')).toEqual({ ok: true, key: '+5511987654321' });
    expect(normalisePixKey('cpf', '529.982.247-25')).toEqual({ ok: true, key: '52998224725' });
    expect(normalisePixKey('evp', '7D9F0C2E-4B1A-4C6E-9F3A-2B8D5E1C0A47')).toEqual({
      ok: true,
      key: '7d9f0c2e-4b1a-4c6e-9f3a-2b8d5e1c0a47',
    });
  });

  it('names the problem per key type', () => {
    expect(normalisePixKey('email', '')).toEqual({ ok: false, errorKey: 'pixOut.errors.missingKey' });
    expect(normalisePixKey('email', 'investidor')).toEqual({ ok: false, errorKey: 'pixOut.errors.invalidEmail' });
    expect(normalisePixKey('cpf', '529.982.247-26')).toEqual({ ok: false, errorKey: 'pixOut.errors.invalidCpf' });
    expect(normalisePixKey('cnpj', '11.111.111/1111-11')).toEqual({ ok: false, errorKey: 'pixOut.errors.invalidCnpj' });
    expect(normalisePixKey('phone', '+1 415 555 0100')).toEqual({ ok: false, errorKey: 'pixOut.errors.invalidPhone' });
    expect(normalisePixKey('evp', 'not-a-uuid')).toEqual({ ok: false, errorKey: 'pixOut.errors.invalidEvp' });
  });
});

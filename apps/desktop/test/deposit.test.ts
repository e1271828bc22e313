import { describe, expect, it } from 'vitest';
import { parseDepositAmount } from '../src/renderer/lib/deposit';
import { depositErrorKey, loginErrorKey } from '../src/renderer/lib/errors';

describe('parseDepositAmount', () => {
  it('treats empty text as a charge without an amount', () => {
    expect(parseDepositAmount('')).toEqual({ ok: true, centavos: undefined });
    expect(parseDepositAmount('   ')).toEqual({ ok: true, centavos: undefined });
  });

  it('reads pt-BR amounts into centavos', () => {
    expect(parseDepositAmount('500,00')).toEqual({ ok: true, centavos: 50_000 });
    expect(parseDepositAmount('1.250,5')).toEqual({ ok: true, centavos: 125_050 });
    expect(parseDepositAmount('R$ 10')).toEqual({ ok: true, centavos: 1_000 });
  });

  it('rejects the English form and garbage', () => {
    expect(parseDepositAmount('1,234.56')).toEqual({ ok: false, errorKey: 'deposit.errors.invalidAmount' });
    expect(parseDepositAmount('abc')).toEqual({ ok: false, errorKey: 'deposit.errors.invalidAmount' });
  });

  it('rejects zero and negative amounts', () => {
    expect(parseDepositAmount('0,00')).toEqual({ ok: false, errorKey: 'deposit.errors.nonPositive' });
    expect(parseDepositAmount('-5,00')).toEqual({ ok: false, errorKey: 'deposit.errors.nonPositive' });
  });

  it('rejects amounts beyond the API Pix maximum', () => {
    expect(parseDepositAmount('10.000.000.000,00')).toEqual({ ok: false, errorKey: 'deposit.errors.invalidAmount' });
  });
});

describe('loginErrorKey', () => {
  it('maps engine error kinds to messages', () => {
    expect(loginErrorKey({ kind: 'unauthorized' })).toBe('login.errors.invalidCredentials');
    expect(loginErrorKey({ kind: 'network' })).toBe('login.errors.unreachable');
    expect(loginErrorKey({ kind: 'rate_limited' })).toBe('login.errors.rateLimited');
  });

  it('falls back to a generic message for other errors', () => {
    expect(loginErrorKey(new Error('boom'))).toBe('login.errors.unexpected');
    expect(loginErrorKey(undefined)).toBe('login.errors.unexpected');
  });
});

describe('depositErrorKey', () => {
  it('maps engine error kinds to messages', () => {
    expect(depositErrorKey({ kind: 'network' })).toBe('deposit.errors.unreachable');
    expect(depositErrorKey({ kind: 'session_revoked' })).toBe('deposit.errors.sessionExpired');
    expect(depositErrorKey({ kind: 'invalid_request' })).toBe('deposit.errors.invalidAmount');
    expect(depositErrorKey('nonsense')).toBe('deposit.errors.unexpected');
  });
});

import { describe, expect, it } from 'vitest';
import { UUID_V7_PATTERN } from '@lastro/protocol';
import { LastroError } from '../src/errors.js';
import { buildInvestCommand, buildPixOutCommand, patchPreferences } from '../src/outbox.js';

const ISSUED_AT = new Date('2026-01-10T12:00:00.000Z');

function errorOf(action: () => unknown): LastroError {
  try {
    action();
  } catch (error) {
    if (error instanceof LastroError) return error;
    throw error;
  }
  throw new Error('expected a LastroError, but nothing was thrown');
}

describe('buildInvestCommand', () => {
  it('builds a pending command with a UUIDv7 id', () => {
    const command = buildInvestCommand('loan-1', 2_500, ISSUED_AT);
    expect(command.id).toMatch(new RegExp(UUID_V7_PATTERN));
    expect(command).toMatchObject({ type: 'invest', loanId: 'loan-1', amount: 2_500, status: 'pending', seq: 0 });
    expect(command.issuedAt).toBe('2026-01-10T12:00:00.000Z');
  });

  it('gives every command a new id', () => {
    const ids = new Set(Array.from({ length: 100 }, () => buildInvestCommand('loan-1', 2_500, ISSUED_AT).id));
    expect(ids.size).toBe(100);
  });

  it.each([0, -100, 12.5, Number.NaN, '2500', 2 ** 53])('rejects the amount %s', (amount) => {
    const error = errorOf(() => buildInvestCommand('loan-1', amount, ISSUED_AT));
    expect(error.kind).toBe('invalid_request');
    expect(error.field).toBe('amount');
  });

  it.each(['', 'x'.repeat(65), 42])('rejects the loan id %s', (loanId) => {
    const error = errorOf(() => buildInvestCommand(loanId, 2_500, ISSUED_AT));
    expect(error.kind).toBe('invalid_request');
    expect(error.field).toBe('loanId');
  });
});

describe('buildPixOutCommand', () => {
  it('builds a pending pixOut', () => {
    const command = buildPixOutCommand({ key: '+5511987654321', keyType: 'phone', amount: 1_000 }, ISSUED_AT);
    expect(command).toMatchObject({ type: 'pixOut', pixKey: '+5511987654321', pixKeyType: 'phone', amount: 1_000, status: 'pending' });
  });

  it('rejects an unknown key type', () => {
    const error = errorOf(() => buildPixOutCommand({ key: 'a@b.com', keyType: 'iban' as never, amount: 1_000 }, ISSUED_AT));
    expect(error.field).toBe('keyType');
  });

  it.each([
    ['', 'email'],
    ['not-an-email', 'email'],
    ['123', 'phone'],
    ['111.111.111-11', 'cpf'],
  ] as const)('rejects the key %s of type %s', (key, keyType) => {
    const error = errorOf(() => buildPixOutCommand({ key, keyType, amount: 1_000 }, ISSUED_AT));
    expect(error.kind).toBe('invalid_request');
    expect(error.field).toBe('key');
  });

  it('stores the canonical key', () => {
    const command = buildPixOutCommand({ key: 'Investidor@Lastro.demo', keyType: 'email', amount: 1_000 }, ISSUED_AT);
    expect(command.pixKey).toBe('investidor@lastro.demo');
  });
});

describe('patchPreferences', () => {
  const current = { id: 'user-1', language: 'pt-BR' as const, defaultInvestAmount: 5_000, updatedAt: '2026-01-10T11:00:00.000Z', seq: 9 };

  it('keeps the server version fields', () => {
    const next = patchPreferences(current, 'user-1', { language: 'en' }, ISSUED_AT);
    expect(next).toEqual({ ...current, language: 'en' });
  });

  it('starts from defaults without a document', () => {
    const next = patchPreferences(null, 'user-1', { defaultInvestAmount: 10_000 }, ISSUED_AT);
    expect(next).toEqual({ id: 'user-1', language: 'pt-BR', defaultInvestAmount: 10_000, updatedAt: '2026-01-10T12:00:00.000Z', seq: 0 });
  });

  it.each([
    [{ language: 'fr' }, 'language'],
    [{ defaultInvestAmount: -1 }, 'defaultInvestAmount'],
    [{ seq: 100 }, 'seq'],
  ])('rejects %j', (patch, field) => {
    const error = errorOf(() => patchPreferences(current, 'user-1', patch as never, ISSUED_AT));
    expect(error.kind).toBe('invalid_request');
    expect(error.field).toBe(field);
  });
});

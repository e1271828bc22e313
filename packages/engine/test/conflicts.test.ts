import { describe, expect, it } from 'vitest';
import type { CommandDoc, PreferencesDoc } from '@lastro/protocol';
import { overruledCommand, overruledPreferences, serverWinsConflictHandler } from '../src/conflicts.js';

const PENDING: CommandDoc & { _deleted: boolean } = {
  id: '01942f3a-0000-7000-8000-000000000001',
  type: 'invest',
  amount: 2_500,
  loanId: 'loan-1',
  status: 'pending',
  issuedAt: '2026-01-10T12:00:00.000Z',
  seq: 0,
  _deleted: false,
};
const ACCEPTED = {
  ...PENDING,
  status: 'accepted' as const,
  effect: { transactionId: 'tx-1', availableAfter: 10_000, loanFundedAfter: 5_000 },
  executedAt: '2026-01-10T12:00:01.000Z',
  seq: 41,
};
const PREFERENCES: PreferencesDoc & { _deleted: boolean } = {
  id: 'user-1',
  language: 'pt-BR',
  defaultInvestAmount: 5_000,
  updatedAt: '2026-01-10T11:00:00.000Z',
  seq: 9,
  _deleted: false,
};

describe('server-wins conflict handler', () => {
  it('takes the server document', async () => {
    const recorded: unknown[] = [];
    const handler = serverWinsConflictHandler(overruledPreferences, (change) => recorded.push(change));
    const local = { ...PREFERENCES, language: 'en' as const };
    const server = { ...PREFERENCES, defaultInvestAmount: 9_000, seq: 12 };

    const resolved = await handler.resolve({ newDocumentState: local, assumedMasterState: PREFERENCES, realMasterState: server }, 'test');

    expect(resolved).toBe(server);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ collection: 'preferences', id: 'user-1', reason: 'server_version_newer' });
    expect(recorded[0]).toMatchObject({ local: { language: 'en', defaultInvestAmount: 5_000 }, server: { language: 'pt-BR', defaultInvestAmount: 9_000 } });
  });

  it('does not report a decided command', async () => {
    const recorded: unknown[] = [];
    const handler = serverWinsConflictHandler(overruledCommand, (change) => recorded.push(change));

    const resolved = await handler.resolve({ newDocumentState: PENDING, realMasterState: ACCEPTED }, 'test');

    expect(resolved).toBe(ACCEPTED);
    expect(recorded).toEqual([]);
  });

  it('reports a different command under the same id', () => {
    const overruled = overruledCommand(PENDING, { ...ACCEPTED, amount: 9_999 });
    expect(overruled?.reason).toBe('command_id_taken');
    expect(overruled?.local).not.toHaveProperty('_deleted');
  });

  it('ignores preferences the server kept the same', () => {
    expect(overruledPreferences({ ...PREFERENCES, seq: 0 }, { ...PREFERENCES, seq: 12 })).toBeNull();
  });

  it('compares documents without storage fields', () => {
    const handler = serverWinsConflictHandler(overruledCommand, () => undefined);
    const stored = { ...PENDING, _rev: '1-abc', _meta: { lwt: 1 } } as typeof PENDING;
    expect(handler.isEqual(PENDING, stored, 'test')).toBe(true);
    expect(handler.isEqual(PENDING, ACCEPTED, 'test')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { overruledFields } from '../src/renderer/lib/overruled';

describe('overruledFields', () => {
  it('lists only the fields the server changed', () => {
    const local = { id: 'u1', language: 'en', defaultInvestAmount: 10_000, updatedAt: 'a', seq: 3 };
    const server = { id: 'u1', language: 'pt-BR', defaultInvestAmount: 10_000, updatedAt: 'b', seq: 4 };
    expect(overruledFields(local, server)).toEqual([{ field: 'language', local: 'en', server: 'pt-BR' }]);
  });

  it('shows fields present on one side only', () => {
    expect(overruledFields({ status: 'pending' }, { status: 'rejected', reason: 'insufficient_balance' })).toEqual([
      { field: 'reason', local: undefined, server: 'insufficient_balance' },
      { field: 'status', local: 'pending', server: 'rejected' },
    ]);
  });
});

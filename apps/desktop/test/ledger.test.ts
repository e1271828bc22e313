import type { LedgerEntryDoc } from '@lastro/protocol';
import { describe, expect, it } from 'vitest';
import { findChargePayment } from '../src/renderer/lib/ledger';

function entry(overrides: Partial<LedgerEntryDoc> & Pick<LedgerEntryDoc, 'id'>): LedgerEntryDoc {
  return {
    transactionId: `t-${overrides.id}`,
    bucket: 'available',
    amount: 25_000,
    balanceAfter: 25_000,
    kind: 'pix_in',
    reference: 'E00000000202612041200000000000001',
    createdAt: '2026-12-04T12:00:00.000Z',
    seq: 1,
    ...overrides,
  };
}

describe('findChargePayment', () => {
  it('finds the pix_in entry of the charge', () => {
    const entries = [entry({ id: 'a', txid: 'other' }), entry({ id: 'b', txid: 'charge1', amount: 12_345 })];
    expect(findChargePayment(entries, 'charge1')?.id).toBe('b');
  });

  it('ignores other kinds and entries without a txid', () => {
    const entries = [
      entry({ id: 'a' }),
      entry({ id: 'b', kind: 'pix_refund_block', txid: 'charge1' }),
    ];
    expect(findChargePayment(entries, 'charge1')).toBeUndefined();
  });
});

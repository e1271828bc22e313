import { describe, expect, it } from 'vitest';
import { parseClientFrame, parseWireDocuments, rxSchemaFor, PROTOCOL_VERSION } from '../src/index.js';

describe('parseClientFrame', () => {
  it('accepts an auth frame', () => {
    const result = parseClientFrame(JSON.stringify({ type: 'auth', protocolVersion: PROTOCOL_VERSION, token: 'abc' }));
    expect(result.ok).toBe(true);
  });

  it('rejects invalid JSON', () => {
    const result = parseClientFrame('{');
    expect(result).toMatchObject({ ok: false, message: 'frame is not valid JSON' });
  });

  it('rejects an unknown collection', () => {
    const frame = { type: 'pull', requestId: '1', collection: 'users', checkpoint: null, limit: 10 };
    const result = parseClientFrame(JSON.stringify(frame));
    expect(result.ok).toBe(false);
  });

  it('rejects a pull limit above the maximum', () => {
    const frame = { type: 'pull', requestId: '1', collection: 'loans', checkpoint: { seq: 3 }, limit: 5000 };
    const result = parseClientFrame(JSON.stringify(frame));
    expect(result.ok).toBe(false);
  });
});

describe('parseWireDocuments', () => {
  const wallet = {
    id: 'u1',
    available: 161000,
    blocked: 0,
    invested: 0,
    currency: 'BRL',
    updatedAt: '2026-12-04T12:00:00.000Z',
    seq: 7,
    _deleted: false,
  };

  it('accepts a valid wallet', () => {
    expect(parseWireDocuments('wallets', [wallet]).ok).toBe(true);
  });

  it('names the field of a fractional amount', () => {
    const result = parseWireDocuments('wallets', [{ ...wallet, available: 1.5 }]);
    expect(result).toMatchObject({ ok: false, field: '/documents/0/available' });
  });

  it('requires the deletion flag', () => {
    const { _deleted, ...withoutFlag } = wallet;
    expect(parseWireDocuments('wallets', [withoutFlag]).ok).toBe(false);
  });
});

describe('rxSchemaFor', () => {
  it('emits indexable enum fields', () => {
    const schema = rxSchemaFor('loans') as { properties: Record<string, { type?: string; maxLength?: number }> };
    expect(schema.properties.status?.type).toBe('string');
    expect(schema.properties.status?.maxLength).toBeGreaterThan(0);
  });
});

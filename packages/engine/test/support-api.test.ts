import { describe, expect, it } from 'vitest';
import { createLastroClient } from '../src/index.js';
import { HttpApi } from '../src/http-api.js';
import { getRxStorageMemory } from '../src/storage-memory.js';
import { createSupportApi, fileNameFromDisposition, type WithToken } from '../src/support-api.js';

/** A loopback port nothing listens on: a call that reached the network would fail with `network`. */
const UNUSED_SERVER = 'http://127.0.0.1:9';

const withToken: WithToken = (call) => call('token-1');

describe('support API client', () => {
  it('rejects invalid filters locally', async () => {
    const api = createSupportApi(new HttpApi(UNUSED_SERVER, globalThis.fetch.bind(globalThis)), withToken);

    await expect(api.searchAudit({ from: '01/12/2026' })).rejects.toMatchObject({ kind: 'invalid_request', field: 'from' });
    await expect(api.searchAudit({ limit: 1001 })).rejects.toMatchObject({ kind: 'invalid_request', field: 'limit' });
    await expect(api.exportAudit({ format: 'xml' as 'csv' })).rejects.toMatchObject({ kind: 'invalid_request', field: 'format' });
    await expect(api.releaseMessage('')).rejects.toMatchObject({ kind: 'invalid_request', field: 'messageId' });
  });

  it('reads a content-disposition file name', () => {
    expect(fileNameFromDisposition('attachment; filename="a.csv"')).toBe('a.csv');
    expect(fileNameFromDisposition(null)).toBeUndefined();
  });

  it('needs a session on the client', async () => {
    const client = createLastroClient({
      serverUrl: UNUSED_SERVER,
      storage: getRxStorageMemory(),
      device: { id: 'd1', name: 'Teste', platform: 'cli' },
      webSocket: class {} as never,
    });

    await expect(client.support.verifyAudit()).rejects.toMatchObject({ kind: 'unauthorized' });
  });
});

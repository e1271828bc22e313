import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ListenError } from '../src/index.js';
import { login, startTestServer, type TestServer } from './support/server.js';
import { SyncTestClient } from './support/ws-client.js';

/** Returns a port that was free a moment ago. A fixed port, unlike port 0, is how operators run the server. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

describe('server restart', () => {
  const running: TestServer[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'lastro-restart-test-'));

  afterEach(async () => {
    for (const server of running.splice(0)) {
      await server.close();
    }
  });

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('listens on the same port after clients were connected', async () => {
    const port = await freePort();
    const first = await startTestServer({ dataDir, port, demo: true, simulator: false });
    running.push(first);
    const { token } = await login(first, 'investidor@lastro.demo');
    await SyncTestClient.authenticated(first.url, token);
    await first.close();
    running.pop();

    // The first run's connections are now in TIME_WAIT on this port.
    const second = await startTestServer({ dataDir, port, demo: true, simulator: false });
    running.push(second);

    expect(second.port).toBe(port);
    // A new connection: fetch could reuse a pooled one that the first run closed.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      get(`${second.url}/healthz`, { agent: false }, (response) => {
        response.resume();
        resolve(response.statusCode);
      }).once('error', reject);
    });
    expect(status).toBe(200);
  });

  it('rejects a port another server listens on', async () => {
    const port = await freePort();
    const first = await startTestServer({ dataDir, port, demo: true, simulator: false });
    running.push(first);

    const otherDataDir = mkdtempSync(join(tmpdir(), 'lastro-restart-test-'));
    await expect(startTestServer({ dataDir: otherDataDir, port })).rejects.toBeInstanceOf(ListenError);
    rmSync(otherDataDir, { recursive: true, force: true });
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test } from '@playwright/test';
import { RENDERER_OUT_DIR, SERVER_ENTRY } from './paths';

const STARTUP_TIMEOUT_MS = 30_000;

export const DEMO_PASSWORD = 'lastro-demo';
export const DEMO_INVESTOR = 'investidor@lastro.demo';
export const DEMO_WEBHOOK_SECRET = 'lastro-demo-webhook-secret';

/** A Lastro server started by a test, with the demo data. */
export interface LastroServer {
  /** Base URL such as "http://127.0.0.1:41234". */
  url: string;
  /** URL of the web terminal. */
  appUrl: string;
  dataDir: string;
  stop(): Promise<void>;
}

function waitForListening(child: ChildProcess, stderr: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`server did not log "listening" within ${STARTUP_TIMEOUT_MS} ms; stderr:\n${stderr()}`));
    }, STARTUP_TIMEOUT_MS);
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch {
        return;
      }
      if (typeof record === 'object' && record !== null && Reflect.get(record, 'msg') === 'listening') {
        const url: unknown = Reflect.get(record, 'url');
        clearTimeout(timer);
        if (typeof url === 'string') {
          resolve(url.replace(/\/$/, ''));
        } else {
          reject(new Error(`server logged "listening" without a url: ${line}`));
        }
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited before listening (code ${code}, signal ${signal}); stderr:\n${stderr()}`));
    });
  });
}

/**
 * Starts `apps/server/dist/main.js` on a free port of 127.0.0.1 with a fresh data directory.
 * The market simulator stays off unless `simulator` is set, so balances and loans only change
 * when a test changes them.
 */
export async function startLastroServer(options: { simulator?: boolean } = {}): Promise<LastroServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lastro-e2e-'));
  const child = spawn(
    process.execPath,
    [
      SERVER_ENTRY,
      '--host', '127.0.0.1',
      '--port', '0',
      '--demo',
      ...(options.simulator === true ? [] : ['--no-simulator']),
      '--data-dir', dataDir,
      '--web-root', RENDERER_OUT_DIR,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderrText = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderrText = (stderrText + chunk.toString('utf8')).slice(-8_000);
  });

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      process.kill(child.pid, 'SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const url = await waitForListening(child, () => stderrText);
    return { url, appUrl: `${url}/app/`, dataDir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Starts one server for the test file that calls it (in `beforeAll`) and stops it after the
 * file's last test. Returns a getter, because the server exists only once `beforeAll` ran.
 */
export function useLastroServer(): () => LastroServer {
  let server: LastroServer | undefined;
  test.beforeAll(async () => {
    server = await startLastroServer();
  });
  test.afterAll(async () => {
    await server?.stop();
    server = undefined;
  });
  return () => {
    if (server === undefined) {
      throw new Error('the Lastro server is not running: call useLastroServer() at the top of the test file');
    }
    return server;
  };
}

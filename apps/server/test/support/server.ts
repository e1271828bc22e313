import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { startServer, type RunningServer, type ServerOptions } from '../../src/index.js';

export const WEBHOOK_SECRET = 'test-webhook-secret-0123456789';

/** A server on 127.0.0.1 with a free port and a fresh data dir, plus the JSON log lines it wrote. */
export interface TestServer extends RunningServer {
  dataDir: string;
  logs: Record<string, unknown>[];
  stop(): Promise<void>;
}

export async function startTestServer(options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'lastro-server-test-'));
  const logs: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() !== '') {
          logs.push(JSON.parse(line) as Record<string, unknown>);
        }
      }
      callback();
    },
  });
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    webhookSecret: WEBHOOK_SECRET,
    logLevel: 'info',
    logDestination: destination,
    ...options,
    dataDir,
  });
  return {
    ...server,
    dataDir,
    logs,
    stop: async () => {
      await server.close();
      if (options.dataDir === undefined) {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text), headers: response.headers };
}

export const DEVICE = { id: 'device-test-1', name: 'Notebook de teste', platform: 'cli' } as const;

/** Logs in and returns the token and user. */
export async function login(server: RunningServer, email: string, password = 'lastro-demo') {
  const response = await postJson(`${server.url}/auth/login`, { email, password, device: DEVICE });
  if (response.status !== 200) {
    throw new Error(`login of ${email} failed with ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body as { token: string; user: { id: string; role: string; name: string } };
}

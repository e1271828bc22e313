import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCharge, type DemoServer, loginArgs, parseLines, runCli, spawnCli, startDemoServer } from './support.js';

const ANA = 'investidor@lastro.demo';

let server: DemoServer;

beforeAll(async () => {
  server = await startDemoServer();
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

const login = (email: string): string[] => loginArgs(server.url, email);

async function loginFromBrowser(deviceId: string): Promise<{ token: string; sessionId: string }> {
  const response = await fetch(`${server.url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ANA, password: 'lastro-demo', device: { id: deviceId, name: 'Chromium', platform: 'web' } }),
  });
  return (await response.json()) as { token: string; sessionId: string };
}

describe('lastro sessions', () => {
  it('lists sessions with the current one marked, and revokes another', async () => {
    const browser = await loginFromBrowser('web-session-1');

    const listed = await runCli(['sessions', 'list', ...login(ANA)]);
    const sessions = parseLines(listed.stdout);
    const revoked = await runCli(['sessions', 'revoke', browser.sessionId, ...login(ANA)]);
    const after = parseLines((await runCli(['sessions', 'list', ...login(ANA)])).stdout);

    expect(listed.code).toBe(0);
    expect(sessions.find((session) => session.id === browser.sessionId)).toMatchObject({ deviceId: 'web-session-1', current: false });
    expect(sessions.filter((session) => session.current === true)).toHaveLength(1);
    expect(revoked.code).toBe(0);
    expect(parseLines(revoked.stdout)).toEqual([{ id: browser.sessionId, revoked: true }]);
    expect(after.map((session) => session.id)).not.toContain(browser.sessionId);
    const check = await fetch(`${server.url}/api/v1/sessions`, { headers: { authorization: `Bearer ${browser.token}` } });
    expect(check.status).toBe(401);
  });

  it('confirms a suspicious login', async () => {
    const browser = await loginFromBrowser('web-session-suspeita');
    const before = parseLines((await runCli(['sessions', 'list', ...login(ANA)])).stdout);

    const confirmed = await runCli(['sessions', 'confirm', browser.sessionId, ...login(ANA)]);
    const after = parseLines((await runCli(['sessions', 'list', ...login(ANA)])).stdout);

    expect(before.find((session) => session.id === browser.sessionId)).toMatchObject({ suspicious: true });
    expect(confirmed.code).toBe(0);
    expect(parseLines(confirmed.stdout)).toEqual([{ id: browser.sessionId, confirmed: true }]);
    expect(after.find((session) => session.id === browser.sessionId)).toMatchObject({ suspicious: false });
  });

  it('explains a missing or unknown session id', async () => {
    const missing = await runCli(['sessions', 'revoke', ...login(ANA)]);
    const unknown = await runCli(['sessions', 'revoke', 'nao-existe', ...login(ANA)]);

    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing SESSION_ID');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('nao-existe');
  });

  it('leaves no session behind after a command', async () => {
    const before = await fetch(`${server.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'investidor2@lastro.demo', password: 'lastro-demo', device: { id: 'counter', name: 'Contador', platform: 'web' } }),
    }).then((response) => response.json() as Promise<{ token: string }>);
    const count = async (): Promise<number> => {
      const response = await fetch(`${server.url}/api/v1/sessions`, { headers: { authorization: `Bearer ${before.token}` } });
      return ((await response.json()) as { sessions: unknown[] }).sessions.length;
    };
    const initial = await count();

    await runCli(['loans', 'list', '--status', 'funded', ...login('investidor2@lastro.demo')]);
    await runCli(['sessions', 'list', ...login('investidor2@lastro.demo')]);

    expect(await count()).toBe(initial);
  });

  it('rejects arguments after a command that takes none', async () => {
    const result = await runCli(['sessions', 'list', 'extra', ...login(ANA)]);

    expect(result.code).toBe(2);
  });
});

describe('lastro watch notifications', () => {
  it('prints a line when a PIX arrives', async () => {
    const watcher = spawnCli(['watch', 'notifications', ...login(ANA)]);
    try {
      const txid = await createCharge(server.url, ANA);
      const before = watcher.lines.length;
      await fetch(`${server.url}/webhooks/pix`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer lastro-demo-webhook-secret' },
        body: JSON.stringify({ pix: [{ endToEndId: 'E1234567820261204120000WATCHCLI1', txid, valor: '42.00', horario: new Date().toISOString() }] }),
      });

      let line: Record<string, unknown> = {};
      for (let index = before; line.id !== 'pix:E1234567820261204120000WATCHCLI1'; index += 1) {
        line = JSON.parse(await watcher.line(index)) as Record<string, unknown>;
      }

      expect(line).toMatchObject({ type: 'pix_received', priority: 'critical', title: 'PIX recebido', body: 'R$\u00a042,00 creditados na sua carteira.' });
    } finally {
      expect(await watcher.interrupt()).toBe(0);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationDoc, SessionListResponse } from '@lastro/protocol';
import type { Frame } from './support/commands.js';
import { DatabaseInspector } from './support/inspect.js';
import { postJson, startTestServer, type TestServer } from './support/server.js';
import { SyncTestClient } from './support/ws-client.js';

interface LoginBody {
  token: string;
  sessionId: string;
  user: { id: string };
}

describe('sessions and suspicious logins', () => {
  let server: TestServer;
  let inspector: DatabaseInspector;
  const clients: SyncTestClient[] = [];

  const loginFrom = async (email: string, deviceId: string, password = 'lastro-demo') =>
    postJson(`${server.url}/auth/login`, { email, password, device: { id: deviceId, name: `Aparelho ${deviceId}`, platform: 'linux' } });
  const loggedIn = async (email: string, deviceId: string): Promise<LoginBody> => {
    const response = await loginFrom(email, deviceId);
    expect(response.status).toBe(200);
    return response.body as LoginBody;
  };
  const get = async (path: string, token: string) => {
    const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
  };
  const revoke = (token: string, sessionId: string) => postJson(`${server.url}/api/v1/sessions/${sessionId}/revoke`, {}, { authorization: `Bearer ${token}` });
  const confirm = (token: string, sessionId: string) => postJson(`${server.url}/api/v1/sessions/${sessionId}/confirm`, {}, { authorization: `Bearer ${token}` });
  const connect = async (token: string) => {
    const client = await SyncTestClient.authenticated(server.url, token);
    clients.push(client);
    return client;
  };
  const alertFor = (client: SyncTestClient, sessionId: string, predicate: (doc: NotificationDoc) => boolean = () => true) =>
    client
      .next<Frame<'changes'>>(
        (frame) =>
          frame.type === 'changes' &&
          frame.collection === 'notifications' &&
          (frame.documents as unknown as NotificationDoc[]).some((doc) => doc.id === `login:${sessionId}` && predicate(doc)),
      )
      .then((frame) => (frame.documents as unknown as NotificationDoc[]).find((doc) => doc.id === `login:${sessionId}`)!);

  beforeAll(async () => {
    server = await startTestServer({ demo: true, simulator: false });
    inspector = new DatabaseInspector(server.dataDir);
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    inspector.close();
    await server.stop();
  });

  it('alerts the other sessions when a new device logs in, and revoking it ends it at once', async () => {
    const first = await loggedIn('investidor@lastro.demo', 'notebook');
    const firstSocket = await connect(first.token);

    const second = await loggedIn('investidor@lastro.demo', 'desconhecido');
    const secondSocket = await connect(second.token);

    const alert = await alertFor(firstSocket, second.sessionId);
    expect(alert).toMatchObject({ type: 'suspicious_login', priority: 'critical', sessionId: second.sessionId, titlePt: 'Novo acesso à sua conta' });
    expect(alert.bodyPt).toContain('Aparelho desconhecido');
    const listed = (await get('/api/v1/sessions', first.token)).body as SessionListResponse;
    expect(listed.sessions.find((session) => session.id === first.sessionId)).toMatchObject({ current: true, suspicious: false, deviceId: 'notebook' });
    expect(listed.sessions.find((session) => session.id === second.sessionId)).toMatchObject({ current: false, suspicious: true, network: '127.0.0.0/24' });

    const revoked = await revoke(first.token, second.sessionId);

    expect(revoked.status).toBe(204);
    expect(await secondSocket.closed()).toBe(4003);
    expect((await get('/api/v1/sessions', second.token)).status).toBe(401);
    const acknowledged = await alertFor(firstSocket, second.sessionId, (doc) => doc.readAt !== undefined);
    expect(acknowledged.readAt).toBeDefined();
    expect((await revoke(first.token, second.sessionId)).status).toBe(409);
  });

  it('confirming a login clears its mark', async () => {
    const first = await loggedIn('investidor@lastro.demo', 'escritorio');
    const firstSocket = await connect(first.token);
    const second = await loggedIn('investidor@lastro.demo', 'viagem');
    await alertFor(firstSocket, second.sessionId);

    const confirmed = await confirm(first.token, second.sessionId);
    const acknowledged = await alertFor(firstSocket, second.sessionId, (doc) => doc.readAt !== undefined);
    const listed = (await get('/api/v1/sessions', first.token)).body as SessionListResponse;
    const again = await confirm(first.token, second.sessionId);
    const stranger = await loggedIn('suporte@lastro.demo', 'balcao');
    const foreign = await confirm(stranger.token, second.sessionId);
    await revoke(first.token, second.sessionId);
    const afterRevoke = await confirm(first.token, second.sessionId);

    expect(confirmed.status).toBe(204);
    expect(acknowledged.readAt).toBeDefined();
    expect(listed.sessions.find((session) => session.id === second.sessionId)).toMatchObject({ suspicious: false });
    expect(again.status).toBe(204);
    expect(foreign.status).toBe(404);
    expect(afterRevoke.status).toBe(409);
    expect((await get('/api/v1/sessions', second.token)).status).toBe(401);
  });

  it('ending the other sessions keeps this one', async () => {
    const current = await loggedIn('suporte@lastro.demo', 'mesa-1');
    const other = await loggedIn('suporte@lastro.demo', 'mesa-2');
    const otherSocket = await connect(other.token);
    const before = (await get('/api/v1/sessions', current.token)).body as SessionListResponse;

    const response = await postJson(`${server.url}/api/v1/sessions/revoke-others`, {}, { authorization: `Bearer ${current.token}` });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ revoked: before.sessions.length - 1 });
    expect(await otherSocket.closed()).toBe(4003);
    expect((await get('/api/v1/sessions', other.token)).status).toBe(401);
    const after = (await get('/api/v1/sessions', current.token)).body as SessionListResponse;
    expect(after.sessions.map((session) => session.id)).toEqual([current.sessionId]);
  });

  it('does not alert for a device the user used before', async () => {
    await loggedIn('investidor2@lastro.demo', 'desktop');
    await loggedIn('investidor2@lastro.demo', 'desktop');

    const events = inspector.db.prepare("SELECT COUNT(*) AS count FROM security_events WHERE user_id = (SELECT id FROM users WHERE email = 'investidor2@lastro.demo')").get();
    expect(events).toEqual({ count: 0 });
  });

  it('flags a login after five failed attempts in 15 minutes', async () => {
    await loggedIn('tomador@lastro.demo', 'celular');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await loginFrom('tomador@lastro.demo', 'celular', 'senha-errada')).status).toBe(401);
    }

    const after = await loggedIn('tomador@lastro.demo', 'celular');

    const event = inspector.db.prepare('SELECT reasons FROM security_events WHERE session_id = ?').get(after.sessionId) as { reasons: string };
    expect(JSON.parse(event.reasons)).toEqual(['failed_attempts']);
  });

  it('refuses to revoke a session of another user', async () => {
    const owner = await loggedIn('suporte@lastro.demo', 'console');
    const other = await loggedIn('investidor2@lastro.demo', 'desktop');

    const response = await revoke(other.token, owner.sessionId);

    expect(response.status).toBe(404);
    expect((await get('/api/v1/sessions', owner.token)).status).toBe(200);
  });
});

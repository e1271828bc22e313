import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncTestClient } from './support/ws-client.js';
import { DEVICE, login, postJson, startTestServer, type TestServer } from './support/server.js';

describe('auth and deposits', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ demo: true, simulator: false });
  });

  afterAll(async () => {
    await server.stop();
  });

  it('login returns a token and the user', async () => {
    const response = await postJson(`${server.url}/auth/login`, {
      email: 'investidor@lastro.demo',
      password: 'lastro-demo',
      device: DEVICE,
    });

    expect(response.status).toBe(200);
    expect(response.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(response.body.user).toMatchObject({ role: 'investor', name: 'Ana Ribeiro' });
    expect(JSON.stringify(server.logs)).not.toContain(response.body.token);
  });

  it('login accepts the e-mail in any case', async () => {
    const session = await login(server, 'Investidor@Lastro.Demo');
    expect(session.user.name).toBe('Ana Ribeiro');
  });

  it('wrong password gets 401', async () => {
    const response = await postJson(`${server.url}/auth/login`, {
      email: 'investidor@lastro.demo',
      password: 'wrong',
      device: DEVICE,
    });

    expect(response.status).toBe(401);
    expect(response.body.error).toEqual({ kind: 'unauthorized', message: 'invalid e-mail or password' });
  });

  it('unknown e-mail gets the same 401', async () => {
    const response = await postJson(`${server.url}/auth/login`, {
      email: 'ninguem@lastro.demo',
      password: 'lastro-demo',
      device: DEVICE,
    });

    expect(response.status).toBe(401);
    expect(response.body.error).toEqual({ kind: 'unauthorized', message: 'invalid e-mail or password' });
  });

  it.each([
    ['missing device', { email: 'investidor@lastro.demo', password: 'lastro-demo' }, '/device'],
    ['unknown platform', { email: 'investidor@lastro.demo', password: 'x', device: { ...DEVICE, platform: 'amiga' } }, '/device/platform'],
    ['numeric password', { email: 'investidor@lastro.demo', password: 1234, device: DEVICE }, '/password'],
  ])('invalid body (%s) gets 400 naming the field', async (_name, body, field) => {
    const response = await postJson(`${server.url}/auth/login`, body);

    expect(response.status).toBe(400);
    expect(response.body.error.kind).toBe('invalid_request');
    expect(response.body.error.field).toBe(field);
  });

  it('deposit without a token gets 401', async () => {
    const response = await postJson(`${server.url}/api/v1/deposits`, { valor: '500.00' });

    expect(response.status).toBe(401);
    expect(response.body.error.kind).toBe('unauthorized');
  });

  it('deposit creates a charge with a BR Code', async () => {
    const { token } = await login(server, 'investidor@lastro.demo');

    const response = await postJson(`${server.url}/api/v1/deposits`, { valor: '500.00' }, { authorization: `Bearer ${token}` });

    expect(response.status).toBe(201);
    expect(response.body.txid).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(response.body.brCode).toContain('pix.lastro.com.br/qr/v2/');
    expect(response.body.brCode).toContain('5406500.00');
    expect(response.body.brCode).toContain('LASTRO SEP');
    expect(Date.parse(response.body.expiresAt) - Date.now()).toBeGreaterThan(59 * 60 * 1000);
  });

  it('deposit without valor leaves the amount open', async () => {
    const { token } = await login(server, 'investidor@lastro.demo');

    const response = await fetch(`${server.url}/api/v1/deposits`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });

    expect(response.status).toBe(201);
    const body = (await response.json()) as { brCode: string };
    expect(body.brCode).not.toContain('5406');
  });

  it('deposit with an invalid valor gets 400', async () => {
    const { token } = await login(server, 'investidor@lastro.demo');

    const response = await postJson(`${server.url}/api/v1/deposits`, { valor: '500,00' }, { authorization: `Bearer ${token}` });

    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe('/valor');
  });

  it('deposit by a borrower gets 403', async () => {
    const { token } = await login(server, 'tomador@lastro.demo');

    const response = await postJson(`${server.url}/api/v1/deposits`, {}, { authorization: `Bearer ${token}` });

    expect(response.status).toBe(403);
    expect(response.body.error.kind).toBe('forbidden');
  });

  it('logout revokes the token and closes its socket with 4003', async () => {
    const { token } = await login(server, 'investidor@lastro.demo');
    const other = await login(server, 'investidor@lastro.demo');
    const socket = await SyncTestClient.authenticated(server.url, token);
    const otherSocket = await SyncTestClient.authenticated(server.url, other.token);

    const logout = await fetch(`${server.url}/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });

    expect(logout.status).toBe(204);
    expect(await socket.closed()).toBe(4003);
    const deposit = await postJson(`${server.url}/api/v1/deposits`, {}, { authorization: `Bearer ${token}` });
    expect(deposit.status).toBe(401);
    const again = await fetch(`${server.url}/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(again.status).toBe(401);
    // Another session of the same user stays open.
    const pull = await otherSocket.pull('wallets', null, 10);
    expect(pull.documents).toHaveLength(1);
    expect(otherSocket.closeCode).toBeUndefined();
    otherSocket.close();
  });
});

describe('HTTP basics', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server.stop();
  });

  it('healthz returns ok as JSON', async () => {
    const response = await fetch(`${server.url}/healthz`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('unknown route gets a 404 error body', async () => {
    const response = await fetch(`${server.url}/api/v1/nothing`);

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(((await response.json()) as { error: { kind: string } }).error.kind).toBe('not_found');
  });

  it('metrics lists the server counters', async () => {
    await fetch(`${server.url}/healthz`);

    const response = await fetch(`${server.url}/metrics`);
    const text = await response.text();

    expect(response.status).toBe(200);
    expect(text).toContain('lastro_sync_sockets_connected');
    expect(text).toContain('lastro_http_requests_total{route="healthz",method="GET",status="200"}');
    expect(text).toContain('lastro_pix_webhook_calls_total');
  });

  it('refuses to start without a webhook secret outside demo mode', async () => {
    await expect(startTestServer({ webhookSecret: undefined })).rejects.toThrow(/LASTRO_PIX_WEBHOOK_SECRET/);
  });
});

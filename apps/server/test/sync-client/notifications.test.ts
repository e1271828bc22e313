import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LastroError, setNetworkAvailable, type LastroClient } from '@lastro/engine';
import { createTestClient, DEMO_PASSWORD, postPix, randomEndToEndId, startDemoServer, waitForState, type DemoServer } from './support.js';

let server: DemoServer;
let client: LastroClient;

beforeEach(async () => {
  server = await startDemoServer();
  client = createTestClient(server.url, 'notifications');
  await client.login('investidor@lastro.demo', DEMO_PASSWORD);
  await client.waitForInitialSync();
});

afterEach(async () => {
  await client.close();
  await server.stop();
});

async function loginElsewhere(deviceId: string): Promise<{ token: string; sessionId: string }> {
  const response = await fetch(`${server.url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'investidor@lastro.demo', password: DEMO_PASSWORD, device: { id: deviceId, name: 'Outro aparelho', platform: 'web' } }),
  });
  return (await response.json()) as { token: string; sessionId: string };
}

describe('notifications through the engine', () => {
  it('keeps one notification for a PIX retried five times across two reconnects', async () => {
    const txid = (await client.createDeposit()).txid;
    const endToEndId = randomEndToEndId();
    const retry = async (): Promise<void> => {
      const response = await fetch(`${server.url}/webhooks/pix`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer lastro-demo-webhook-secret' },
        body: JSON.stringify({ pix: [{ endToEndId, txid, valor: '25.00', horario: new Date().toISOString() }] }),
      });
      expect(((await response.json()) as { duplicates: number }).duplicates).toBe(1);
    };
    await postPix(server.url, txid, '25.00', endToEndId);
    await retry();
    for (let round = 0; round < 2; round += 1) {
      setNetworkAvailable(client, false);
      await waitForState(client.connection, (state) => state.status === 'offline');
      await retry();
      setNetworkAvailable(client, true);
      await waitForState(client.connection, (state) => state.status === 'online');
    }
    await retry();
    await retry();

    const notifications = await waitForState(client.notifications, (list) => list.some((doc) => doc.id === `pix:${endToEndId}`));
    expect(notifications.filter((doc) => doc.id === `pix:${endToEndId}`)).toHaveLength(1);
  });

  it('records shown and opened with server time', async () => {
    const other = await loginElsewhere('browser-elsewhere');
    const alerts = await waitForState(client.notifications, (list) => list.some((doc) => doc.id === `login:${other.sessionId}`));
    const alert = alerts.find((doc) => doc.id === `login:${other.sessionId}`)!;
    expect(alert).toMatchObject({ type: 'suspicious_login', sessionId: other.sessionId });

    await client.trackNotifications([alert.id], { shown: 'os' });
    const shown = await waitForState(client.notifications, (list) => list.some((doc) => doc.id === alert.id && doc.shownChannel === 'os' && doc.seq > alert.seq));
    await client.trackNotifications([alert.id], { shown: 'in_app', opened: true });
    const opened = await waitForState(client.notifications, (list) => list.some((doc) => doc.id === alert.id && doc.openedAt !== undefined && doc.seq > alert.seq));

    const afterShown = shown.find((doc) => doc.id === alert.id)!;
    const afterOpened = opened.find((doc) => doc.id === alert.id)!;
    expect(afterOpened.shownChannel).toBe('os');
    expect(afterOpened.shownAt).toBe(afterShown.shownAt);
    expect(afterOpened.readAt).toBe(afterOpened.openedAt);
  });

  it('lists and revokes sessions', async () => {
    const other = await loginElsewhere('browser-to-revoke');

    const before = await client.sessions.list();
    await client.sessions.revoke(other.sessionId);
    const after = await client.sessions.list();

    expect(before.find((session) => session.id === other.sessionId)).toMatchObject({ suspicious: true, current: false });
    expect(before.find((session) => session.current)?.id).toBe(client.session?.sessionId);
    expect(after.map((session) => session.id)).not.toContain(other.sessionId);
    await expect(client.sessions.revoke(other.sessionId)).rejects.toMatchObject({ kind: 'conflict' });
    await expect(client.sessions.revoke('')).rejects.toBeInstanceOf(LastroError);
  });

  it('rejects muting a critical type', async () => {
    await expect(client.updatePreferences({ mutedNotificationTypes: ['pix_received'] })).rejects.toMatchObject({ kind: 'invalid_request' });
    await client.updatePreferences({ mutedNotificationTypes: ['daily_digest'], quietHours: { startHour: 22, endHour: 7 } });

    const preferences = await waitForState(client.preferences, (value) => value?.seq !== undefined && value.quietHoursStart === 22 && value.seq > 0);
    expect(preferences).toMatchObject({ mutedNotificationTypes: ['daily_digest'], quietHoursEnd: 7 });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setNetworkAvailable, type LastroClient } from '@lastro/engine';
import { RemoteClient } from './remote-client.js';
import { createTestClient, DEMO_PASSWORD, startDemoServer, waitForState, type DemoServer } from './support.js';

let server: DemoServer;
let laptop: LastroClient;
let phone: RemoteClient;

beforeEach(async () => {
  server = await startDemoServer();
  laptop = createTestClient(server.url, 'laptop');
  phone = await RemoteClient.start({ serverUrl: server.url, deviceName: 'phone' });
  await laptop.login('investidor@lastro.demo', DEMO_PASSWORD);
  await laptop.waitForInitialSync();
  await phone.login('investidor@lastro.demo', DEMO_PASSWORD);
});

afterEach(async () => {
  await laptop.close();
  await phone.close();
  await server.stop();
});

describe('preferences', () => {
  it('syncs a change to the other device', async () => {
    await laptop.updatePreferences({ language: 'en', defaultInvestAmount: 7_500 });

    const snapshot = await phone.waitFor((state) => state.preferences?.language === 'en', 15_000, 'the laptop preferences');
    expect(snapshot.preferences?.defaultInvestAmount).toBe(7_500);
    expect(snapshot.overruled).toEqual([]);
    expect(laptop.overruled.getState()).toEqual([]);
  });

  it('server version wins over an offline change (ENGINE-3)', async () => {
    const original = await waitForState(laptop.preferences, (value) => value !== null);
    setNetworkAvailable(laptop, false);
    await waitForState(laptop.connection, (state) => state.status === 'offline');

    await phone.updatePreferences({ language: 'en' });
    await phone.waitFor((state) => (state.preferences?.seq ?? 0) > original!.seq, 15_000, 'the stored phone preferences');
    await laptop.updatePreferences({ defaultInvestAmount: 12_345 });
    expect(laptop.preferences.getState()?.defaultInvestAmount).toBe(12_345);

    setNetworkAvailable(laptop, true);
    const serverVersion = await waitForState(laptop.preferences, (value) => value?.language === 'en');
    expect(serverVersion?.defaultInvestAmount).toBe(original?.defaultInvestAmount);
    const overruled = await waitForState(laptop.overruled, (list) => list.length > 0);
    expect(overruled).toHaveLength(1);
    expect(overruled[0]).toMatchObject({
      collection: 'preferences',
      reason: 'server_version_newer',
      local: { defaultInvestAmount: 12_345, language: original?.language },
      server: { language: 'en', defaultInvestAmount: original?.defaultInvestAmount },
    });
    const phoneState = await phone.snapshot();
    expect(phoneState.preferences).toEqual(serverVersion);
    expect(phoneState.overruled).toEqual([]);

    laptop.dismissOverruled(overruled[0]!.key);
    expect(laptop.overruled.getState()).toEqual([]);
  });
});

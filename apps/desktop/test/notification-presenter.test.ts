import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { accessSync, constants } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decideChannel, resultAfterOsAttempts, type AttemptOutcome } from '../src/main/notifications/decision';
import {
  createPlatformNotify,
  nodeNotifierVendorDir,
  notifierHelperPath,
  osNotificationOptions,
  showOsNotification,
  unpackedAsarPath,
  type NotifyFunction,
} from '../src/main/notifications/os-channel';
import { PresentedStore } from '../src/main/notifications/presented-store';
import { createNotificationPresenter } from '../src/main/notifications/presenter';
import type { NotificationOpened, PresentNotificationRequest } from '../src/main/notifications/types';
import { recordingLogger } from './recording-logger';

const request: PresentNotificationRequest = {
  id: 'pix:E1',
  title: 'PIX recebido',
  body: 'R$\u00a0500,00 creditados na sua carteira.',
  route: '#/notifications',
  critical: false,
};

const hasNotifySend = (process.env['PATH'] ?? '').split(delimiter).some((dir) => {
  try {
    accessSync(join(dir, 'notify-send'), constants.X_OK);
    return true;
  } catch {
    return false;
  }
});

/**
 * Stand-ins for node-notifier's Windows and macOS helpers (SnoreToast, terminal-notifier), which
 * cannot run on Linux: each calls back the way node-notifier does for that helper.
 */
function helperStandIn(error: Error | string | null, response: string): NotifyFunction {
  return (_options, callback) => callback(error, response);
}

describe('decideChannel', () => {
  it('skips an already presented id', () => {
    expect(decideChannel({ alreadyPresented: true, windowVisible: false, windowFocused: false })).toBe('skipped');
    expect(decideChannel({ alreadyPresented: true, windowVisible: true, windowFocused: true })).toBe('skipped');
  });

  it('uses the window when it has focus', () => {
    expect(decideChannel({ alreadyPresented: false, windowVisible: true, windowFocused: true })).toBe('in_app');
  });

  it('uses the OS otherwise', () => {
    expect(decideChannel({ alreadyPresented: false, windowVisible: true, windowFocused: false })).toBe('os');
    expect(decideChannel({ alreadyPresented: false, windowVisible: false, windowFocused: false })).toBe('os');
    expect(decideChannel({ alreadyPresented: false, windowVisible: false, windowFocused: true })).toBe('os');
  });
});

describe('resultAfterOsAttempts', () => {
  it('returns os when node-notifier succeeds', () => {
    expect(resultAfterOsAttempts({ ok: true }, undefined)).toEqual({ channel: 'os' });
  });

  it('returns os when the fallback succeeds', () => {
    expect(resultAfterOsAttempts({ ok: false, error: 'exit 1' }, { ok: true })).toEqual({ channel: 'os' });
  });

  it('returns in_app with both errors', () => {
    const result = resultAfterOsAttempts({ ok: false, error: 'exit 1' }, { ok: false, error: 'unsupported' });
    expect(result.channel).toBe('in_app');
    expect(result.reason).toContain('exit 1');
    expect(result.reason).toContain('unsupported');
  });

  it('requires the fallback outcome after a failure', () => {
    expect(() => resultAfterOsAttempts({ ok: false, error: 'exit 1' }, undefined)).toThrow(/fallback outcome is required/);
  });
});

describe('showOsNotification', () => {
  it('reports an Error as a failure', async () => {
    expect(await showOsNotification(helperStandIn(new Error('spawn failed'), ''), osOptions())).toEqual({
      kind: 'error',
      error: 'spawn failed',
    });
  });

  it('treats stderr output as a warning', async () => {
    expect(await showOsNotification(helperStandIn('GLib-WARNING: x\n', ''), osOptions())).toEqual({
      kind: 'ok',
      warning: 'GLib-WARNING: x',
    });
  });

  it('reports clicks and timeouts', async () => {
    expect(await showOsNotification(helperStandIn(null, 'activate'), osOptions())).toEqual({ kind: 'clicked' });
    expect(await showOsNotification(helperStandIn(null, 'timeout'), osOptions())).toEqual({ kind: 'ok' });
  });

  it('keeps the first of two callbacks', async () => {
    const twice: NotifyFunction = (_options, callback) => {
      callback(new Error('SnoreToast exited with -1'), '');
      callback(null, '');
    };
    expect(await showOsNotification(twice, osOptions())).toEqual({ kind: 'error', error: 'SnoreToast exited with -1' });
  });

  it('reports a synchronous throw', async () => {
    const throwing: NotifyFunction = () => {
      throw new TypeError('bad callback');
    };
    expect(await showOsNotification(throwing, osOptions())).toEqual({ kind: 'error', error: 'bad callback' });
  });
});

describe('osNotificationOptions', () => {
  const target = { iconPath: '/app/resources/icon.png', appName: 'Lastro', appUserModelId: 'br.com.lastro.terminal' };

  it('names the app for notify-send', () => {
    const options = osNotificationOptions({ ...request, critical: true }, { ...target, platform: 'linux' });
    expect(options).toEqual({
      title: 'PIX recebido',
      message: request.body,
      icon: '/app/resources/icon.png',
      wait: true,
      'app-name': 'Lastro',
      urgency: 'critical',
    });
  });

  it('passes the AppUserModelID on Windows', () => {
    const options = osNotificationOptions(request, { ...target, platform: 'win32' });
    expect(options.appID).toBe('br.com.lastro.terminal');
    expect(options['app-name']).toBeUndefined();
  });
});

describe('helper paths', () => {
  it('point at helpers that node-notifier ships', () => {
    const vendorDir = nodeNotifierVendorDir(false);
    for (const [platform, arch] of [
      ['win32', 'x64'],
      ['win32', 'arm64'],
      ['darwin', 'arm64'],
    ] as const) {
      const path = notifierHelperPath(platform, arch, vendorDir);
      expect(path, `${platform} ${arch}`).toBeDefined();
      expect(statSync(path ?? '').isFile(), `${platform} ${arch}: ${path}`).toBe(true);
    }
    expect(notifierHelperPath('linux', 'x64', vendorDir)).toBeUndefined();
  });

  it('map asar paths to the unpacked folder', () => {
    expect(unpackedAsarPath('/opt/Lastro/resources/app.asar/node_modules/node-notifier/vendor')).toBe(
      '/opt/Lastro/resources/app.asar.unpacked/node_modules/node-notifier/vendor',
    );
    expect(unpackedAsarPath('C:\\Lastro\\resources\\app.asar\\node_modules')).toBe(
      'C:\\Lastro\\resources\\app.asar.unpacked\\node_modules',
    );
    expect(unpackedAsarPath('/work/node_modules/node-notifier/vendor')).toBe('/work/node_modules/node-notifier/vendor');
  });
});

describe('notification presenter', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lastro-presenter-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /**
   * Builds a presenter on a real store. `electronNotificationStandIn` replaces Electron's
   * `Notification`, which needs the Electron binary that cannot run here.
   */
  function setup(options: { focused: boolean; notify: NotifyFunction; fallback?: AttemptOutcome }) {
    const log = recordingLogger();
    const opened: NotificationOpened[] = [];
    const fallbackCalls: { request: PresentNotificationRequest; click: () => void }[] = [];
    const store = new PresentedStore({ filePath: join(dir, 'presented.json'), log });
    const present = createNotificationPresenter({
      store,
      windowState: () => ({ visible: options.focused, focused: options.focused }),
      showOsNotification: (notification) =>
        showOsNotification(options.notify, osNotificationOptions(notification, {
          platform: 'linux',
          iconPath: '/app/resources/icon.png',
          appName: 'Lastro',
          appUserModelId: 'br.com.lastro.terminal',
        })),
      showFallbackNotification: function electronNotificationStandIn(notification, click) {
        fallbackCalls.push({ request: notification, click });
        return options.fallback ?? { ok: true };
      },
      openNotification: (value) => void opened.push(value),
      log,
    });
    return { present, log, opened, fallbackCalls, store };
  }

  it('returns in_app while the window has focus', async () => {
    const { present, store } = setup({ focused: true, notify: helperStandIn(null, '') });
    expect(await present(request)).toEqual({ channel: 'in_app' });
    expect(store.has(request.id)).toBe(true);
  });

  it('presents each id once', async () => {
    const { present } = setup({ focused: false, notify: helperStandIn(null, '') });
    const [first, second] = await Promise.all([present(request), present(request)]);
    expect(first).toEqual({ channel: 'os' });
    expect(second).toEqual({ channel: 'skipped' });
    expect(await present(request)).toEqual({ channel: 'skipped' });
  });

  it('skips ids presented before a restart', async () => {
    await setup({ focused: true, notify: helperStandIn(null, '') }).present(request);
    const { present } = setup({ focused: false, notify: helperStandIn(null, '') });
    expect(await present(request)).toEqual({ channel: 'skipped' });
  });

  it('opens the route on click', async () => {
    const { present, opened } = setup({ focused: false, notify: helperStandIn(null, 'activate') });
    expect(await present(request)).toEqual({ channel: 'os' });
    expect(opened).toEqual([{ id: 'pix:E1', route: '#/notifications' }]);
  });

  it.skipIf(!hasNotifySend)('falls back to Electron when notify-send fails', async () => {
    // A bus address that does not exist makes the real notify-send exit with status 1.
    const savedBus = process.env['DBUS_SESSION_BUS_ADDRESS'];
    process.env['DBUS_SESSION_BUS_ADDRESS'] = `unix:path=${join(dir, 'no-bus')}`;
    const { present, log, opened, fallbackCalls, store } = setup({
      focused: false,
      notify: createPlatformNotify('linux', undefined),
    });
    try {
      expect(await present(request)).toEqual({ channel: 'os' });
    } finally {
      if (savedBus === undefined) {
        delete process.env['DBUS_SESSION_BUS_ADDRESS'];
      } else {
        process.env['DBUS_SESSION_BUS_ADDRESS'] = savedBus;
      }
    }
    expect(fallbackCalls).toHaveLength(1);
    expect(fallbackCalls[0]?.request).toEqual(request);
    expect(store.has(request.id)).toBe(true);
    expect(log.entries.some((entry) => entry.level === 'warn' && /falling back to Electron/.test(entry.message))).toBe(true);

    fallbackCalls[0]?.click();
    expect(opened).toEqual([{ id: 'pix:E1', route: '#/notifications' }]);
  });

  it('returns in_app when both fail', async () => {
    const { present, log, store } = setup({
      focused: false,
      notify: helperStandIn(new Error('notify-send exited with 1'), ''),
      fallback: { ok: false, error: 'Electron Notification is not supported on this system' },
    });
    const result = await present(request);
    expect(result.channel).toBe('in_app');
    expect(result.reason).toMatch(/notify-send exited with 1/);
    expect(result.reason).toMatch(/not supported/);
    expect(store.has(request.id)).toBe(true);
    expect(log.entries.some((entry) => entry.level === 'error')).toBe(true);
  });
});

function osOptions() {
  return osNotificationOptions(request, {
    platform: 'linux',
    iconPath: '/app/resources/icon.png',
    appName: 'Lastro',
    appUserModelId: 'br.com.lastro.terminal',
  });
}

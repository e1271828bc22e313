import { describe, expect, it } from 'vitest';
import { createIpcHandlers, type IpcHandlerContext } from '../src/main/ipc/handlers';
import { IpcArgumentError } from '../src/main/ipc/validate';
import type { PresentNotificationRequest } from '../src/main/notifications/types';
import type { SecurityAlert, TrayState } from '../src/main/tray-state';

function context() {
  const calls: {
    trayStates: TrayState[];
    shown: number;
    presented: PresentNotificationRequest[];
    alerts: (SecurityAlert | null)[];
    installs: number;
  } = { trayStates: [], shown: 0, presented: [], alerts: [], installs: 0 };
  const value: IpcHandlerContext = {
    config: {
      serverUrl: 'http://127.0.0.1:8787',
      device: { id: 'device-1', name: 'Lastro em test', platform: 'linux' },
      appVersion: '0.1.0',
      platform: 'linux',
    },
    setTrayState: (state) => void calls.trayStates.push(state),
    showWindow: () => void (calls.shown += 1),
    presentNotification: async (request) => {
      calls.presented.push(request);
      return { channel: 'os' };
    },
    setSecurityAlert: (alert) => void calls.alerts.push(alert),
    getUpdateState: () => ({ status: 'ready', version: '0.2.0' }),
    installUpdate: () => void (calls.installs += 1),
    takePendingRoute: () => null,
    setUiLanguage: () => undefined,
    reportRendererError: () => undefined,
  };
  return { value, calls };
}

describe('IPC handlers', () => {
  it('returns the configuration without arguments', () => {
    const { value } = context();
    expect(createIpcHandlers(value).getConfig.invoke([])).toEqual(value.config);
  });

  it('rejects arguments to handlers that take none', () => {
    const { value, calls } = context();
    const handlers = createIpcHandlers(value);
    expect(() => handlers.getConfig.invoke(['extra'])).toThrow(IpcArgumentError);
    expect(() => handlers.showWindow.invoke([{}])).toThrow(IpcArgumentError);
    expect(calls.shown).toBe(0);
  });

  it('sets a valid tray state', () => {
    const { value, calls } = context();
    createIpcHandlers(value).setTrayState.invoke(['alert']);
    expect(calls.trayStates).toEqual(['alert']);
  });

  it('rejects invalid tray states before acting', () => {
    const { value, calls } = context();
    const handlers = createIpcHandlers(value);
    expect(() => handlers.setTrayState.invoke(['blink'])).toThrow(/invalid tray state "blink"/);
    expect(() => handlers.setTrayState.invoke([])).toThrow(IpcArgumentError);
    expect(() => handlers.setTrayState.invoke(['alert', 'normal'])).toThrow(IpcArgumentError);
    expect(() => handlers.setTrayState.invoke([{ toString: () => 'alert' }])).toThrow(IpcArgumentError);
    expect(calls.trayStates).toEqual([]);
  });

  it('shows the window', () => {
    const { value, calls } = context();
    createIpcHandlers(value).showWindow.invoke([]);
    expect(calls.shown).toBe(1);
  });
});

const pix: PresentNotificationRequest = {
  id: 'pix:E12345678202603101200abcdef',
  title: 'PIX recebido',
  body: 'R$\u00a0500,00 creditados na sua carteira.',
  route: '#/notifications',
  critical: false,
};

describe('presentNotification handler', () => {
  it('passes a valid request through', async () => {
    const { value, calls } = context();
    expect(await createIpcHandlers(value).presentNotification.invoke([pix])).toEqual({ channel: 'os' });
    expect(calls.presented).toEqual([pix]);
  });

  it('accepts the app routes', async () => {
    const { value, calls } = context();
    const handlers = createIpcHandlers(value);
    const routes = ['#/', '#/loans/emp-00008', '#/security', '#/notifications', '#/chats', '#/loans/emp-00008/chat/investor-1'];
    for (const route of routes) {
      await handlers.presentNotification.invoke([{ ...pix, route }]);
    }
    expect(calls.presented.map((request) => request.route)).toEqual(routes);
  });

  it.each([
    ['a missing request', [], /expected one notification request/],
    ['two requests', [pix, pix], /received 2 arguments/],
    ['a string', ['pix:E1'], /expected an object/],
    ['an unknown field', [{ ...pix, loanId: 'emp-1' }], /unknown field loanId/],
    ['a missing id', [{ ...pix, id: undefined }], /invalid notification id undefined/],
    ['an empty id', [{ ...pix, id: '' }], /invalid notification id ""/],
    ['a 65-character id', [{ ...pix, id: 'x'.repeat(65) }], /invalid notification id/],
    ['an id with a space', [{ ...pix, id: 'pix E1' }], /printable ASCII characters without spaces/],
    ['a blank title', [{ ...pix, title: '  ' }], /invalid notification title/],
    ['a 121-character title', [{ ...pix, title: 't'.repeat(121) }], /121 characters, the maximum is 120/],
    ['a title with a line feed', [{ ...pix, title: 'PIX\nrecebido' }], /remove the control characters/],
    ['a 401-character body', [{ ...pix, body: 'b'.repeat(401) }], /401 characters, the maximum is 400/],
    ['a body with an escape character', [{ ...pix, body: 'R$ 5\u001b[31m' }], /remove the control characters/],
    ['a numeric body', [{ ...pix, body: 500 }], /invalid notification body 500/],
    ['an external URL', [{ ...pix, route: 'https://example.com/' }], /invalid notification route/],
    ['an unknown route', [{ ...pix, route: '#/admin' }], /invalid notification route "#\/admin"/],
    ['the login route', [{ ...pix, route: '#/login' }], /invalid notification route/],
    ['a loan id with a slash', [{ ...pix, route: '#/loans/a%2Fb' }], /invalid notification route/],
    ['a string flag', [{ ...pix, critical: 'true' }], /invalid notification critical flag "true"/],
  ])('rejects %s', (_case, args, message) => {
    const { value, calls } = context();
    const handlers = createIpcHandlers(value);
    expect(() => handlers.presentNotification.invoke(args)).toThrow(IpcArgumentError);
    expect(() => handlers.presentNotification.invoke(args)).toThrow(message);
    expect(calls.presented).toEqual([]);
  });

  it('accepts limits and line feeds in the body', async () => {
    const { value, calls } = context();
    const request = { ...pix, id: 'x'.repeat(64), title: 't'.repeat(120), body: `${'b'.repeat(200)}\n${'b'.repeat(199)}` };
    await createIpcHandlers(value).presentNotification.invoke([request]);
    expect(calls.presented).toEqual([request]);
  });
});

describe('setSecurityAlert handler', () => {
  it('raises and clears the alert', async () => {
    const { value, calls } = context();
    const handlers = createIpcHandlers(value);
    await handlers.setSecurityAlert.invoke([{ sessionId: 'sess-42', deviceName: 'Chrome em Windows' }]);
    await handlers.setSecurityAlert.invoke([null]);
    expect(calls.alerts).toEqual([{ sessionId: 'sess-42', deviceName: 'Chrome em Windows' }, null]);
  });

  it('accepts an unknown device name', async () => {
    const { value, calls } = context();
    const alert = { sessionId: '0d4f2c1e-aaaa-4bbb-8ccc-123456789abc', deviceName: '' };
    await createIpcHandlers(value).setSecurityAlert.invoke([alert]);
    expect(calls.alerts).toEqual([alert]);
  });

  it.each([
    ['no argument', [], /expected one security alert or null/],
    ['undefined', [undefined], /invalid security alert undefined/],
    ['an unknown field', [{ sessionId: 's', deviceName: 'd', token: 'x' }], /unknown field token/],
    ['a session id with a space', [{ sessionId: 'sess 42', deviceName: 'd' }], /invalid security alert sessionId/],
    ['a 65-character session id', [{ sessionId: 's'.repeat(65), deviceName: 'd' }], /invalid security alert sessionId/],
    ['a missing device name', [{ sessionId: 's' }], /invalid security alert deviceName undefined/],
    ['an 81-character device name', [{ sessionId: 's', deviceName: 'd'.repeat(81) }], /maximum is 80/],
    ['a device name with a line feed', [{ sessionId: 's', deviceName: 'a\nb' }], /remove the control characters/],
  ])('rejects %s', (_case, args, message) => {
    const { value, calls } = context();
    expect(() => createIpcHandlers(value).setSecurityAlert.invoke(args)).toThrow(message);
    expect(calls.alerts).toEqual([]);
  });
});

describe('update handlers', () => {
  it('return the update state', () => {
    const { value } = context();
    expect(createIpcHandlers(value).getUpdateState.invoke([])).toEqual({ status: 'ready', version: '0.2.0' });
  });

  it('install the update once asked', () => {
    const { value, calls } = context();
    createIpcHandlers(value).installUpdate.invoke([]);
    expect(calls.installs).toBe(1);
  });

  it('reject arguments to installUpdate', () => {
    const { value, calls } = context();
    const handlers = createIpcHandlers(value);
    expect(() => handlers.installUpdate.invoke([true])).toThrow(IpcArgumentError);
    expect(() => handlers.getUpdateState.invoke(['ready'])).toThrow(IpcArgumentError);
    expect(calls.installs).toBe(0);
  });
});

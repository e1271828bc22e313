import { describe, expect, it } from 'vitest';
import { createIpcHandlers, type IpcHandlerContext } from '../src/main/ipc/handlers';
import { IpcArgumentError } from '../src/main/ipc/validate';
import type { TrayState } from '../src/main/tray-state';

function context() {
  const calls: { trayStates: TrayState[]; shown: number } = { trayStates: [], shown: 0 };
  const value: IpcHandlerContext = {
    config: {
      serverUrl: 'http://127.0.0.1:8787',
      device: { id: 'device-1', name: 'Lastro em test', platform: 'linux' },
      appVersion: '0.1.0',
      platform: 'linux',
    },
    setTrayState: (state) => void calls.trayStates.push(state),
    showWindow: () => void (calls.shown += 1),
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

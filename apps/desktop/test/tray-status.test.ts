import { describe, expect, it } from 'vitest';
import { exposeTrayStatus, TRAY_STATUS_GLOBAL } from '../src/main/inspection';
import { trayStatus, type TrayStatus } from '../src/main/tray-state';

const alert = { sessionId: 'sess-42', deviceName: 'Chrome em Windows' };

describe('trayStatus', () => {
  it('describes the normal tray', () => {
    expect(trayStatus('normal', null)).toEqual({
      state: 'normal',
      alert: null,
      iconFileName: 'tray.png',
      tooltip: 'Lastro',
      menuLabels: ['Abrir Lastro', 'Carteira', 'Sair'],
    });
  });

  it('describes a security alert', () => {
    const status = trayStatus('normal', alert);
    expect(status.alert).toEqual(alert);
    expect(status.iconFileName).toBe('tray-alert.png');
    expect(status.tooltip).toBe('Lastro: novo acesso em Chrome em Windows / new sign-in on Chrome em Windows');
    expect(status.menuLabels).toEqual(['Ver alerta', 'Não fui eu — encerrar sessão', 'Abrir Lastro', 'Carteira', 'Sair']);
  });

  it('copies the alert', () => {
    const source = { ...alert };
    const status = trayStatus('alert', source);
    source.deviceName = 'changed later';
    expect(status.alert?.deviceName).toBe('Chrome em Windows');
  });
});

describe('exposeTrayStatus', () => {
  it('publishes a read-only global', () => {
    let current: TrayStatus = trayStatus('normal', null);
    exposeTrayStatus(() => current);

    const read = Reflect.get(globalThis, TRAY_STATUS_GLOBAL) as () => TrayStatus;
    expect(read().iconFileName).toBe('tray.png');
    current = trayStatus('normal', alert);
    expect(read().iconFileName).toBe('tray-alert.png');

    expect(Reflect.set(globalThis, TRAY_STATUS_GLOBAL, () => undefined)).toBe(false);
    expect(Reflect.deleteProperty(globalThis, TRAY_STATUS_GLOBAL)).toBe(false);
    expect(Object.keys(globalThis)).not.toContain(TRAY_STATUS_GLOBAL);
  });
});

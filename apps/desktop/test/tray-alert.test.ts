import { describe, expect, it } from 'vitest';
import { trayAppearance, trayMenuModel, type TrayMenuEntry } from '../src/main/tray-state';

const alert = { sessionId: 'sess-42', deviceName: 'Chrome em Windows' };

function labels(entries: TrayMenuEntry[]): string[] {
  return entries.map((entry) => (entry.kind === 'item' ? entry.label : '---'));
}

describe('tray security alert', () => {
  it('keeps the normal menu without an alert', () => {
    expect(labels(trayMenuModel(null))).toEqual(['Abrir Lastro', 'Carteira', '---', 'Sair']);
  });

  it('writes the menu in English', () => {
    expect(labels(trayMenuModel(alert, 'en'))).toEqual(['View alert', "It wasn't me — end session", '---', 'Open Lastro', 'Wallet', '---', 'Quit']);
  });

  it('adds the alert items above the normal menu', () => {
    expect(labels(trayMenuModel(alert))).toEqual([
      'Ver alerta',
      'Não fui eu — encerrar sessão',
      '---',
      'Abrir Lastro',
      'Carteira',
      '---',
      'Sair',
    ]);
  });

  it('binds the alert items to the session', () => {
    const actions = trayMenuModel(alert).flatMap((entry) => (entry.kind === 'item' ? [entry.action] : []));
    expect(actions).toContainEqual({ kind: 'security', action: 'view', sessionId: 'sess-42' });
    expect(actions).toContainEqual({ kind: 'security', action: 'revoke', sessionId: 'sess-42' });
    expect(actions).toContainEqual({ kind: 'showWindow' });
    expect(actions).toContainEqual({ kind: 'navigate', route: '#/' });
    expect(actions).toContainEqual({ kind: 'quit' });
  });

  it('names the device in the tooltip', () => {
    expect(trayAppearance('normal', alert)).toEqual({
      iconFileName: 'tray-alert.png',
      tooltip: 'Lastro: novo acesso em Chrome em Windows / new sign-in on Chrome em Windows',
    });
  });

  it('names an unknown device generically', () => {
    expect(trayAppearance('normal', { sessionId: 's', deviceName: '' }).tooltip).toBe(
      'Lastro: novo acesso em outro dispositivo / new sign-in on another device',
    );
  });

  it('fits a long device name into 127 characters', () => {
    const { tooltip } = trayAppearance('normal', { sessionId: 's', deviceName: 'D'.repeat(80) });
    expect(tooltip.length).toBeLessThanOrEqual(127);
    expect(tooltip).toContain(`${'D'.repeat(39)}…`);
  });

  it('returns to the renderer state when cleared', () => {
    expect(trayAppearance('normal', null)).toEqual({ iconFileName: 'tray.png', tooltip: 'Lastro' });
    expect(trayAppearance('alert', null).iconFileName).toBe('tray-alert.png');
  });
});

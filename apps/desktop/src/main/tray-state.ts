/** Tray icon states: `alert` draws attention to a session or security problem. */
export const TRAY_STATES = ['normal', 'alert'] as const;
export type TrayState = (typeof TRAY_STATES)[number];

export function isTrayState(value: unknown): value is TrayState {
  return TRAY_STATES.some((state) => state === value);
}

/** File name, under `resources/`, of the tray icon for a state. */
export function trayIconFileName(state: TrayState): string {
  return state === 'alert' ? 'tray-alert.png' : 'tray.png';
}

/** Tooltip of the tray icon, in pt-BR with the English after it. */
export function trayTooltip(state: TrayState): string {
  return state === 'alert'
    ? 'Lastro: atenção necessária / attention needed'
    : 'Lastro';
}

/** A sign-in from another device that the user should confirm or end. */
export interface SecurityAlert {
  /** Server session that signed in. */
  sessionId: string;
  /** Name of the device that signed in, such as "Lastro em ana-laptop"; empty when unknown. */
  deviceName: string;
}

/** Device names longer than this are cut in the tooltip, because Windows shows at most 127 characters. */
const TOOLTIP_DEVICE_NAME_LENGTH = 40;

function shortDeviceName(deviceName: string): string {
  const name = deviceName.trim();
  return name.length > TOOLTIP_DEVICE_NAME_LENGTH ? `${name.slice(0, TOOLTIP_DEVICE_NAME_LENGTH - 1)}…` : name;
}

/** Icon file name and tooltip for the tray: a security alert wins over the state set by the renderer. */
export function trayAppearance(state: TrayState, alert: SecurityAlert | null): { iconFileName: string; tooltip: string } {
  if (alert === null) {
    return { iconFileName: trayIconFileName(state), tooltip: trayTooltip(state) };
  }
  const device = shortDeviceName(alert.deviceName);
  return {
    iconFileName: trayIconFileName('alert'),
    tooltip:
      device === ''
        ? 'Lastro: novo acesso em outro dispositivo / new sign-in on another device'
        : `Lastro: novo acesso em ${device} / new sign-in on ${device}`,
  };
}

/** Language of the tray menu, the one the renderer reports for its screens. */
export type TrayLanguage = 'pt-BR' | 'en';

/** Labels of the tray menu in each language. */
export const TRAY_MENU_LABELS: Record<TrayLanguage, Record<'viewAlert' | 'revokeAlert' | 'open' | 'wallet' | 'quit', string>> = {
  'pt-BR': {
    viewAlert: 'Ver alerta',
    revokeAlert: 'Não fui eu — encerrar sessão',
    open: 'Abrir Lastro',
    wallet: 'Carteira',
    quit: 'Sair',
  },
  en: {
    viewAlert: 'View alert',
    revokeAlert: "It wasn't me — end session",
    open: 'Open Lastro',
    wallet: 'Wallet',
    quit: 'Quit',
  },
};

/** Action of a tray menu item. */
export type TrayMenuAction =
  | { kind: 'showWindow' }
  | { kind: 'navigate'; route: string }
  | { kind: 'quit' }
  | { kind: 'security'; action: 'view' | 'revoke'; sessionId: string };

export type TrayMenuEntry = { kind: 'item'; label: string; action: TrayMenuAction } | { kind: 'separator' };

/** Builds the tray's context menu, in pt-BR by default. A security alert adds its two items at the top. */
export function trayMenuModel(alert: SecurityAlert | null, language: TrayLanguage = 'pt-BR'): TrayMenuEntry[] {
  const labels = TRAY_MENU_LABELS[language];
  const alertEntries: TrayMenuEntry[] =
    alert === null
      ? []
      : [
          { kind: 'item', label: labels.viewAlert, action: { kind: 'security', action: 'view', sessionId: alert.sessionId } },
          {
            kind: 'item',
            label: labels.revokeAlert,
            action: { kind: 'security', action: 'revoke', sessionId: alert.sessionId },
          },
          { kind: 'separator' },
        ];
  return [
    ...alertEntries,
    { kind: 'item', label: labels.open, action: { kind: 'showWindow' } },
    { kind: 'item', label: labels.wallet, action: { kind: 'navigate', route: '#/' } },
    { kind: 'separator' },
    { kind: 'item', label: labels.quit, action: { kind: 'quit' } },
  ];
}

/** Snapshot of the tray: the state set by the renderer, the security alert, the icon, the tooltip and the menu labels. */
export interface TrayStatus {
  state: TrayState;
  alert: SecurityAlert | null;
  iconFileName: string;
  tooltip: string;
  /** Labels of the context menu items, top to bottom, without separators. */
  menuLabels: string[];
}

/** Describes what the tray shows for a state, an alert and a language, as `AppTray` draws it. */
export function trayStatus(state: TrayState, alert: SecurityAlert | null, language: TrayLanguage = 'pt-BR'): TrayStatus {
  return {
    state,
    alert: alert === null ? null : { ...alert },
    ...trayAppearance(state, alert),
    menuLabels: trayMenuModel(alert, language).flatMap((entry) => (entry.kind === 'item' ? [entry.label] : [])),
  };
}

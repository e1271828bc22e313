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

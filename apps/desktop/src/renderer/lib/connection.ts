import type { ConnectionState } from '../engine/client';

/** The connection states the indicator shows: the engine's own union, imported as a type only. */
export type ConnectionView = ConnectionState;

/** A translation key and its interpolation values. */
export interface ConnectionLabel {
  key: string;
  values: Record<string, number | string>;
}

/** Whole seconds until `nextRetryAt`, rounded up and never negative. */
export function secondsUntil(nextRetryAt: string, nowMs: number): number {
  const target = Date.parse(nextRetryAt);
  if (Number.isNaN(target)) {
    return 0;
  }
  return Math.max(0, Math.ceil((target - nowMs) / 1000));
}

/** Picks the indicator text for a connection state: "Online", "Reconectando em 4 s", "Sessão expirada", ... */
export function connectionLabel(state: ConnectionView, nowMs: number): ConnectionLabel {
  switch (state.status) {
    case 'reconnecting': {
      const seconds = secondsUntil(state.nextRetryAt, nowMs);
      return seconds > 0
        ? { key: 'connection.reconnectingIn', values: { seconds } }
        : { key: 'connection.reconnectingNow', values: {} };
    }
    default:
      return { key: `connection.${state.status}`, values: {} };
  }
}

/** Tray icon state for a connection: an expired session or an outdated app needs the user's attention. */
export function trayStateFor(state: ConnectionView): 'normal' | 'alert' {
  return state.status === 'unauthorized' || state.status === 'incompatible' ? 'alert' : 'normal';
}

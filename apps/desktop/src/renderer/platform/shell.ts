/**
 * The desktop bridge's shell methods: deep links kept until the renderer listens, the UI
 * language for the main process's own messages, and error reports. As with the notification
 * methods, the renderer checks at run time that the main process provides them.
 */
import type { LastroBridge } from '../../preload/bridge';
import type { RendererErrorReport } from '../lib/error-report';

export interface DesktopShell {
  /** Returns the route of a deep link that arrived before the renderer listened, once. */
  takePendingRoute(): Promise<string | null>;
  setUiLanguage(language: 'pt-BR' | 'en'): Promise<void>;
  reportRendererError(report: RendererErrorReport): Promise<void>;
}

type AnyFunction = (...args: unknown[]) => unknown;

function method(bridge: LastroBridge, name: string): AnyFunction | null {
  const value: unknown = Reflect.get(bridge, name);
  return typeof value === 'function' ? (value as AnyFunction).bind(bridge) : null;
}

/** Validates the result of `takePendingRoute`: a hash route, or null for anything else. */
export function parsePendingRoute(value: unknown): string | null {
  return typeof value === 'string' && value.startsWith('#/') ? value : null;
}

/** Returns the bridge's shell methods, or null in the web terminal or when the main process lacks any of them. */
export function desktopShell(bridge: LastroBridge | undefined): DesktopShell | null {
  if (bridge === undefined) return null;
  const takePendingRoute = method(bridge, 'takePendingRoute');
  const setUiLanguage = method(bridge, 'setUiLanguage');
  const reportRendererError = method(bridge, 'reportRendererError');
  if (takePendingRoute === null || setUiLanguage === null || reportRendererError === null) return null;
  return {
    takePendingRoute: async () => parsePendingRoute(await takePendingRoute()),
    setUiLanguage: async (language) => {
      await setUiLanguage(language);
    },
    reportRendererError: async (report) => {
      await reportRendererError(report);
    },
  };
}

import type { Device } from '@lastro/protocol';
import type { RendererErrorReport } from '../../renderer/lib/error-report';
import type { UiLanguage } from '../close-hint/hint';
import type { NotificationOpened, PresentNotificationRequest, PresentNotificationResult } from '../notifications/types';
import type { SecurityAlert, TrayState } from '../tray-state';
import type { UpdateState } from '../update/update-state';
import { parseNoArgs, parseTrayStateArgs } from './validate';
import { parsePresentNotificationArgs, parseSecurityAlertArgs } from './validate-notifications';
import { parseErrorReportArgs, parseUiLanguageArgs } from './validate-shell';

/** Configuration the renderer reads once at start-up. */
export interface AppConfig {
  /** Origin of the Lastro server, such as "http://127.0.0.1:8787". */
  serverUrl: string;
  device: Device;
  appVersion: string;
  /** `process.platform` of the main process. */
  platform: string;
}

/** Main-process capabilities the handlers use, implemented by the Electron side. */
export interface IpcHandlerContext {
  config: AppConfig;
  setTrayState(state: TrayState): void;
  showWindow(): void;
  /** Presents a due notification once: as an OS notification, or in the window when it has focus. */
  presentNotification(request: PresentNotificationRequest): Promise<PresentNotificationResult>;
  /** Raises the tray's security alert for a new sign-in, or clears it with null. */
  setSecurityAlert(alert: SecurityAlert | null): void;
  /** The automatic update state; idle when updates are off. */
  getUpdateState(): UpdateState;
  /** Quits and installs the downloaded update; throws unless an update is ready. */
  installUpdate(): void;
  /** Returns the route of a deep link that arrived before the renderer listened, once, and marks the renderer as listening. */
  takePendingRoute(): string | null;
  /** Stores the UI language, in which the main process writes its own messages. */
  setUiLanguage(language: UiLanguage): void;
  /** Logs an error of the renderer, within the rate limit. */
  reportRendererError(report: RendererErrorReport): void;
}

/** One IPC handler: validation of the renderer's raw arguments, then the typed work. */
export interface IpcHandler<Args extends unknown[], Result> {
  parseArgs(rawArgs: readonly unknown[]): Args;
  run(...args: Args): Result;
  /** Validates `rawArgs` and runs the handler; throws `IpcArgumentError` on invalid arguments. */
  invoke(rawArgs: readonly unknown[]): Result;
}

function defineHandler<Args extends unknown[], Result>(
  parseArgs: (rawArgs: readonly unknown[]) => Args,
  run: (...args: Args) => Result,
): IpcHandler<Args, Result> {
  return { parseArgs, run, invoke: (rawArgs) => run(...parseArgs(rawArgs)) };
}

/**
 * Builds the IPC handler map. It is the single source of truth for the bridge: the preload's
 * `window.lastro` type is derived from the return type of this function.
 */
export function createIpcHandlers(context: IpcHandlerContext) {
  return {
    getConfig: defineHandler(parseNoArgs, (): AppConfig => context.config),
    setTrayState: defineHandler(parseTrayStateArgs, (state: TrayState): void => context.setTrayState(state)),
    showWindow: defineHandler(parseNoArgs, (): void => context.showWindow()),
    presentNotification: defineHandler(
      parsePresentNotificationArgs,
      (request: PresentNotificationRequest): Promise<PresentNotificationResult> => context.presentNotification(request),
    ),
    setSecurityAlert: defineHandler(
      parseSecurityAlertArgs,
      async (alert: SecurityAlert | null): Promise<void> => context.setSecurityAlert(alert),
    ),
    getUpdateState: defineHandler(parseNoArgs, (): UpdateState => context.getUpdateState()),
    installUpdate: defineHandler(parseNoArgs, (): void => context.installUpdate()),
    takePendingRoute: defineHandler(parseNoArgs, (): string | null => context.takePendingRoute()),
    setUiLanguage: defineHandler(parseUiLanguageArgs, (language: UiLanguage): void => context.setUiLanguage(language)),
    reportRendererError: defineHandler(
      parseErrorReportArgs,
      (report: RendererErrorReport): void => context.reportRendererError(report),
    ),
  };
}

export type IpcHandlers = ReturnType<typeof createIpcHandlers>;
export type IpcHandlerName = keyof IpcHandlers;

/** Events the main process sends to the renderer, with their payload types. */
export interface IpcEvents {
  /** A hash route to open, such as "#/" or "#/loans/LOAN_ID", chosen from the tray menu or a deep link. */
  navigate: string;
  /** The user clicked the OS notification `id`; the window is already shown and focused. */
  notificationOpened: NotificationOpened;
  /** The user chose a security alert item in the tray menu; `view` also shows and focuses the window. */
  securityAction: { action: 'view' | 'revoke'; sessionId: string };
  /** The automatic update state changed. */
  updateState: UpdateState;
}
export type IpcEventName = keyof IpcEvents;

import type { Logger } from '../notifications/logger';
import {
  canStartCheck,
  installFailed,
  nextUpdateState,
  parseUpdaterEvent,
  UpdateEventError,
  type UpdateState,
} from './update-state';

/** The part of electron-updater's `autoUpdater` that the controller drives. */
export interface UpdaterPort {
  /**
   * Starts a check. electron-updater resolves with the check result, whose `downloadPromise`
   * runs the automatic download, or with null when the updater is inactive. Failures of both
   * promises are also emitted as `error` events.
   */
  checkForUpdates(): Promise<{ downloadPromise?: Promise<unknown> | null } | null>;
  /** Quits the app, installs the downloaded update and starts the new version. */
  quitAndInstall(): void;
}

export interface UpdateControllerOptions {
  /** The updater, or null when automatic updates are off; the state then stays idle. */
  updater: UpdaterPort | null;
  log: Logger;
  /** Sends every new state to the renderer. */
  publish(state: UpdateState): void;
  /**
   * Runs just before `quitAndInstall`, so that closing the window quits the app instead of
   * hiding it in the tray, which would stop the installation.
   */
  prepareQuit(): void;
  /** Undoes `prepareQuit` when the installation fails and the app keeps running. */
  cancelQuit(): void;
}

/** Raised by `install` when no downloaded update is waiting. */
export class NoUpdateToInstallError extends Error {
  override readonly name = 'NoUpdateToInstallError';
}

/**
 * Keeps the update state, feeds it with validated updater events, starts checks and installs a
 * downloaded update only when the user asks for it through `install`.
 */
export class UpdateController {
  private state: UpdateState = { status: 'idle' };
  /** Set between `install` and the app quitting, or an installation error. */
  private installing = false;

  constructor(private readonly options: UpdateControllerOptions) {}

  get enabled(): boolean {
    return this.options.updater !== null;
  }

  getState(): UpdateState {
    return this.state;
  }

  /** Applies one raw event of electron-updater; a malformed one is logged and dropped. */
  handleEvent(type: string, payload: unknown): void {
    try {
      this.apply(parseUpdaterEvent(type, payload));
    } catch (error) {
      if (!(error instanceof UpdateEventError)) {
        throw error;
      }
      this.options.log.warn('ignored an invalid updater event', { event: type, error: error.message });
    }
  }

  /** Starts a check unless updates are off or a check, a download or an installation is pending. */
  checkNow(): boolean {
    const updater = this.options.updater;
    if (updater === null || !canStartCheck(this.state)) {
      return false;
    }
    updater.checkForUpdates().then(
      (result) => {
        // Download failures also arrive as `error` events, which set the state.
        result?.downloadPromise?.catch(() => undefined);
      },
      (error: unknown) => {
        // electron-updater emits `error` before rejecting; this covers a failure that it did not emit.
        if (this.state.status !== 'error') {
          this.handleEvent('error', error);
        }
      },
    );
    return true;
  }

  /**
   * Quits and installs the downloaded update. Throws NoUpdateToInstallError unless the state is
   * ready; a failure of the installer start is logged and becomes the error state.
   */
  install(): void {
    const updater = this.options.updater;
    if (updater === null || this.state.status !== 'ready') {
      throw new NoUpdateToInstallError(
        `no downloaded update to install: the update state is ${this.state.status}; wait until an update is ready`,
      );
    }
    const version = this.state.version;
    this.options.log.info('installing the update at the user\'s request', { version });
    this.installing = true;
    this.options.prepareQuit();
    try {
      updater.quitAndInstall();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.options.log.error('failed to start the update installer', { version, error: message });
      this.stopInstalling();
      this.setState(installFailed(message));
    }
  }

  private stopInstalling(): void {
    if (this.installing) {
      this.installing = false;
      this.options.cancelQuit();
    }
  }

  private apply(event: ReturnType<typeof parseUpdaterEvent>): void {
    const previous = this.state;
    const next = nextUpdateState(previous, event);
    if (next === previous) {
      return;
    }
    if (event.type === 'error') {
      // On macOS, quitAndInstall reports a failed installation later, as an error event.
      this.stopInstalling();
      this.options.log.error('automatic update failed', { state: previous.status, error: event.message });
    } else if (next.status !== previous.status) {
      this.options.log.info('update state changed', { from: previous.status, to: next.status, ...versionOf(next) });
    }
    this.setState(next);
  }

  private setState(state: UpdateState): void {
    this.state = state;
    this.options.publish(state);
  }
}

function versionOf(state: UpdateState): { version?: string } {
  return 'version' in state ? { version: state.version } : {};
}

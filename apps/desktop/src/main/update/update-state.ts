/**
 * The automatic update state machine, shared by the main process (which drives it with
 * electron-updater's events) and the renderer (which validates the states it receives). It
 * imports nothing, so both sides can use it.
 *
 * A check goes from idle to checking, then back to idle when there is no update, or to
 * available. The download then reports progress (downloading) until the update is ready,
 * which lasts until the user installs it. An error in any state leads to the error state, from
 * which the next check starts over.
 */

/** Download progress in bytes, as electron-updater reports it. */
export interface DownloadProgress {
  /** 0 to 100. */
  percent: number;
  transferredBytes: number;
  totalBytes: number;
  bytesPerSecond: number;
}

export type UpdateState =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'available'; version: string }
  | ({ status: 'downloading'; version: string } & DownloadProgress)
  | { status: 'ready'; version: string }
  | { status: 'error'; message: string };

export type UpdateStatus = UpdateState['status'];

export const UPDATE_STATUSES: readonly UpdateStatus[] = ['idle', 'checking', 'available', 'downloading', 'ready', 'error'];

/** One validated event of the updater, named after electron-updater's events. */
export type UpdaterEvent =
  | { type: 'checking-for-update' }
  | { type: 'update-available'; version: string }
  | { type: 'update-not-available' }
  | ({ type: 'download-progress' } & DownloadProgress)
  | { type: 'update-downloaded'; version: string }
  | { type: 'error'; message: string };

export type UpdaterEventType = UpdaterEvent['type'];

export const UPDATER_EVENT_TYPES: readonly UpdaterEventType[] = [
  'checking-for-update',
  'update-available',
  'update-not-available',
  'download-progress',
  'update-downloaded',
  'error',
];

export const MAX_VERSION_LENGTH = 64;
export const MAX_ERROR_MESSAGE_LENGTH = 500;

/** Semantic version such as "1.4.0" or "1.5.0-beta.2", as written in latest.yml. */
const VERSION_PATTERN = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/** Rejected payload of an updater event or of an `updateState` message. */
export class UpdateEventError extends Error {
  override readonly name = 'UpdateEventError';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function parseVersion(value: unknown, subject: string): string {
  if (typeof value !== 'string' || value.length > MAX_VERSION_LENGTH || !VERSION_PATTERN.test(value)) {
    throw new UpdateEventError(`invalid ${subject} version ${describe(value)}: expected a semantic version such as "1.4.0"`);
  }
  return value;
}

function parseByteCount(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new UpdateEventError(`invalid download progress ${field} ${describe(value)}: expected a number of bytes, 0 or more`);
  }
  return value;
}

/** Validates electron-updater's ProgressInfo (`percent`, `transferred`, `total`, `bytesPerSecond`). */
function parseProgress(value: unknown, names: { transferred: string; total: string }): DownloadProgress {
  if (!isRecord(value)) {
    throw new UpdateEventError(`invalid download progress ${describe(value)}: expected an object`);
  }
  const percent = value['percent'];
  if (typeof percent !== 'number' || !Number.isFinite(percent) || percent < 0 || percent > 100) {
    throw new UpdateEventError(`invalid download progress percent ${describe(percent)}: expected a number from 0 to 100`);
  }
  const transferredBytes = parseByteCount(value[names.transferred], names.transferred);
  const totalBytes = parseByteCount(value[names.total], names.total);
  const bytesPerSecond = parseByteCount(value['bytesPerSecond'], 'bytesPerSecond');
  if (transferredBytes > totalBytes) {
    throw new UpdateEventError(
      `invalid download progress: ${transferredBytes} bytes transferred is more than the total of ${totalBytes} bytes`,
    );
  }
  return { percent, transferredBytes, totalBytes, bytesPerSecond };
}

/** Cuts an error message to MAX_ERROR_MESSAGE_LENGTH characters and keeps only its first line. */
function shortMessage(text: string): string {
  const firstLine = text.split('\n', 1)[0]?.trim() ?? '';
  const line = firstLine === '' ? 'unknown error' : firstLine;
  return line.length > MAX_ERROR_MESSAGE_LENGTH ? `${line.slice(0, MAX_ERROR_MESSAGE_LENGTH - 1)}…` : line;
}

/**
 * Validates one event of electron-updater's `autoUpdater`: its name and its first argument
 * (UpdateInfo, ProgressInfo or Error). Throws UpdateEventError for an unknown name or a
 * malformed payload.
 */
export function parseUpdaterEvent(type: string, payload: unknown): UpdaterEvent {
  switch (type) {
    case 'checking-for-update':
      return { type };
    case 'update-not-available':
      return { type };
    case 'update-available':
    case 'update-downloaded': {
      if (!isRecord(payload)) {
        throw new UpdateEventError(`invalid ${type} payload ${describe(payload)}: expected an UpdateInfo object`);
      }
      return { type, version: parseVersion(payload['version'], type) };
    }
    case 'download-progress':
      return { type, ...parseProgress(payload, { transferred: 'transferred', total: 'total' }) };
    case 'error': {
      let message = describe(payload);
      if (payload instanceof Error) {
        message = payload.message;
      } else if (typeof payload === 'string') {
        message = payload;
      }
      return { type, message: shortMessage(message) };
    }
    default:
      throw new UpdateEventError(`unknown updater event ${describe(type)}: expected one of ${UPDATER_EVENT_TYPES.join(', ')}`);
  }
}

/**
 * Returns the state after `event`, or `state` itself when the event does not apply there.
 * A downloaded update stays ready until it is installed: only a newer download or an error,
 * which while ready comes from the installation, leaves that state.
 */
export function nextUpdateState(state: UpdateState, event: UpdaterEvent): UpdateState {
  if (state.status === 'ready' && event.type !== 'update-downloaded' && event.type !== 'error') {
    return state;
  }
  switch (event.type) {
    case 'checking-for-update':
      // A check while a download runs comes from the periodic timer and changes nothing.
      return state.status === 'downloading' || state.status === 'available' ? state : { status: 'checking' };
    case 'update-not-available':
      return state.status === 'checking' ? { status: 'idle' } : state;
    case 'update-available':
      return { status: 'available', version: event.version };
    case 'download-progress': {
      if (state.status !== 'available' && state.status !== 'downloading') {
        return state;
      }
      const { percent, transferredBytes, totalBytes, bytesPerSecond } = event;
      return { status: 'downloading', version: state.version, percent, transferredBytes, totalBytes, bytesPerSecond };
    }
    case 'update-downloaded':
      return { status: 'ready', version: event.version };
    case 'error':
      return { status: 'error', message: event.message };
  }
}

/** Returns the error state that follows a failed installation, from which the next check starts over. */
export function installFailed(message: string): UpdateState {
  return { status: 'error', message: shortMessage(message) };
}

/** Returns whether a check may start, which it may not while one runs, a download runs or an update waits. */
export function canStartCheck(state: UpdateState): boolean {
  return state.status === 'idle' || state.status === 'error';
}

/**
 * Validates an `updateState` message received over IPC. Returns null for anything that is not
 * a state this module produces.
 */
export function parseUpdateState(value: unknown): UpdateState | null {
  if (!isRecord(value)) {
    return null;
  }
  try {
    switch (value['status']) {
      case 'idle':
        return { status: 'idle' };
      case 'checking':
        return { status: 'checking' };
      case 'available':
        return { status: 'available', version: parseVersion(value['version'], 'available') };
      case 'ready':
        return { status: 'ready', version: parseVersion(value['version'], 'ready') };
      case 'downloading':
        return {
          status: 'downloading',
          version: parseVersion(value['version'], 'downloading'),
          ...parseProgress(value, { transferred: 'transferredBytes', total: 'totalBytes' }),
        };
      case 'error':
        return typeof value['message'] === 'string' ? { status: 'error', message: shortMessage(value['message']) } : null;
      default:
        return null;
    }
  } catch (error) {
    if (error instanceof UpdateEventError) {
      return null;
    }
    throw error;
  }
}

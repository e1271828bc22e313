import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from '../notifications/logger';
import { displayKey, MAX_SAVED_DISPLAYS, type Rectangle, type SavedDisplayState, type SavedWindowState } from './geometry';

const FILE_VERSION = 1;

/** Coordinates and sizes beyond this are not from a real screen (DIP; 8K is 7680 wide). */
const MAX_COORDINATE = 100_000;
const MAX_KEY_LENGTH = 200;

function isInteger(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;
}

function parseRectangle(value: unknown): Rectangle | null {
  if (typeof value !== 'object' || value === null) {
    return null;
  }
  const x: unknown = Reflect.get(value, 'x');
  const y: unknown = Reflect.get(value, 'y');
  const width: unknown = Reflect.get(value, 'width');
  const height: unknown = Reflect.get(value, 'height');
  if (
    !isInteger(x, -MAX_COORDINATE, MAX_COORDINATE) ||
    !isInteger(y, -MAX_COORDINATE, MAX_COORDINATE) ||
    !isInteger(width, 1, MAX_COORDINATE) ||
    !isInteger(height, 1, MAX_COORDINATE)
  ) {
    return null;
  }
  return { x, y, width, height };
}

function parseDisplayState(value: unknown): SavedDisplayState | null {
  if (typeof value !== 'object' || value === null) {
    return null;
  }
  const display: unknown = Reflect.get(value, 'display');
  const window = parseRectangle(Reflect.get(value, 'window'));
  const maximized: unknown = Reflect.get(value, 'maximized');
  const savedAt: unknown = Reflect.get(value, 'savedAt');
  if (typeof display !== 'object' || display === null || window === null || typeof maximized !== 'boolean') {
    return null;
  }
  const id: unknown = Reflect.get(display, 'id');
  const bounds = parseRectangle(Reflect.get(display, 'bounds'));
  if (!isInteger(id, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER) || bounds === null) {
    return null;
  }
  if (typeof savedAt !== 'string' || savedAt.length > 40 || Number.isNaN(Date.parse(savedAt))) {
    return null;
  }
  return { display: { id, bounds }, window, maximized, savedAt: new Date(savedAt).toISOString() };
}

/**
 * Validates the parsed content of the window-state file. Returns the usable state and how many
 * display entries were dropped, or a reason when nothing is usable.
 */
export function parseWindowStateFile(
  parsed: unknown,
): { ok: true; state: SavedWindowState; dropped: number } | { ok: false; reason: string } {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, reason: 'expected a JSON object' };
  }
  const version: unknown = Reflect.get(parsed, 'version');
  if (version !== FILE_VERSION) {
    return { ok: false, reason: `unsupported version ${JSON.stringify(version)}, expected ${FILE_VERSION}` };
  }
  const lastDisplayKey: unknown = Reflect.get(parsed, 'lastDisplayKey');
  const displays: unknown = Reflect.get(parsed, 'displays');
  if (typeof lastDisplayKey !== 'string' || lastDisplayKey.length > MAX_KEY_LENGTH) {
    return { ok: false, reason: '"lastDisplayKey" is missing or not a string' };
  }
  if (typeof displays !== 'object' || displays === null || Array.isArray(displays)) {
    return { ok: false, reason: '"displays" is missing or not an object' };
  }

  const entries: Array<[string, SavedDisplayState]> = [];
  let dropped = 0;
  for (const [key, value] of Object.entries(displays)) {
    const state = parseDisplayState(value);
    // The key must match the display it describes, so a hand-edited entry cannot claim another display.
    if (state === null || key !== displayKey(state.display)) {
      dropped++;
      continue;
    }
    entries.push([key, state]);
  }
  entries.sort(([, a], [, b]) => b.savedAt.localeCompare(a.savedAt));
  dropped += Math.max(entries.length - MAX_SAVED_DISPLAYS, 0);
  const newest = entries.slice(0, MAX_SAVED_DISPLAYS);
  if (newest.length === 0) {
    return { ok: false, reason: 'no valid display entry' };
  }
  return { ok: true, state: { lastDisplayKey, displays: Object.fromEntries(newest) }, dropped };
}

/**
 * The window-state file in the user-data folder. Reading never throws: a missing file means
 * no saved state, and an unreadable, corrupt or hand-edited one is logged and ignored, so the
 * window opens with the defaults. The next save replaces it.
 */
export class WindowStateStore {
  constructor(
    private readonly filePath: string,
    private readonly log: Logger,
  ) {}

  load(): SavedWindowState | null {
    let text: string;
    try {
      text = readFileSync(this.filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        this.log.warn('window-state file unreadable, using the default window position', {
          file: this.filePath,
          error: String(error),
        });
      }
      return null;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      this.log.warn('window-state file is not valid JSON, using the default window position', {
        file: this.filePath,
        error: String(error),
      });
      return null;
    }
    const result = parseWindowStateFile(parsed);
    if (!result.ok) {
      this.log.warn('window-state file is invalid, using the default window position', {
        file: this.filePath,
        reason: result.reason,
      });
      return null;
    }
    if (result.dropped > 0) {
      this.log.warn('dropped invalid entries from the window-state file', { file: this.filePath, dropped: result.dropped });
    }
    return result.state;
  }

  /** Writes a temporary file and renames it over the old one, so a crash never leaves half a file. Failures are logged. */
  save(state: SavedWindowState): void {
    const temporaryPath = `${this.filePath}.${process.pid}.tmp`;
    try {
      mkdirSync(dirname(this.filePath), { recursive: true });
      writeFileSync(temporaryPath, JSON.stringify({ version: FILE_VERSION, ...state }, null, 2), 'utf8');
      renameSync(temporaryPath, this.filePath);
    } catch (error) {
      this.log.error('failed to write the window-state file', { file: this.filePath, error: String(error) });
    }
  }
}

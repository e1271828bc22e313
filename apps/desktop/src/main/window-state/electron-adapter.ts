import { join } from 'node:path';
import { type BrowserWindow, screen } from 'electron';
import type { Logger } from '../notifications/logger';
import { createDebouncer } from './debounce';
import {
  DEFAULT_WINDOW_SIZE,
  MINIMUM_WINDOW_SIZE,
  placeWindow,
  withDisplayState,
  type DisplayInfo,
  type SavedWindowState,
  type WindowPlacement,
} from './geometry';
import { WindowStateStore } from './store';

/** Delay after the last move or resize before the state is written. */
const SAVE_DELAY_MS = 500;

function currentDisplays(): DisplayInfo[] {
  return screen.getAllDisplays().map((display) => ({ id: display.id, bounds: display.bounds, workArea: display.workArea }));
}

export function windowStateStore(userDataDir: string, log: Logger): WindowStateStore {
  return new WindowStateStore(join(userDataDir, 'window-state.json'), log);
}

/** Decides where the main window opens from the saved state and the displays attached now. Call after `ready`. */
export function initialWindowPlacement(saved: SavedWindowState | null, log: Logger): WindowPlacement {
  const placement = placeWindow({
    saved,
    displays: currentDisplays(),
    primaryDisplayId: screen.getPrimaryDisplay().id,
    defaultSize: DEFAULT_WINDOW_SIZE,
    minimumSize: MINIMUM_WINDOW_SIZE,
  });
  log.info('placing the main window', { ...placement.bounds, maximized: placement.maximized, reason: placement.reason });
  return placement;
}

/**
 * Saves the window's normal bounds and maximised state, keyed by the display it is on, 500 ms
 * after the last move, resize, maximise or restore, and at once when the window closes or hides.
 * Returns a function that writes a pending save now, for `before-quit`.
 */
export function trackWindowState(window: BrowserWindow, store: WindowStateStore, loaded: SavedWindowState | null): () => void {
  let saved = loaded;
  const save = (): void => {
    if (window.isDestroyed() || window.isMinimized() || window.isFullScreen()) {
      return;
    }
    const bounds = window.getNormalBounds();
    const display = screen.getDisplayMatching(bounds);
    saved = withDisplayState(saved, display, bounds, window.isMaximized(), new Date().toISOString());
    store.save(saved);
  };
  const debouncer = createDebouncer(save, SAVE_DELAY_MS);
  const schedule = (): void => debouncer.schedule();
  window.on('move', schedule);
  window.on('resize', schedule);
  window.on('maximize', schedule);
  window.on('unmaximize', schedule);
  window.on('close', () => {
    debouncer.cancel();
    save();
  });
  window.on('closed', () => debouncer.cancel());
  return () => debouncer.flush();
}

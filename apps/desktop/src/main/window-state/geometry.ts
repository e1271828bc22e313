/**
 * Geometry of the main window's restored position, per display. Coordinates are Electron's
 * screen coordinates in device-independent pixels: the primary display starts at (0, 0) and a
 * display left of or above it has negative coordinates. No Electron import, so every case runs
 * in unit tests.
 */

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

/** The part of Electron's `Display` that the geometry uses. */
export interface DisplayInfo {
  id: number;
  bounds: Rectangle;
  /** Bounds minus the taskbar, dock and menu bar. */
  workArea: Rectangle;
}

/** The window's normal (not maximised) bounds on one display, as saved. */
export interface SavedDisplayState {
  /** The display the window was on, as it was when saved. */
  display: { id: number; bounds: Rectangle };
  /** Normal bounds, also when the window was maximised, so un-maximising returns to them. */
  window: Rectangle;
  maximized: boolean;
  /** ISO 8601 time of the save, used to pick the most recent state of a display still attached. */
  savedAt: string;
}

export interface SavedWindowState {
  /** Key of the display the window was on last (see {@link displayKey}). */
  lastDisplayKey: string;
  displays: Record<string, SavedDisplayState>;
}

/** The window's opening bounds and maximised state. */
export interface WindowPlacement {
  bounds: Rectangle;
  maximized: boolean;
  /** Rule that chose this placement, for the log. */
  reason: 'default' | 'restored' | 'restored-other-display' | 'moved-on-screen';
}

export const DEFAULT_WINDOW_SIZE: Size = { width: 1360, height: 860 };
/** The main window's `minWidth` and `minHeight`. */
export const MINIMUM_WINDOW_SIZE: Size = { width: 960, height: 600 };

/** Part of the window's area that must lie on some work area for saved bounds to be used. */
export const MIN_VISIBLE_AREA_FRACTION = 0.5;
/** Height of the strip at the window's top that stands for the title bar. */
export const TITLE_BAR_HEIGHT = 32;
/** Width of the title bar strip that must lie on one work area, so the user can grab it. */
export const MIN_TITLE_BAR_VISIBLE_WIDTH = 120;

/**
 * Key of a display: its id plus its bounds. A display whose resolution or arrangement changed
 * gets a new key, because bounds saved for the old layout may no longer fit it.
 */
export function displayKey(display: { id: number; bounds: Rectangle }): string {
  const { x, y, width, height } = display.bounds;
  return `${display.id}@${x},${y},${width}x${height}`;
}

export function intersection(a: Rectangle, b: Rectangle): Rectangle | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  if (right <= x || bottom <= y) {
    return null;
  }
  return { x, y, width: right - x, height: bottom - y };
}

function area(rectangle: Rectangle | null): number {
  return rectangle === null ? 0 : rectangle.width * rectangle.height;
}

/**
 * Reports whether `bounds` is visible enough to be restored as saved: at least half of its area
 * lies on the work areas (which never overlap), and a 120 px wide piece of its title bar lies on
 * one work area.
 */
export function isVisibleEnough(bounds: Rectangle, displays: readonly DisplayInfo[]): boolean {
  const windowArea = area(bounds);
  if (windowArea <= 0) {
    return false;
  }
  const visibleArea = displays.reduce((sum, display) => sum + area(intersection(bounds, display.workArea)), 0);
  if (visibleArea < windowArea * MIN_VISIBLE_AREA_FRACTION) {
    return false;
  }
  const titleBar = { x: bounds.x, y: bounds.y, width: bounds.width, height: Math.min(TITLE_BAR_HEIGHT, bounds.height) };
  return displays.some((display) => (intersection(titleBar, display.workArea)?.width ?? 0) >= MIN_TITLE_BAR_VISIBLE_WIDTH);
}

/**
 * Clamps a size to `[minimum, workArea]` in each dimension. When the work area is smaller than
 * the minimum, the work area wins, so the window still fits on the screen.
 */
export function clampSize(size: Size, minimum: Size, workArea: Rectangle): Size {
  const clamp = (value: number, min: number, max: number): number => Math.round(Math.max(Math.min(value, max), Math.min(min, max)));
  return {
    width: clamp(size.width, minimum.width, workArea.width),
    height: clamp(size.height, minimum.height, workArea.height),
  };
}

/** Centres a size on a work area. */
export function centreOn(size: Size, workArea: Rectangle): Rectangle {
  return {
    x: Math.round(workArea.x + (workArea.width - size.width) / 2),
    y: Math.round(workArea.y + (workArea.height - size.height) / 2),
    width: size.width,
    height: size.height,
  };
}

/** Finds the display whose work area contains most of `bounds`; undefined when none overlaps it. */
export function displayContaining(bounds: Rectangle, displays: readonly DisplayInfo[]): DisplayInfo | undefined {
  let best: DisplayInfo | undefined;
  let bestArea = 0;
  for (const display of displays) {
    const overlap = area(intersection(bounds, display.workArea));
    if (overlap > bestArea) {
      best = display;
      bestArea = overlap;
    }
  }
  return best;
}

export interface PlacementInput {
  saved: SavedWindowState | null;
  displays: readonly DisplayInfo[];
  primaryDisplayId: number;
  defaultSize: Size;
  minimumSize: Size;
}

function savedStateToUse(
  saved: SavedWindowState,
  displays: readonly DisplayInfo[],
): { state: SavedDisplayState; lastDisplay: boolean } | null {
  const presentKeys = new Set(displays.map(displayKey));
  const last = saved.displays[saved.lastDisplayKey];
  if (last !== undefined && presentKeys.has(saved.lastDisplayKey)) {
    return { state: last, lastDisplay: true };
  }
  // The same display with another resolution: its saved bounds are checked for visibility below.
  if (last !== undefined && displays.some((display) => display.id === last.display.id)) {
    return { state: last, lastDisplay: true };
  }
  // The last display is gone, such as a monitor left at the office: use the newest state saved
  // on a display that is still attached.
  const candidates = Object.entries(saved.displays)
    .filter(([key]) => presentKeys.has(key))
    .map(([, state]) => state)
    .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  const newest = candidates[0];
  if (newest !== undefined) {
    return { state: newest, lastDisplay: false };
  }
  return last === undefined ? null : { state: last, lastDisplay: true };
}

/**
 * Decides where the window opens. Saved bounds are used when they are visible enough on the
 * current displays, with their size clamped to the work area of the display they are on.
 * Otherwise the window gets the saved (or default) size clamped to the primary display's work
 * area, centred on it. The maximised flag is kept in every case, so a window maximised on a
 * display that is gone opens maximised on the primary display.
 */
export function placeWindow(input: PlacementInput): WindowPlacement {
  const primary = input.displays.find((display) => display.id === input.primaryDisplayId) ?? input.displays[0];
  if (primary === undefined) {
    // Electron always reports at least one display; this keeps the function total.
    return { bounds: { x: 0, y: 0, ...input.defaultSize }, maximized: false, reason: 'default' };
  }
  const chosen = input.saved === null ? null : savedStateToUse(input.saved, input.displays);
  if (chosen === null) {
    const size = clampSize(input.defaultSize, input.minimumSize, primary.workArea);
    return { bounds: centreOn(size, primary.workArea), maximized: false, reason: 'default' };
  }

  const saved = chosen.state.window;
  const target = displayContaining(saved, input.displays);
  if (target !== undefined && isVisibleEnough(saved, input.displays)) {
    const size = clampSize(saved, input.minimumSize, target.workArea);
    return {
      bounds: { x: Math.round(saved.x), y: Math.round(saved.y), ...size },
      maximized: chosen.state.maximized,
      reason: chosen.lastDisplay ? 'restored' : 'restored-other-display',
    };
  }
  const size = clampSize(saved, input.minimumSize, primary.workArea);
  return { bounds: centreOn(size, primary.workArea), maximized: chosen.state.maximized, reason: 'moved-on-screen' };
}

/** Maximum number of displays whose state is kept; the oldest states are dropped first. */
export const MAX_SAVED_DISPLAYS = 8;

/** Records the window's state on `display` as the latest, keeping at most {@link MAX_SAVED_DISPLAYS} displays. */
export function withDisplayState(
  saved: SavedWindowState | null,
  display: { id: number; bounds: Rectangle },
  window: Rectangle,
  maximized: boolean,
  savedAt: string,
): SavedWindowState {
  const key = displayKey(display);
  const others = Object.entries(saved?.displays ?? {})
    .filter(([otherKey]) => otherKey !== key)
    .sort(([, a], [, b]) => b.savedAt.localeCompare(a.savedAt))
    .slice(0, MAX_SAVED_DISPLAYS - 1);
  const current: SavedDisplayState = {
    display: { id: display.id, bounds: { ...display.bounds } },
    window: { ...window },
    maximized,
    savedAt,
  };
  return { lastDisplayKey: key, displays: Object.fromEntries([[key, current], ...others]) };
}

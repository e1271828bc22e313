import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDebouncer } from '../src/main/window-state/debounce';
import {
  clampSize,
  DEFAULT_WINDOW_SIZE,
  displayKey,
  isVisibleEnough,
  MAX_SAVED_DISPLAYS,
  MINIMUM_WINDOW_SIZE,
  placeWindow,
  withDisplayState,
  type DisplayInfo,
  type PlacementInput,
  type SavedWindowState,
  type WindowPlacement,
} from '../src/main/window-state/geometry';
import { parseWindowStateFile, WindowStateStore } from '../src/main/window-state/store';
import { recordingLogger } from './recording-logger';

/** A 1920x1080 primary display with a 40 px taskbar at the bottom. */
const primary: DisplayInfo = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
};
/** A 2560x1440 display to the left of the primary one, so its coordinates are negative. */
const leftSecondary: DisplayInfo = {
  id: 2,
  bounds: { x: -2560, y: -360, width: 2560, height: 1440 },
  workArea: { x: -2560, y: -360, width: 2560, height: 1440 },
};
/** The primary display after its resolution dropped to 1280x720. */
const shrunkPrimary: DisplayInfo = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1280, height: 720 },
  workArea: { x: 0, y: 0, width: 1280, height: 680 },
};
/** A small laptop screen whose work area is below the window's minimum size. */
const tinyPrimary: DisplayInfo = {
  id: 5,
  bounds: { x: 0, y: 0, width: 800, height: 600 },
  workArea: { x: 0, y: 0, width: 800, height: 570 },
};

function savedOn(display: DisplayInfo, window: { x: number; y: number; width: number; height: number }, maximized = false): SavedWindowState {
  return withDisplayState(null, display, window, maximized, '2026-03-10T12:00:00.000Z');
}

function place(saved: SavedWindowState | null, displays: DisplayInfo[], primaryDisplayId = displays[0]?.id ?? 1): WindowPlacement {
  const input: PlacementInput = {
    saved,
    displays,
    primaryDisplayId,
    defaultSize: DEFAULT_WINDOW_SIZE,
    minimumSize: MINIMUM_WINDOW_SIZE,
  };
  return placeWindow(input);
}

describe('placeWindow', () => {
  const cases: Array<{ name: string; saved: SavedWindowState | null; displays: DisplayInfo[]; primaryId?: number; expected: WindowPlacement }> = [
    {
      name: 'no saved state: default size centred on the primary work area',
      saved: null,
      displays: [primary, leftSecondary],
      expected: { bounds: { x: 280, y: 90, width: 1360, height: 860 }, maximized: false, reason: 'default' },
    },
    {
      name: 'saved on the primary display: restored as saved',
      saved: savedOn(primary, { x: 100, y: 50, width: 1200, height: 800 }),
      displays: [primary, leftSecondary],
      expected: { bounds: { x: 100, y: 50, width: 1200, height: 800 }, maximized: false, reason: 'restored' },
    },
    {
      name: 'saved on a display left of the primary: negative coordinates restored',
      saved: savedOn(leftSecondary, { x: -2400, y: -200, width: 1600, height: 1000 }),
      displays: [primary, leftSecondary],
      expected: { bounds: { x: -2400, y: -200, width: 1600, height: 1000 }, maximized: false, reason: 'restored' },
    },
    {
      name: 'maximised on the secondary display: normal bounds there, maximised',
      saved: savedOn(leftSecondary, { x: -2000, y: 0, width: 1360, height: 860 }, true),
      displays: [primary, leftSecondary],
      expected: { bounds: { x: -2000, y: 0, width: 1360, height: 860 }, maximized: true, reason: 'restored' },
    },
    {
      name: 'secondary display removed: centred on the primary, size kept',
      saved: savedOn(leftSecondary, { x: -2400, y: -200, width: 1600, height: 1000 }),
      displays: [primary],
      expected: { bounds: { x: 160, y: 20, width: 1600, height: 1000 }, maximized: false, reason: 'moved-on-screen' },
    },
    {
      name: 'maximised on a removed display: maximised on the primary',
      saved: savedOn(leftSecondary, { x: -2000, y: 0, width: 1360, height: 860 }, true),
      displays: [primary],
      expected: { bounds: { x: 280, y: 90, width: 1360, height: 860 }, maximized: true, reason: 'moved-on-screen' },
    },
    {
      name: 'resolution shrunk: size clamped to the work area and centred',
      saved: savedOn(primary, { x: 500, y: 200, width: 1360, height: 860 }),
      displays: [shrunkPrimary],
      expected: { bounds: { x: 0, y: 0, width: 1280, height: 680 }, maximized: false, reason: 'moved-on-screen' },
    },
    {
      name: 'resolution shrunk but still visible enough: kept in place, size clamped',
      saved: savedOn(primary, { x: 0, y: 0, width: 1200, height: 700 }),
      displays: [shrunkPrimary],
      expected: { bounds: { x: 0, y: 0, width: 1200, height: 680 }, maximized: false, reason: 'restored' },
    },
    {
      name: 'tiny saved size: raised to the minimum',
      saved: savedOn(primary, { x: 100, y: 100, width: 200, height: 100 }),
      displays: [primary],
      expected: { bounds: { x: 100, y: 100, width: 960, height: 600 }, maximized: false, reason: 'restored' },
    },
    {
      name: 'huge saved size: centred and clamped to the work area',
      saved: savedOn(primary, { x: -50, y: -50, width: 20000, height: 15000 }),
      displays: [primary],
      expected: { bounds: { x: 0, y: 0, width: 1920, height: 1040 }, maximized: false, reason: 'moved-on-screen' },
    },
    {
      name: 'work area below the minimum size: the work area wins',
      saved: null,
      displays: [tinyPrimary],
      expected: { bounds: { x: 0, y: 0, width: 800, height: 570 }, maximized: false, reason: 'default' },
    },
    {
      name: 'title bar above every work area: moved on screen',
      saved: savedOn(primary, { x: 200, y: -100, width: 1200, height: 900 }),
      displays: [primary],
      expected: { bounds: { x: 360, y: 70, width: 1200, height: 900 }, maximized: false, reason: 'moved-on-screen' },
    },
    {
      name: 'window mostly off the right edge: moved on screen',
      saved: savedOn(primary, { x: 1700, y: 100, width: 1200, height: 800 }),
      displays: [primary],
      expected: { bounds: { x: 360, y: 120, width: 1200, height: 800 }, maximized: false, reason: 'moved-on-screen' },
    },
    {
      name: 'primary display is not the first reported one',
      saved: null,
      displays: [leftSecondary, primary],
      primaryId: 1,
      expected: { bounds: { x: 280, y: 90, width: 1360, height: 860 }, maximized: false, reason: 'default' },
    },
  ];

  for (const testCase of cases) {
    it(testCase.name, () => {
      expect(place(testCase.saved, testCase.displays, testCase.primaryId)).toEqual(testCase.expected);
    });
  }

  it('falls back to another attached display', () => {
    let saved = withDisplayState(null, primary, { x: 100, y: 100, width: 1000, height: 700 }, false, '2026-03-09T08:00:00.000Z');
    saved = withDisplayState(saved, leftSecondary, { x: -2000, y: 0, width: 1600, height: 1000 }, true, '2026-03-10T18:00:00.000Z');
    expect(place(saved, [primary])).toEqual({
      bounds: { x: 100, y: 100, width: 1000, height: 700 },
      maximized: false,
      reason: 'restored-other-display',
    });
  });

  it('restores on the last display when several are attached', () => {
    let saved = withDisplayState(null, primary, { x: 100, y: 100, width: 1000, height: 700 }, false, '2026-03-09T08:00:00.000Z');
    saved = withDisplayState(saved, leftSecondary, { x: -2000, y: 0, width: 1600, height: 1000 }, true, '2026-03-10T18:00:00.000Z');
    const placement = place(saved, [primary, leftSecondary]);
    expect(placement.bounds).toEqual({ x: -2000, y: 0, width: 1600, height: 1000 });
    expect(placement.maximized).toBe(true);
    expect(placement.reason).toBe('restored');
  });
});

describe('window geometry helpers', () => {
  it('keys a display by id and bounds', () => {
    expect(displayKey(leftSecondary)).toBe('2@-2560,-360,2560x1440');
    expect(displayKey(shrunkPrimary)).not.toBe(displayKey(primary));
  });

  it('requires half the area and a reachable title bar', () => {
    expect(isVisibleEnough({ x: 0, y: 0, width: 1000, height: 700 }, [primary])).toBe(true);
    expect(isVisibleEnough({ x: 1500, y: 0, width: 1000, height: 700 }, [primary])).toBe(false);
    expect(isVisibleEnough({ x: 0, y: -40, width: 1000, height: 700 }, [primary])).toBe(false);
    expect(isVisibleEnough({ x: 0, y: 0, width: 0, height: 700 }, [primary])).toBe(false);
  });

  it('counts a window spanning two displays', () => {
    expect(isVisibleEnough({ x: -600, y: 100, width: 1200, height: 800 }, [primary, leftSecondary])).toBe(true);
    expect(isVisibleEnough({ x: -600, y: 100, width: 1200, height: 800 }, [primary])).toBe(true);
    expect(isVisibleEnough({ x: -1000, y: 100, width: 1200, height: 800 }, [primary])).toBe(false);
  });

  it('clamps sizes between the minimum and the work area', () => {
    expect(clampSize({ width: 10, height: 10 }, MINIMUM_WINDOW_SIZE, primary.workArea)).toEqual({ width: 960, height: 600 });
    expect(clampSize({ width: 5000, height: 5000 }, MINIMUM_WINDOW_SIZE, primary.workArea)).toEqual({ width: 1920, height: 1040 });
    expect(clampSize({ width: 1000.6, height: 700.2 }, MINIMUM_WINDOW_SIZE, primary.workArea)).toEqual({ width: 1001, height: 700 });
  });

  it('keeps a bounded number of displays, newest first', () => {
    let saved: SavedWindowState | null = null;
    for (let index = 0; index < MAX_SAVED_DISPLAYS + 3; index++) {
      const display = { id: 100 + index, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
      saved = withDisplayState(saved, display, { x: 0, y: 0, width: 1000, height: 700 }, false, `2026-03-10T12:00:${String(index).padStart(2, '0')}.000Z`);
    }
    expect(Object.keys(saved?.displays ?? {})).toHaveLength(MAX_SAVED_DISPLAYS);
    expect(saved?.lastDisplayKey).toBe('110@0,0,1920x1080');
    expect(saved?.displays['100@0,0,1920x1080']).toBeUndefined();
  });

  it('keeps the current display even with equal save times', () => {
    let saved: SavedWindowState | null = null;
    for (let index = 0; index < MAX_SAVED_DISPLAYS + 1; index++) {
      const display = { id: index, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
      saved = withDisplayState(saved, display, { x: 0, y: 0, width: 1000, height: 700 }, false, '2026-03-10T12:00:00.000Z');
    }
    expect(saved?.displays[saved.lastDisplayKey]).toBeDefined();
  });
});

describe('WindowStateStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lastro-window-state-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('returns null without a file and logs nothing', () => {
    const log = recordingLogger();
    expect(new WindowStateStore(join(dir, 'window-state.json'), log).load()).toBeNull();
    expect(log.entries).toEqual([]);
  });

  it('round-trips a saved state', () => {
    const log = recordingLogger();
    const file = join(dir, 'nested', 'window-state.json');
    const store = new WindowStateStore(file, log);
    const state = withDisplayState(
      savedOn(primary, { x: 100, y: 50, width: 1200, height: 800 }),
      leftSecondary,
      { x: -2400, y: -200, width: 1600, height: 1000 },
      true,
      '2026-03-10T13:00:00.000Z',
    );
    store.save(state);
    expect(new WindowStateStore(file, log).load()).toEqual(state);
    expect(readdirSync(join(dir, 'nested'))).toEqual(['window-state.json']);
    expect(log.entries).toEqual([]);
  });

  const corrupt: Array<[string, string, RegExp]> = [
    ['truncated JSON', '{"version":1,"lastDisplayKey":', /not valid JSON/],
    ['an array', '[]', /invalid/],
    ['another version', JSON.stringify({ version: 2, lastDisplayKey: 'a', displays: {} }), /invalid/],
    ['no displays', JSON.stringify({ version: 1, lastDisplayKey: 'a', displays: {} }), /invalid/],
    ['a string for displays', JSON.stringify({ version: 1, lastDisplayKey: 'a', displays: 'x' }), /invalid/],
  ];
  for (const [name, content, message] of corrupt) {
    it(`falls back on ${name}`, () => {
      const log = recordingLogger();
      const file = join(dir, 'window-state.json');
      writeFileSync(file, content);
      expect(new WindowStateStore(file, log).load()).toBeNull();
      expect(log.entries).toHaveLength(1);
      expect(log.entries[0]?.level).toBe('warn');
      expect(log.entries[0]?.message).toMatch(message);
      expect(readFileSync(file, 'utf8')).toBe(content);
    });
  }

  it('drops hand-edited entries and keeps valid ones', () => {
    const log = recordingLogger();
    const file = join(dir, 'window-state.json');
    const valid = savedOn(primary, { x: 100, y: 50, width: 1200, height: 800 });
    const key = valid.lastDisplayKey;
    const content = {
      version: 1,
      lastDisplayKey: key,
      displays: {
        ...valid.displays,
        // The key does not match the display inside.
        '9@0,0,1x1': valid.displays[key],
        '3@0,0,1920x1080': { display: { id: 3, bounds: { x: 0, y: 0, width: 1920, height: 1080 } }, window: { x: 'a' }, maximized: false, savedAt: '2026-03-10T12:00:00.000Z' },
        '4@0,0,1920x1080': { display: { id: 4, bounds: { x: 0, y: 0, width: 1920, height: 1080 } }, window: { x: 0, y: 0, width: -5, height: 10 }, maximized: false, savedAt: '2026-03-10T12:00:00.000Z' },
        '6@0,0,1920x1080': { display: { id: 6, bounds: { x: 0, y: 0, width: 1920, height: 1080 } }, window: { x: 0, y: 0, width: 1e9, height: 10 }, maximized: 'yes', savedAt: 'never' },
      },
    };
    writeFileSync(file, JSON.stringify(content));
    const loaded = new WindowStateStore(file, log).load();
    expect(loaded).toEqual(valid);
    expect(log.entries).toHaveLength(1);
    expect(log.entries[0]?.data?.['dropped']).toBe(4);
  });

  it('validates fractional and out-of-range numbers', () => {
    const state = savedOn(primary, { x: 100, y: 50, width: 1200, height: 800 });
    const entry = state.displays[state.lastDisplayKey];
    const withWindow = (window: unknown) => ({ version: 1, lastDisplayKey: state.lastDisplayKey, displays: { [state.lastDisplayKey]: { ...entry, window } } });
    expect(parseWindowStateFile(withWindow({ x: 1.5, y: 0, width: 1000, height: 700 })).ok).toBe(false);
    expect(parseWindowStateFile(withWindow({ x: 0, y: 0, width: 1000, height: 0 })).ok).toBe(false);
    expect(parseWindowStateFile(withWindow({ x: -200_000, y: 0, width: 1000, height: 700 })).ok).toBe(false);
    expect(parseWindowStateFile(withWindow({ x: 0, y: 0, width: 1000, height: 700 })).ok).toBe(true);
  });

  it('logs a failed write and keeps the old file', () => {
    const log = recordingLogger();
    // A file where the store's folder should be makes the write fail.
    const file = join(dir, 'window-state.json');
    const store = new WindowStateStore(join(file, 'inner.json'), log);
    writeFileSync(file, 'old');
    store.save(savedOn(primary, { x: 0, y: 0, width: 1000, height: 700 }));
    expect(log.entries).toHaveLength(1);
    expect(log.entries[0]?.level).toBe('error');
    expect(readFileSync(file, 'utf8')).toBe('old');
  });
});

describe('createDebouncer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs once after the last call', () => {
    let runs = 0;
    const debouncer = createDebouncer(() => void (runs += 1), 500);
    debouncer.schedule();
    vi.advanceTimersByTime(400);
    debouncer.schedule();
    vi.advanceTimersByTime(400);
    expect(runs).toBe(0);
    vi.advanceTimersByTime(100);
    expect(runs).toBe(1);
    vi.advanceTimersByTime(5000);
    expect(runs).toBe(1);
  });

  it('flushes a scheduled run at once', () => {
    let runs = 0;
    const debouncer = createDebouncer(() => void (runs += 1), 500);
    debouncer.flush();
    expect(runs).toBe(0);
    debouncer.schedule();
    debouncer.flush();
    expect(runs).toBe(1);
    vi.advanceTimersByTime(1000);
    expect(runs).toBe(1);
  });

  it('cancels a scheduled run', () => {
    let runs = 0;
    const debouncer = createDebouncer(() => void (runs += 1), 500);
    debouncer.schedule();
    debouncer.cancel();
    vi.advanceTimersByTime(1000);
    debouncer.flush();
    expect(runs).toBe(0);
  });
});

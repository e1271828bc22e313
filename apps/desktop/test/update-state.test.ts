import { describe, expect, it } from 'vitest';
import {
  canStartCheck,
  nextUpdateState,
  parseUpdaterEvent,
  parseUpdateState,
  UpdateEventError,
  type UpdateState,
  type UpdaterEvent,
} from '../src/main/update/update-state';

const progress = { percent: 40, transferred: 40_000_000, total: 100_000_000, bytesPerSecond: 2_000_000, delta: 500_000 };

describe('parseUpdaterEvent', () => {
  it('reads electron-updater payloads', () => {
    expect(parseUpdaterEvent('checking-for-update', undefined)).toEqual({ type: 'checking-for-update' });
    expect(parseUpdaterEvent('update-not-available', { version: '0.1.0' })).toEqual({ type: 'update-not-available' });
    expect(parseUpdaterEvent('update-available', { version: '0.2.0', files: [], releaseDate: '2026-05-01' })).toEqual({
      type: 'update-available',
      version: '0.2.0',
    });
    expect(parseUpdaterEvent('update-downloaded', { version: '0.2.0-beta.1', downloadedFile: '/tmp/x' })).toEqual({
      type: 'update-downloaded',
      version: '0.2.0-beta.1',
    });
    expect(parseUpdaterEvent('download-progress', progress)).toEqual({
      type: 'download-progress',
      percent: 40,
      transferredBytes: 40_000_000,
      totalBytes: 100_000_000,
      bytesPerSecond: 2_000_000,
    });
  });

  it('keeps the first line of an error', () => {
    const event = parseUpdaterEvent('error', new Error('net::ERR_CONNECTION_REFUSED\n    at stack line'));
    expect(event).toEqual({ type: 'error', message: 'net::ERR_CONNECTION_REFUSED' });
  });

  it('cuts long error messages', () => {
    const event = parseUpdaterEvent('error', 'x'.repeat(2000));
    expect(event.type === 'error' ? event.message.length : 0).toBe(500);
  });

  it.each([
    ['an unknown event', 'update-cancelled', {}, /unknown updater event "update-cancelled"/],
    ['a missing UpdateInfo', 'update-available', null, /invalid update-available payload null/],
    ['a version that is not semantic', 'update-available', { version: 'latest' }, /invalid update-available version "latest"/],
    ['a version with a path', 'update-downloaded', { version: '1.0.0/../../x' }, /invalid update-downloaded version/],
    ['a percent above 100', 'download-progress', { ...progress, percent: 140 }, /percent 140/],
    ['a NaN percent', 'download-progress', { ...progress, percent: Number.NaN }, /percent null/],
    ['a negative total', 'download-progress', { ...progress, total: -1 }, /total -1/],
    ['a string byte count', 'download-progress', { ...progress, transferred: '40' }, /transferred "40"/],
    ['more bytes than the total', 'download-progress', { ...progress, transferred: 200_000_000 }, /more than the total/],
  ])('rejects %s', (_case, type, payload, message) => {
    expect(() => parseUpdaterEvent(type, payload)).toThrow(UpdateEventError);
    expect(() => parseUpdaterEvent(type, payload)).toThrow(message);
  });
});

/** Runs events through the state machine from idle and returns every state it passes. */
function run(events: UpdaterEvent[], start: UpdateState = { status: 'idle' }): UpdateState[] {
  const states: UpdateState[] = [];
  let state = start;
  for (const event of events) {
    state = nextUpdateState(state, event);
    states.push(state);
  }
  return states;
}

const downloading = (percent: number): UpdaterEvent => ({
  type: 'download-progress',
  percent,
  transferredBytes: percent * 1000,
  totalBytes: 100_000,
  bytesPerSecond: 5000,
});

describe('nextUpdateState', () => {
  it('walks from a check to a ready update', () => {
    const states = run([
      { type: 'checking-for-update' },
      { type: 'update-available', version: '0.2.0' },
      downloading(10),
      downloading(90),
      { type: 'update-downloaded', version: '0.2.0' },
    ]);
    expect(states.map((state) => state.status)).toEqual(['checking', 'available', 'downloading', 'downloading', 'ready']);
    expect(states[3]).toEqual({
      status: 'downloading',
      version: '0.2.0',
      percent: 90,
      transferredBytes: 90_000,
      totalBytes: 100_000,
      bytesPerSecond: 5000,
    });
    expect(states[4]).toEqual({ status: 'ready', version: '0.2.0' });
  });

  it('returns to idle without an update', () => {
    expect(run([{ type: 'checking-for-update' }, { type: 'update-not-available' }]).at(-1)).toEqual({ status: 'idle' });
  });

  it('keeps a ready update through later checks', () => {
    const ready: UpdateState = { status: 'ready', version: '0.2.0' };
    const states = run([{ type: 'checking-for-update' }, { type: 'update-available', version: '0.2.0' }, downloading(50), { type: 'update-not-available' }], ready);
    expect(states).toEqual([ready, ready, ready, ready]);
  });

  it('leaves ready for an installation error', () => {
    const states = run([{ type: 'error', message: 'installer exited with code 2' }], { status: 'ready', version: '0.2.0' });
    expect(states).toEqual([{ status: 'error', message: 'installer exited with code 2' }]);
  });

  it('ignores progress without an available update', () => {
    const idle: UpdateState = { status: 'idle' };
    expect(nextUpdateState(idle, downloading(10))).toBe(idle);
  });

  it('ignores a check during a download', () => {
    const [state] = run([downloading(30)], { status: 'available', version: '0.2.0' });
    expect(state).toBeDefined();
    expect(nextUpdateState(state!, { type: 'checking-for-update' })).toBe(state);
  });

  it('moves to error from a download and starts over on the next check', () => {
    const states = run([{ type: 'error', message: 'sha512 checksum mismatch' }, { type: 'checking-for-update' }], {
      status: 'available',
      version: '0.2.0',
    });
    expect(states).toEqual([{ status: 'error', message: 'sha512 checksum mismatch' }, { status: 'checking' }]);
  });
});

describe('canStartCheck', () => {
  it.each([
    [{ status: 'idle' }, true],
    [{ status: 'error', message: 'offline' }, true],
    [{ status: 'checking' }, false],
    [{ status: 'available', version: '0.2.0' }, false],
    [{ status: 'ready', version: '0.2.0' }, false],
  ] satisfies [UpdateState, boolean][])('is %j → %s', (state, expected) => {
    expect(canStartCheck(state)).toBe(expected);
  });
});

describe('parseUpdateState', () => {
  it('accepts every state the machine produces', () => {
    const states: UpdateState[] = [
      { status: 'idle' },
      { status: 'checking' },
      { status: 'available', version: '1.0.0' },
      { status: 'downloading', version: '1.0.0', percent: 12.5, transferredBytes: 125, totalBytes: 1000, bytesPerSecond: 10 },
      { status: 'ready', version: '1.0.0' },
      { status: 'error', message: 'offline' },
    ];
    expect(states.map((state) => parseUpdateState(state))).toEqual(states);
  });

  it.each([
    ['null', null],
    ['an unknown status', { status: 'installing' }],
    ['a ready state without a version', { status: 'ready' }],
    ['progress without bytes', { status: 'downloading', version: '1.0.0', percent: 10 }],
    ['an error without a message', { status: 'error' }],
    ['an array', ['idle']],
  ])('rejects %s', (_case, value) => {
    expect(parseUpdateState(value)).toBeNull();
  });

  it('drops unknown fields', () => {
    expect(parseUpdateState({ status: 'ready', version: '1.0.0', downloadedFile: '/tmp/x' })).toEqual({ status: 'ready', version: '1.0.0' });
  });
});

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_PRESENTED_IDS, PresentedStore } from '../src/main/notifications/presented-store';
import { recordingLogger } from './recording-logger';

let dir = '';
let file = '';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lastro-presented-'));
  file = join(dir, 'presented-notifications.json');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('PresentedStore', () => {
  it('starts empty without a file', () => {
    const log = recordingLogger();
    const store = new PresentedStore({ filePath: file, log });
    expect(store.size).toBe(0);
    expect(store.has('pix:E1')).toBe(false);
    expect(log.entries).toEqual([]);
  });

  it('persists ids across instances', () => {
    const first = new PresentedStore({ filePath: file, log: recordingLogger() });
    first.add('pix:E1');
    first.add('chat:42');

    const second = new PresentedStore({ filePath: file, log: recordingLogger() });
    expect(second.has('pix:E1')).toBe(true);
    expect(second.has('chat:42')).toBe(true);
    expect(second.has('pix:E2')).toBe(false);
  });

  it('writes atomically without leftovers', () => {
    const store = new PresentedStore({ filePath: file, log: recordingLogger() });
    store.add('pix:E1');
    expect(readdirSync(dir)).toEqual(['presented-notifications.json']);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: 1, ids: ['pix:E1'] });
  });

  it('ignores a repeated id', () => {
    const store = new PresentedStore({ filePath: file, log: recordingLogger() });
    store.add('pix:E1');
    store.add('pix:E1');
    expect(store.size).toBe(1);
  });

  it('keeps only the newest ids', () => {
    const store = new PresentedStore({ filePath: file, maxIds: 3, log: recordingLogger() });
    for (const id of ['a', 'b', 'c', 'd']) {
      store.add(id);
    }
    expect(store.size).toBe(3);
    expect(store.has('a')).toBe(false);
    expect(store.has('d')).toBe(true);

    const reopened = new PresentedStore({ filePath: file, maxIds: 2, log: recordingLogger() });
    expect(reopened.size).toBe(2);
    expect(reopened.has('b')).toBe(false);
    expect(reopened.has('c')).toBe(true);
    expect(reopened.has('d')).toBe(true);
  });

  it('bounds the default size to 2,000 ids', () => {
    expect(DEFAULT_MAX_PRESENTED_IDS).toBe(2000);
    const store = new PresentedStore({ filePath: file, log: recordingLogger() });
    for (let i = 0; i < 2005; i += 1) {
      store.add(`pix:E${i}`);
    }
    expect(store.size).toBe(2000);
    expect(store.has('pix:E4')).toBe(false);
    expect(store.has('pix:E5')).toBe(true);
    expect(new PresentedStore({ filePath: file, log: recordingLogger() }).size).toBe(2000);
  });

  it('starts empty on a corrupt file and logs it', () => {
    writeFileSync(file, '{"ids": ["pix:E1", ');
    const log = recordingLogger();
    const store = new PresentedStore({ filePath: file, log });
    expect(store.size).toBe(0);
    expect(log.entries).toHaveLength(1);
    expect(log.entries[0]?.level).toBe('warn');
    expect(log.entries[0]?.message).toMatch(/not valid JSON/);

    store.add('pix:E2');
    expect(new PresentedStore({ filePath: file, log: recordingLogger() }).has('pix:E2')).toBe(true);
  });

  it('rejects a file without an ids array', () => {
    writeFileSync(file, JSON.stringify({ version: 1, ids: 'pix:E1' }));
    const log = recordingLogger();
    expect(new PresentedStore({ filePath: file, log }).size).toBe(0);
    expect(log.entries[0]?.message).toMatch(/no "ids" array/);
  });

  it('drops invalid stored entries', () => {
    writeFileSync(file, JSON.stringify({ version: 1, ids: ['pix:E1', 42, 'has space', 'x'.repeat(65), 'pix:E1'] }));
    const log = recordingLogger();
    const store = new PresentedStore({ filePath: file, log });
    expect(store.size).toBe(1);
    expect(store.has('pix:E1')).toBe(true);
    expect(log.entries[0]?.data).toMatchObject({ dropped: 3 });
  });

  it('logs a failed write and keeps the id', () => {
    const blocked = join(dir, 'not-a-directory');
    writeFileSync(blocked, '');
    const log = recordingLogger();
    const store = new PresentedStore({ filePath: join(blocked, 'presented.json'), log });
    store.add('pix:E1');
    expect(store.has('pix:E1')).toBe(true);
    // The read fails too (ENOTDIR), so the store also logs that it started empty.
    expect(log.entries.map((entry) => entry.level)).toEqual(['warn', 'error']);
    expect(log.entries[1]?.message).toMatch(/failed to write/);
  });

  it('rejects an invalid bound', () => {
    expect(() => new PresentedStore({ filePath: file, maxIds: 0, log: recordingLogger() })).toThrow(/invalid maxIds 0/);
  });
});

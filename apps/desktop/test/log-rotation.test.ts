import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { archivedLogPath, archiveIndex, rotateLogFiles } from '../src/main/logging/rotation';
import { configureLogFile, LOG_ARCHIVES_KEPT, MAX_LOG_FILE_BYTES, type LogFileSettings, type RotatedLogFile } from '../src/main/logging/setup';

describe('log archive names', () => {
  it('numbers archives before the extension', () => {
    expect(archivedLogPath('/logs/main.log', 1)).toBe('/logs/main.1.log');
    expect(archivedLogPath('/logs/main.log', 5)).toBe('/logs/main.5.log');
  });

  it('rejects invalid indexes', () => {
    expect(() => archivedLogPath('/logs/main.log', 0)).toThrow(/invalid log archive index 0/);
    expect(() => archivedLogPath('/logs/main.log', 1.5)).toThrow(/invalid log archive index/);
  });

  it('reads the index back from a file name', () => {
    expect(archiveIndex('/logs/main.log', 'main.3.log')).toBe(3);
    expect(archiveIndex('/logs/main.log', 'main.12.log')).toBe(12);
    expect(archiveIndex('/logs/main.log', 'main.log')).toBeNull();
    expect(archiveIndex('/logs/main.log', 'main.old.log')).toBeNull();
    expect(archiveIndex('/logs/main.log', 'main.0.log')).toBeNull();
    expect(archiveIndex('/logs/main.log', 'renderer.1.log')).toBeNull();
    expect(archiveIndex('/logs/main.log', 'main.1.log.bak')).toBeNull();
  });
});

describe('rotateLogFiles', () => {
  let dir: string;
  let logPath: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lastro-logs-'));
    logPath = join(dir, 'main.log');
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function contents(): Record<string, string> {
    return Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
  }

  it('moves the log to archive 1', () => {
    writeFileSync(logPath, 'first');
    expect(rotateLogFiles(logPath, 5)).toEqual({ warnings: [] });
    expect(contents()).toEqual({ 'main.1.log': 'first' });
  });

  it('keeps the newest archives and drops the oldest', () => {
    for (let generation = 1; generation <= 8; generation++) {
      writeFileSync(logPath, `generation ${generation}`);
      rotateLogFiles(logPath, 5);
    }
    expect(contents()).toEqual({
      'main.1.log': 'generation 8',
      'main.2.log': 'generation 7',
      'main.3.log': 'generation 6',
      'main.4.log': 'generation 5',
      'main.5.log': 'generation 4',
    });
  });

  it('removes archives above a smaller limit', () => {
    for (let index = 1; index <= 7; index++) {
      writeFileSync(archivedLogPath(logPath, index), `archive ${index}`);
    }
    writeFileSync(logPath, 'current');
    rotateLogFiles(logPath, 3);
    expect(contents()).toEqual({ 'main.1.log': 'current', 'main.2.log': 'archive 1', 'main.3.log': 'archive 2' });
  });

  it('fills gaps in the numbering', () => {
    writeFileSync(archivedLogPath(logPath, 2), 'archive 2');
    writeFileSync(logPath, 'current');
    rotateLogFiles(logPath, 5);
    expect(contents()).toEqual({ 'main.1.log': 'current', 'main.3.log': 'archive 2' });
  });

  it('leaves other files alone', () => {
    writeFileSync(join(dir, 'renderer.log'), 'renderer');
    writeFileSync(join(dir, 'main.old.log'), 'old');
    writeFileSync(logPath, 'current');
    rotateLogFiles(logPath, 2);
    expect(contents()).toEqual({ 'main.1.log': 'current', 'main.old.log': 'old', 'renderer.log': 'renderer' });
  });

  it('throws when the log itself is missing', () => {
    expect(() => rotateLogFiles(logPath, 5)).toThrow(/ENOENT/);
  });

  it('rejects an invalid archive count', () => {
    writeFileSync(logPath, 'current');
    expect(() => rotateLogFiles(logPath, 0)).toThrow(/invalid number of log archives 0/);
    expect(contents()).toEqual({ 'main.log': 'current' });
  });
});

describe('configureLogFile', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lastro-logs-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function settings(): LogFileSettings {
    return { transports: { file: { maxSize: 0, archiveLogFn: () => undefined } } };
  }

  it('sets the size limit', () => {
    const log = settings();
    configureLogFile(log);
    expect(log.transports.file.maxSize).toBe(MAX_LOG_FILE_BYTES);
    expect(LOG_ARCHIVES_KEPT).toBe(5);
  });

  it('archives into numbered files', () => {
    const log = settings();
    configureLogFile(log);
    const path = join(dir, 'main.log');
    writeFileSync(path, 'full log');
    const file: RotatedLogFile = { path, clear: () => true };
    log.transports.file.archiveLogFn(file);
    expect(readdirSync(dir)).toEqual(['main.1.log']);
  });

  it('crops the log when it cannot be moved', () => {
    const log = settings();
    configureLogFile(log);
    const cropped: number[] = [];
    // electron-log's file object has `crop`, which its type declarations omit.
    const file = { path: join(dir, 'missing', 'main.log'), clear: () => true, crop: (bytes: number) => void cropped.push(bytes) };
    log.transports.file.archiveLogFn(file);
    expect(cropped).toEqual([256 * 1024]);
  });
});

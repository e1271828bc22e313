import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeToTrayHintTexts, isUiLanguage } from '../src/main/close-hint/hint';
import { HintOnceStore } from '../src/main/close-hint/hint-store';
import { recordingLogger } from './recording-logger';

describe('closeToTrayHintTexts', () => {
  it('defaults to Portuguese and names Sair', () => {
    const texts = closeToTrayHintTexts('pt-BR', 'linux');
    expect(texts.title).toBe('O Lastro continua aberto');
    expect(texts.body).toContain('na bandeja do sistema');
    expect(texts.body).toContain('"Sair"');
  });

  it('writes English for English users', () => {
    const texts = closeToTrayHintTexts('en', 'win32');
    expect(texts.title).toBe('Lastro is still running');
    expect(texts.body).toContain('notification area');
    expect(texts.body).toContain('"Quit"');
  });

  it('names the macOS menu bar', () => {
    expect(closeToTrayHintTexts('pt-BR', 'darwin').body).toContain('na barra de menus');
    expect(closeToTrayHintTexts('en', 'darwin').body).toContain('in the menu bar');
  });

  it('accepts only the two UI languages', () => {
    expect(isUiLanguage('pt-BR')).toBe(true);
    expect(isUiLanguage('en')).toBe(true);
    expect(isUiLanguage('en-US')).toBe(false);
    expect(isUiLanguage(undefined)).toBe(false);
  });
});

describe('HintOnceStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lastro-hint-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the hint once per profile', () => {
    const log = recordingLogger();
    const file = join(dir, 'close-to-tray-hint.json');
    const first = new HintOnceStore(file, log);
    expect(first.wasShown).toBe(false);
    expect(first.markShown(new Date('2026-03-10T12:00:00.000Z'))).toBe(true);
    expect(first.markShown(new Date('2026-03-10T12:05:00.000Z'))).toBe(false);

    const afterRestart = new HintOnceStore(file, log);
    expect(afterRestart.wasShown).toBe(true);
    expect(afterRestart.markShown(new Date('2026-03-11T09:00:00.000Z'))).toBe(false);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: 1, shownAt: '2026-03-10T12:00:00.000Z' });
    expect(log.entries).toEqual([]);
  });

  it('keeps profiles apart', () => {
    const log = recordingLogger();
    new HintOnceStore(join(dir, 'a', 'close-to-tray-hint.json'), log).markShown(new Date());
    expect(new HintOnceStore(join(dir, 'b', 'close-to-tray-hint.json'), log).wasShown).toBe(false);
  });

  for (const [name, content] of [
    ['invalid JSON', '{"version":'],
    ['another version', '{"version":2,"shownAt":"2026-03-10T12:00:00.000Z"}'],
    ['an invalid time', '{"version":1,"shownAt":"yesterday"}'],
    ['null', 'null'],
  ] as const) {
    it(`treats ${name} as not shown and logs it`, () => {
      const log = recordingLogger();
      const file = join(dir, 'close-to-tray-hint.json');
      writeFileSync(file, content);
      const store = new HintOnceStore(file, log);
      expect(store.wasShown).toBe(false);
      expect(log.entries).toHaveLength(1);
      expect(log.entries[0]?.level).toBe('warn');
      expect(store.markShown(new Date('2026-03-10T12:00:00.000Z'))).toBe(true);
      expect(new HintOnceStore(file, log).wasShown).toBe(true);
    });
  }

  it('counts as shown for the run when the file cannot be written', () => {
    const log = recordingLogger();
    const blocker = join(dir, 'blocker');
    writeFileSync(blocker, '');
    const store = new HintOnceStore(join(blocker, 'close-to-tray-hint.json'), log);
    expect(store.markShown(new Date())).toBe(true);
    expect(store.markShown(new Date())).toBe(false);
    // The read fails too (ENOTDIR), which is logged as a warning.
    expect(log.entries.map((entry) => entry.level)).toEqual(['warn', 'error']);
  });
});

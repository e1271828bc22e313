import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from '../notifications/logger';

const FILE_VERSION = 1;

/**
 * Remembers that the hint was shown, in `close-to-tray-hint.json`. A missing file means not
 * shown. An unreadable or invalid file is logged and also counts as not shown, so the worst
 * case is seeing the hint a second time.
 */
export class HintOnceStore {
  private hintShown: boolean;

  constructor(
    private readonly filePath: string,
    private readonly log: Logger,
  ) {
    this.hintShown = this.load();
  }

  get wasShown(): boolean {
    return this.hintShown;
  }

  /**
   * Records the hint as shown and writes the file. Returns false when it was already recorded,
   * so the caller shows the hint only on a true result. A failed write is logged, and the hint
   * still counts as shown for the rest of this run.
   */
  markShown(now: Date): boolean {
    if (this.hintShown) {
      return false;
    }
    this.hintShown = true;
    const temporaryPath = `${this.filePath}.${process.pid}.tmp`;
    try {
      mkdirSync(dirname(this.filePath), { recursive: true });
      writeFileSync(temporaryPath, JSON.stringify({ version: FILE_VERSION, shownAt: now.toISOString() }), 'utf8');
      renameSync(temporaryPath, this.filePath);
    } catch (error) {
      this.log.error('failed to write the close-to-tray hint file', { file: this.filePath, error: String(error) });
    }
    return true;
  }

  private load(): boolean {
    let text: string;
    try {
      text = readFileSync(this.filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        this.log.warn('close-to-tray hint file unreadable, the hint may show again', { file: this.filePath, error: String(error) });
      }
      return false;
    }
    try {
      const parsed: unknown = JSON.parse(text);
      const version: unknown = typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, 'version') : undefined;
      const shownAt: unknown = typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, 'shownAt') : undefined;
      if (version === FILE_VERSION && typeof shownAt === 'string' && !Number.isNaN(Date.parse(shownAt))) {
        return true;
      }
    } catch {
      // Handled with the other invalid contents below.
    }
    this.log.warn('close-to-tray hint file is invalid, the hint may show again', { file: this.filePath });
    return false;
  }
}

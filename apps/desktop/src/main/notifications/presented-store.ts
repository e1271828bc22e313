import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from './logger';

/** Number of presented ids kept by default; older ids are dropped first. */
export const DEFAULT_MAX_PRESENTED_IDS = 2000;

const FILE_VERSION = 1;

/** Same alphabet and bound as the notification ids that `presentNotification` accepts. */
const STORED_ID_PATTERN = /^[\x21-\x7E]{1,64}$/;

export interface PresentedStoreOptions {
  /** JSON file that keeps the ids, such as `userData/presented-notifications.json`. */
  filePath: string;
  maxIds?: number;
  log: Logger;
}

/**
 * Ids of the notifications already presented, kept in a JSON file so that a restart or a second
 * window never presents one again. The newest `maxIds` ids are kept, in presentation order.
 */
export class PresentedStore {
  private readonly filePath: string;
  private readonly maxIds: number;
  private readonly log: Logger;
  private ids: string[];
  private readonly index: Set<string>;

  constructor(options: PresentedStoreOptions) {
    const maxIds = options.maxIds ?? DEFAULT_MAX_PRESENTED_IDS;
    if (!Number.isInteger(maxIds) || maxIds < 1) {
      throw new Error(`invalid maxIds ${String(maxIds)}: use a positive integer`);
    }
    this.filePath = options.filePath;
    this.maxIds = maxIds;
    this.log = options.log;
    this.ids = this.load().slice(-maxIds);
    this.index = new Set(this.ids);
  }

  has(id: string): boolean {
    return this.index.has(id);
  }

  /** Number of ids kept. */
  get size(): number {
    return this.ids.length;
  }

  /**
   * Records `id` as presented and writes the file. A failed write is logged and the id stays
   * recorded in memory, so this run still never presents it twice.
   */
  add(id: string): void {
    if (this.index.has(id)) {
      return;
    }
    this.ids.push(id);
    this.index.add(id);
    if (this.ids.length > this.maxIds) {
      const dropped = this.ids.splice(0, this.ids.length - this.maxIds);
      for (const old of dropped) {
        this.index.delete(old);
      }
    }
    this.save();
  }

  private load(): string[] {
    let text: string;
    try {
      text = readFileSync(this.filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        this.log.warn('presented-notification file unreadable, starting with no presented ids', {
          file: this.filePath,
          error: String(error),
        });
      }
      return [];
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      this.log.warn('presented-notification file is not valid JSON, starting with no presented ids', {
        file: this.filePath,
        error: String(error),
      });
      return [];
    }
    const stored = typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, 'ids') : undefined;
    if (!Array.isArray(stored)) {
      this.log.warn('presented-notification file has no "ids" array, starting with no presented ids', {
        file: this.filePath,
      });
      return [];
    }
    const ids = stored.filter((value): value is string => typeof value === 'string' && STORED_ID_PATTERN.test(value));
    if (ids.length !== stored.length) {
      this.log.warn('dropped invalid entries from the presented-notification file', {
        file: this.filePath,
        dropped: stored.length - ids.length,
      });
    }
    return [...new Set(ids)];
  }

  /** Writes a temporary file and renames it over the old one, so a crash never leaves half a file. */
  private save(): void {
    const temporaryPath = `${this.filePath}.${process.pid}.tmp`;
    try {
      mkdirSync(dirname(this.filePath), { recursive: true });
      writeFileSync(temporaryPath, JSON.stringify({ version: FILE_VERSION, ids: this.ids }), 'utf8');
      renameSync(temporaryPath, this.filePath);
    } catch (error) {
      this.log.error('failed to write the presented-notification file', {
        file: this.filePath,
        error: String(error),
      });
    }
  }
}

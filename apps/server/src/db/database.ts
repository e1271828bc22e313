import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { MIGRATIONS, type Migration } from './migrations.js';

/** The SQLite connection type used by the repositories. */
export type SqliteDatabase = Database.Database;

/** File name of the server database inside the data directory. */
export const DATABASE_FILE = 'lastro.sqlite';

/** Milliseconds a writer waits for another process's lock before SQLite reports SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens (creating when missing) the database in `dataDir`, sets WAL mode, foreign keys and the
 * busy timeout, and applies pending migrations.
 */
export function openDatabase(dataDir: string, logger?: Logger): SqliteDatabase {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('synchronous = NORMAL');
  migrate(db, MIGRATIONS, logger);
  return db;
}

/** Applies every migration newer than the recorded version, each in its own transaction. */
export function migrate(db: SqliteDatabase, migrations: readonly Migration[], logger?: Logger): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const row = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as { version: number | null };
  const current = row.version ?? 0;
  for (const migration of migrations) {
    if (migration.version <= current) {
      continue;
    }
    const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
    if (migration.rebuildsTables === true) {
      // Enforcement can only change outside a transaction.
      db.pragma('foreign_keys = OFF');
    }
    try {
      db.transaction(() => {
        db.exec(migration.sql);
        if (migration.rebuildsTables === true) {
          const violation = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
          if (violation.length > 0) {
            const first = violation[0]!;
            throw new Error(
              `migration ${migration.version} left row ${first.rowid} of ${first.table} without its ${first.parent} row; nothing was applied`,
            );
          }
        }
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
          migration.version,
          migration.name,
          new Date().toISOString(),
        );
      }).immediate();
    } finally {
      if (migration.rebuildsTables === true && foreignKeys === 1) {
        db.pragma('foreign_keys = ON');
      }
    }
    logger?.info({ version: migration.version, migration: migration.name }, 'applied migration');
  }
}

/** Takes the next value of the server-wide change sequence. Call inside the transaction that changes the row. */
export function nextSeq(db: SqliteDatabase): number {
  const row = db.prepare('UPDATE sync_sequence SET value = value + 1 WHERE id = 1 RETURNING value').get() as {
    value: number;
  };
  return row.value;
}

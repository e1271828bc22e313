import { readdirSync, renameSync, rmSync } from 'node:fs';
import { join, parse } from 'node:path';

/**
 * Numbered log archives: `main.log` rotates to `main.1.log`, the previous `main.1.log` becomes
 * `main.2.log`, and so on up to `keep` archives; older ones are deleted. electron-log 5 by
 * default keeps a single `main.old.log`, which loses the history of a crash that is followed by
 * a burst of logging.
 */

/** Returns the path of archive `index` (1 is the newest): `dir/main.log` gives `dir/main.1.log`. */
export function archivedLogPath(logPath: string, index: number): string {
  if (!Number.isInteger(index) || index < 1) {
    throw new Error(`invalid log archive index ${String(index)}: use a positive integer`);
  }
  const { dir, name, ext } = parse(logPath);
  return join(dir, `${name}.${index}${ext}`);
}

/** Returns the archive index of `fileName` for the log `logPath`, or null when it is not one of its archives. */
export function archiveIndex(logPath: string, fileName: string): number | null {
  const { name, ext } = parse(logPath);
  if (!fileName.startsWith(`${name}.`) || !fileName.endsWith(ext)) {
    return null;
  }
  const middle = fileName.slice(name.length + 1, fileName.length - ext.length);
  return /^[1-9][0-9]{0,5}$/.test(middle) ? Number(middle) : null;
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/**
 * Moves `logPath` to archive 1 and shifts the older archives up, deleting those above `keep`.
 * Throws when the current log cannot be moved, so the caller can shrink it instead. Failures
 * to shift or delete an old archive are returned, because the rotation itself still succeeds.
 */
export function rotateLogFiles(logPath: string, keep: number): { warnings: string[] } {
  if (!Number.isInteger(keep) || keep < 1) {
    throw new Error(`invalid number of log archives ${String(keep)}: use a positive integer`);
  }
  const warnings: string[] = [];
  const { dir, base } = parse(logPath);

  // Archives above `keep`, including leftovers from a larger `keep` in an earlier version.
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch (error) {
    warnings.push(`could not list ${dir}: ${String(error)}`);
  }
  for (const name of names) {
    const index = archiveIndex(logPath, name);
    if (name !== base && index !== null && index >= keep) {
      try {
        rmSync(join(dir, name), { force: true });
      } catch (error) {
        warnings.push(`could not delete ${name}: ${String(error)}`);
      }
    }
  }

  for (let index = keep - 1; index >= 1; index--) {
    try {
      renameSync(archivedLogPath(logPath, index), archivedLogPath(logPath, index + 1));
    } catch (error) {
      if (!isMissing(error)) {
        warnings.push(`could not move archive ${index}: ${String(error)}`);
      }
    }
  }
  renameSync(logPath, archivedLogPath(logPath, 1));
  return { warnings };
}

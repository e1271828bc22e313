import type { Logger } from '../src/main/notifications/logger';

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
  data: Record<string, unknown> | undefined;
}

/**
 * Stand-in for electron-log, whose main-process logger needs the Electron binary that cannot run
 * here. It records each entry so tests can check what was logged.
 */
export function recordingLogger(): Logger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const record =
    (level: LogEntry['level']) =>
    (message: string, data?: Record<string, unknown>): void => {
      entries.push({ level, message, data });
    };
  return { entries, info: record('info'), warn: record('warn'), error: record('error') };
}

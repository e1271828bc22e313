import { rotateLogFiles } from './rotation';

/** The part of electron-log 5's log file (`transports.file.getFile()`) that rotation uses. */
export interface RotatedLogFile {
  readonly path: string;
  clear(): boolean;
}

/** The part of electron-log 5's main logger that {@link configureLogFile} sets. */
export interface LogFileSettings {
  transports: {
    file: {
      maxSize: number;
      // Method syntax, so electron-log's wider `LogFile` parameter type is accepted.
      archiveLogFn(file: RotatedLogFile): void;
    };
  };
}

/** Size at which `main.log` is archived. */
export const MAX_LOG_FILE_BYTES = 2 * 1024 * 1024;
/** Archives kept (`main.1.log` to `main.5.log`), so the logs take at most about 12 MiB. */
export const LOG_ARCHIVES_KEPT = 5;

/**
 * Configures electron-log's file transport: the file stays at electron-log's default path
 * (`userData/logs/main.log` on Windows and Linux, `~/Library/Logs/Lastro/main.log` on macOS) and
 * rotates into numbered archives. When the current file cannot be moved (Windows keeps open files
 * locked against renames by other programs), it is cut to its last 256 KiB instead, as
 * electron-log does by default.
 */
export function configureLogFile(log: LogFileSettings): void {
  log.transports.file.maxSize = MAX_LOG_FILE_BYTES;
  log.transports.file.archiveLogFn = (file) => {
    const path = file.path;
    try {
      const { warnings } = rotateLogFiles(path, LOG_ARCHIVES_KEPT);
      for (const warning of warnings) {
        console.warn(`log rotation: ${warning}`);
      }
    } catch (error) {
      // Logging through electron-log here would re-enter the transport that is rotating.
      console.error(`log rotation of ${path} failed, cropping the file instead`, error);
      cropLogFile(file);
    }
  };
}

/**
 * Keeps the last 256 KiB of the file with electron-log's `crop`, which its type declarations omit
 * (electron-log 5.4), or empties the file when `crop` is missing.
 */
function cropLogFile(file: RotatedLogFile): void {
  const crop: unknown = Reflect.get(file, 'crop');
  if (typeof crop === 'function') {
    crop.call(file, 256 * 1024);
    return;
  }
  file.clear();
}

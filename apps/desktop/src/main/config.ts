import { posix, win32 } from 'node:path';
import type { Device } from '@lastro/protocol';

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8787';

/**
 * Validates the server address from `LASTRO_SERVER_URL` and returns its origin.
 *
 * Only http and https origins without credentials, path, query or fragment are accepted, so
 * the value can only point the app at a server, never at a page.
 */
export function parseServerUrl(raw: string | undefined): string {
  const text = raw === undefined || raw.trim() === '' ? DEFAULT_SERVER_URL : raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`invalid LASTRO_SERVER_URL ${JSON.stringify(text)}: use an origin such as ${DEFAULT_SERVER_URL}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`invalid LASTRO_SERVER_URL ${JSON.stringify(text)}: the scheme must be http or https`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new Error(`invalid LASTRO_SERVER_URL ${JSON.stringify(text)}: remove the user name and password`);
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    throw new Error(
      `invalid LASTRO_SERVER_URL ${JSON.stringify(text)}: give only the origin, such as ${url.origin}`,
    );
  }
  return url.origin;
}

/** Maps `process.platform` to the device platform the server accepts; other Unix systems count as Linux. */
export function devicePlatform(platform: string): Device['platform'] {
  if (platform === 'win32' || platform === 'darwin') {
    return platform;
  }
  return 'linux';
}

/**
 * Validates `LASTRO_USER_DATA_DIR`, which moves the profile elsewhere, for example one fresh
 * directory per end-to-end test. It moves the local database, the device id and, except on
 * macOS, where electron-log writes to ~/Library/Logs/Lastro, the logs. Returns undefined when unset.
 */
export function parseUserDataDir(raw: string | undefined): string | undefined {
  if (raw === undefined || raw.trim() === '') {
    return undefined;
  }
  if (!posix.isAbsolute(raw) && !win32.isAbsolute(raw)) {
    throw new Error(`invalid LASTRO_USER_DATA_DIR ${JSON.stringify(raw)}: use an absolute path`);
  }
  return raw;
}

const MAX_DEVICE_NAME_LENGTH = 80;

/** Human-readable device name shown in the user's session list, such as "Lastro em ana-laptop". */
export function deviceName(hostname: string): string {
  const host = hostname.trim() === '' ? 'desktop' : hostname.trim();
  return `Lastro em ${host}`.slice(0, MAX_DEVICE_NAME_LENGTH);
}

const DEVICE_ID_PATTERN = /^[A-Za-z0-9-]{1,64}$/;

/** Returns `stored` when it is a usable device id, or undefined so the caller creates a new one. */
export function parseStoredDeviceId(stored: unknown): string | undefined {
  return typeof stored === 'string' && DEVICE_ID_PATTERN.test(stored) ? stored : undefined;
}

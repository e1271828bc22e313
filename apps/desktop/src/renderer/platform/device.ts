import type { Device } from '@lastro/protocol';

const DEVICE_ID_KEY = 'lastro.deviceId';
const DEVICE_ID_PATTERN = /^[A-Za-z0-9-]{1,64}$/;

/** Short browser name from a user agent string, for the device name shown in the session list. */
export function browserName(userAgent: string): string {
  // Order matters: Edge and Opera user agents also contain "Chrome", and Chrome's contains "Safari".
  const candidates: Array<[RegExp, string]> = [
    [/Edg\//, 'Edge'],
    [/OPR\//, 'Opera'],
    [/Firefox\//, 'Firefox'],
    [/Chromium\//, 'Chromium'],
    [/Chrome\//, 'Chrome'],
    [/Safari\//, 'Safari'],
  ];
  const match = candidates.find(([pattern]) => pattern.test(userAgent));
  return match === undefined ? 'Navegador' : match[1];
}

/** Minimal `Storage` subset, so the functions work with `localStorage` and with test doubles. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Returns this browser's device id from `storage`, creating and storing a random one on first use. */
export function loadWebDeviceId(storage: KeyValueStorage, newId: () => string): string {
  const stored = storage.getItem(DEVICE_ID_KEY);
  if (stored !== null && DEVICE_ID_PATTERN.test(stored)) {
    return stored;
  }
  const id = newId();
  storage.setItem(DEVICE_ID_KEY, id);
  return id;
}

/** Builds the device of the web terminal: a per-browser id, the browser's name and platform `web`. */
export function webDevice(storage: KeyValueStorage, userAgent: string, newId: () => string): Device {
  return {
    id: loadWebDeviceId(storage, newId),
    name: `${browserName(userAgent)} (web)`,
    platform: 'web',
  };
}

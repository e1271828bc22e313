import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Device } from '@lastro/protocol';
import log from 'electron-log/main';
import { deviceName, devicePlatform, parseStoredDeviceId } from './config';

/** Reads this installation's device id from `userDataDir/device.json`, creating it on first start. */
export function loadDevice(userDataDir: string): Device {
  const file = join(userDataDir, 'device.json');
  let id: string | undefined;
  try {
    const stored: unknown = JSON.parse(readFileSync(file, 'utf8'));
    id = parseStoredDeviceId(typeof stored === 'object' && stored !== null ? Reflect.get(stored, 'id') : undefined);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      log.warn('device file unreadable, creating a new device id', { file, error: String(error) });
    }
  }
  if (id === undefined) {
    id = randomUUID();
    writeFileSync(file, JSON.stringify({ id }), 'utf8');
  }
  return { id, name: deviceName(hostname()), platform: devicePlatform(process.platform) };
}

import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SERVER_URL,
  devicePlatform,
  deviceName,
  parseServerUrl,
  parseStoredDeviceId,
  parseUserDataDir,
} from '../src/main/config';
import { appEntryUrl } from '../src/main/entry-url';
import { closeAction, isAppUrl, isPermissionAllowed, isTrustedSender } from '../src/main/security-policy';
import { trayIconFileName, trayTooltip } from '../src/main/tray-state';

describe('parseServerUrl', () => {
  it('defaults to the local server', () => {
    expect(parseServerUrl(undefined)).toBe(DEFAULT_SERVER_URL);
    expect(parseServerUrl('  ')).toBe(DEFAULT_SERVER_URL);
  });

  it('returns the origin of a valid URL', () => {
    expect(parseServerUrl('https://lastro.example.com')).toBe('https://lastro.example.com');
    expect(parseServerUrl('http://127.0.0.1:9000/')).toBe('http://127.0.0.1:9000');
  });

  it('rejects other schemes, credentials, paths and garbage', () => {
    expect(() => parseServerUrl('file:///etc/passwd')).toThrow(/scheme must be http or https/);
    expect(() => parseServerUrl('https://user:pw@lastro.example.com')).toThrow(/user name and password/);
    expect(() => parseServerUrl('https://lastro.example.com/app/')).toThrow(/only the origin/);
    expect(() => parseServerUrl('https://lastro.example.com?x=1')).toThrow(/only the origin/);
    expect(() => parseServerUrl('not a url')).toThrow(/invalid LASTRO_SERVER_URL/);
  });
});

describe('parseUserDataDir', () => {
  it('keeps the default profile when unset', () => {
    expect(parseUserDataDir(undefined)).toBeUndefined();
    expect(parseUserDataDir('')).toBeUndefined();
  });

  it('accepts absolute paths', () => {
    expect(parseUserDataDir('/tmp/lastro-profile')).toBe('/tmp/lastro-profile');
    expect(parseUserDataDir('C:\\Users\\ana\\lastro')).toBe('C:\\Users\\ana\\lastro');
  });

  it('rejects relative paths', () => {
    expect(() => parseUserDataDir('profile')).toThrow(/use an absolute path/);
    expect(() => parseUserDataDir('../profile')).toThrow(/use an absolute path/);
  });
});

describe('device identity', () => {
  it('maps platforms the server accepts', () => {
    expect(devicePlatform('win32')).toBe('win32');
    expect(devicePlatform('darwin')).toBe('darwin');
    expect(devicePlatform('linux')).toBe('linux');
    expect(devicePlatform('freebsd')).toBe('linux');
  });

  it('bounds the device name to 80 characters', () => {
    expect(deviceName('ana-laptop')).toBe('Lastro em ana-laptop');
    expect(deviceName('')).toBe('Lastro em desktop');
    expect(deviceName('h'.repeat(200))).toHaveLength(80);
  });

  it('accepts only well-formed stored ids', () => {
    expect(parseStoredDeviceId('0d4f2c1e-aaaa-4bbb-8ccc-123456789abc')).toBe('0d4f2c1e-aaaa-4bbb-8ccc-123456789abc');
    expect(parseStoredDeviceId('../etc')).toBeUndefined();
    expect(parseStoredDeviceId(42)).toBeUndefined();
  });
});

describe('isAppUrl', () => {
  const packaged = 'file:///opt/Lastro/resources/app.asar/out/renderer/index.html';

  it('accepts the app page with any hash', () => {
    expect(isAppUrl(`${packaged}#/loans/L1`, packaged)).toBe(true);
  });

  it('rejects other files and remote pages', () => {
    expect(isAppUrl('file:///etc/passwd', packaged)).toBe(false);
    expect(isAppUrl('https://evil.example.com/', packaged)).toBe(false);
    expect(isAppUrl('not a url', packaged)).toBe(false);
  });

  it('compares origins for the development server', () => {
    expect(isAppUrl('http://localhost:5173/#/', 'http://localhost:5173/')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
  });
});

describe('appEntryUrl', () => {
  it('escapes folder names with # and %', () => {
    const entry = appEntryUrl({ rendererDir: '/opt/C#Tools/50%off/Lastro/out/renderer', devServerUrl: undefined });

    expect(entry).toBe('file:///opt/C%23Tools/50%25off/Lastro/out/renderer/index.html');
    expect(new URL(entry).hash).toBe('');
    expect(isAppUrl(`${entry}#/loans/emp-00008`, entry)).toBe(true);
  });

  it('uses the development server when given', () => {
    expect(appEntryUrl({ rendererDir: '/unused', devServerUrl: 'http://localhost:5173/' })).toBe('http://localhost:5173/');
  });
});

describe('isTrustedSender', () => {
  const app = 'file:///app/out/renderer/index.html';

  it('accepts only the main frame of the app page', () => {
    expect(isTrustedSender({ url: `${app}#/`, isMainFrame: true }, app)).toBe(true);
    expect(isTrustedSender({ url: `${app}#/`, isMainFrame: false }, app)).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example.com/', isMainFrame: true }, app)).toBe(false);
  });
});

describe('window policies', () => {
  it('allows only notification permission', () => {
    expect(isPermissionAllowed('notifications')).toBe(true);
    expect(isPermissionAllowed('media')).toBe(false);
    expect(isPermissionAllowed('geolocation')).toBe(false);
  });

  it('hides on close unless quitting', () => {
    expect(closeAction({ quitting: false })).toBe('hide');
    expect(closeAction({ quitting: true })).toBe('close');
  });

  it('picks the tray icon and tooltip per state', () => {
    expect(trayIconFileName('normal')).toBe('tray.png');
    expect(trayIconFileName('alert')).toBe('tray-alert.png');
    expect(trayTooltip('alert')).toMatch(/atenção/);
  });
});

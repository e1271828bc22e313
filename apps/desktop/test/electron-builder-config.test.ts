import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, posix, resolve } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { DEEP_LINK_SCHEME } from '../src/main/deep-links/parse';
import { notifierHelperPath, unpackedAsarPath } from '../src/main/notifications/os-channel';

const root = resolve(import.meta.dirname, '../../..');
const configPath = join(root, 'electron-builder.yml');

// electron-builder's own validation, from the installed app-builder-lib that electron-builder runs.
const requireFromDesktop = createRequire(import.meta.url);
const requireFromBuilder = createRequire(requireFromDesktop.resolve('electron-builder/package.json'));
const requireFromLib = createRequire(requireFromBuilder.resolve('app-builder-lib/package.json'));
const { validateConfiguration } = requireFromBuilder('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, debugLogger: unknown): Promise<void>;
};
const { DebugLogger } = requireFromLib('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
const { minimatch } = requireFromLib('minimatch') as {
  minimatch(path: string, pattern: string, options: { dot?: boolean; matchBase?: boolean }): boolean;
};

type Config = Record<string, any>;

function readConfig(): Config {
  return load(readFileSync(configPath, 'utf8')) as Config;
}

function validate(config: unknown): Promise<void> {
  return validateConfiguration(structuredClone(config), new DebugLogger(false));
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(data: Buffer): { width: number; height: number } {
  expect(data.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/** Sizes of the images in a .ico file, each checked against its embedded PNG. */
function icoSizes(data: Buffer): number[] {
  expect(data.readUInt16LE(2)).toBe(1);
  const sizes: number[] = [];
  for (let index = 0; index < data.readUInt16LE(4); index += 1) {
    const entry = 6 + 16 * index;
    const size = data[entry] === 0 ? 256 : (data[entry] ?? -1);
    const png = data.subarray(data.readUInt32LE(entry + 12), data.readUInt32LE(entry + 12) + data.readUInt32LE(entry + 8));
    expect(pngSize(png)).toEqual({ width: size, height: size });
    sizes.push(size);
  }
  return sizes;
}

/** Element types of a .icns file with the pixel size of each embedded PNG. */
function icnsElements(data: Buffer): Map<string, number> {
  expect(data.subarray(0, 4).toString('ascii')).toBe('icns');
  expect(data.readUInt32BE(4)).toBe(data.length);
  const elements = new Map<string, number>();
  let offset = 8;
  while (offset < data.length) {
    const type = data.subarray(offset, offset + 4).toString('ascii');
    const length = data.readUInt32BE(offset + 4);
    const { width, height } = pngSize(data.subarray(offset + 8, offset + length));
    expect(width).toBe(height);
    elements.set(type, width);
    offset += length;
  }
  return elements;
}

function targetNames(targets: unknown[]): string[] {
  return targets.map((target) => (typeof target === 'string' ? target : (target as { target: string }).target));
}

describe('electron-builder.yml', () => {
  it('matches the configuration schema', async () => {
    await expect(validate(readConfig())).resolves.toBeUndefined();
  });

  it('fails the schema with a misspelt option', async () => {
    const config = readConfig();
    config['nsis']['shortcutNam'] = 'Lastro';
    await expect(validate(config)).rejects.toThrow(/configuration\.nsis should be one of these/);
  });

  it('fails the schema with a wrong type', async () => {
    const config = readConfig();
    config['nsis']['oneClick'] = 'sometimes';
    await expect(validate(config)).rejects.toThrow(/configuration\.nsis\.oneClick should be a boolean/);
  });

  it('names the app as the main process does', () => {
    const config = readConfig();
    expect(config['appId']).toBe('br.com.lastro.terminal');
    expect(config['productName']).toBe('Lastro');
    const mainSource = readFileSync(join(root, 'apps/desktop/src/main/index.ts'), 'utf8');
    expect(mainSource).toContain(`const APP_USER_MODEL_ID = '${config['appId']}';`);
  });

  it('builds the supported targets', () => {
    const config = readConfig();
    expect(targetNames(config['win']['target'])).toEqual(['nsis']);
    expect(config['mac']['target']).toEqual([
      { target: 'dmg', arch: ['universal'] },
      { target: 'zip', arch: ['universal'] },
    ]);
    expect(targetNames(config['linux']['target'])).toEqual(['AppImage', 'deb']);
    expect(config['nsis']['createStartMenuShortcut']).toBe(true);
  });

  it('publishes to a generic update server', () => {
    expect(readConfig()['publish']).toEqual([{ provider: 'generic', url: '${env.LASTRO_UPDATE_URL}' }]);
  });

  it('registers the deep-link scheme in every installer', () => {
    const config = readConfig();
    const include = readFileSync(join(root, config['nsis']['include']), 'utf8');

    expect(config['protocols']).toEqual([{ name: 'Lastro', schemes: [DEEP_LINK_SCHEME] }]);
    expect(include).toMatch(/!macro customInstall[\s\S]*WriteRegStr HKCU "Software\\Classes\\lastro" "URL Protocol" ""/);
    expect(include).toContain('"$INSTDIR\\${APP_EXECUTABLE_FILENAME}" "%1"');
    expect(include).toMatch(/!macro customUnInstall\s+DeleteRegKey HKCU "Software\\Classes\\lastro"/);
  });

  it('gives the deb package a homepage', () => {
    // electron-builder's deb target stops with "Please specify project homepage" without one.
    const desktopPackage = JSON.parse(readFileSync(join(root, 'apps/desktop/package.json'), 'utf8')) as { homepage?: string };
    expect(desktopPackage.homepage).toMatch(/^https:\/\//);
  });

  it('names the data folder after the product', () => {
    // Electron names the user-data and log folders after package.json's productName, else its
    // name, and electron-builder does not copy productName from its own configuration there.
    const desktopPackage = JSON.parse(readFileSync(join(root, 'apps/desktop/package.json'), 'utf8')) as { productName?: string };
    expect(desktopPackage.productName).toBe(readConfig()['productName']);
  });

  it('keeps the deb defaults with notify-send', () => {
    const depends: string[] = readConfig()['deb']['depends'];
    expect(depends).toContain('libgtk-3-0');
    expect(depends).toContain('libnss3');
    expect(depends).toContain('libnotify-bin');
  });
});

describe('packaged icons', () => {
  it('give Windows 16 to 256 pixels', () => {
    const config = readConfig();
    for (const icon of [config['win']['icon'], config['nsis']['installerIcon'], config['nsis']['uninstallerIcon']]) {
      expect(icoSizes(readFileSync(join(root, icon)))).toEqual([16, 24, 32, 48, 64, 128, 256]);
    }
  });

  it('give macOS every size up to 1024 pixels', () => {
    const config = readConfig();
    expect(config['dmg']['icon']).toBe(config['mac']['icon']);
    const elements = icnsElements(readFileSync(join(root, config['mac']['icon'])));
    expect(Object.fromEntries(elements)).toEqual({
      ic11: 32,
      ic12: 64,
      ic07: 128,
      ic13: 256,
      ic08: 256,
      ic14: 512,
      ic09: 512,
      ic10: 1024,
    });
  });

  it('give Linux a named size set', () => {
    const folder = join(root, readConfig()['linux']['icon']);
    const files = readdirSync(folder).sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10));
    expect(files).toEqual(['16x16.png', '32x32.png', '48x48.png', '64x64.png', '128x128.png', '256x256.png', '512x512.png']);
    for (const file of files) {
      const size = Number.parseInt(file, 10);
      expect(pngSize(readFileSync(join(folder, file)))).toEqual({ width: size, height: size });
    }
  });

  it('give the default icon at least 512 pixels', () => {
    const { width } = pngSize(readFileSync(join(root, readConfig()['icon'])));
    expect(width).toBeGreaterThanOrEqual(512);
  });

  it('match the drawing in generate-icons.mjs', () => {
    const result = spawnSync(process.execPath, [join(root, 'resources/generate-icons.mjs'), '--check'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('node-notifier helpers in the package', () => {
  const vendorInApp = posix.join('node_modules', 'node-notifier', 'vendor');
  const helpers = [
    notifierHelperPath('win32', 'x64', vendorInApp),
    notifierHelperPath('darwin', 'arm64', vendorInApp),
  ].filter((path): path is string => path !== undefined);

  it('exist in node-notifier', () => {
    expect(helpers).toHaveLength(2);
    for (const helper of helpers) {
      expect(existsSync(join(root, 'apps/desktop', helper))).toBe(true);
    }
  });

  it('are unpacked from the asar archive', () => {
    const patterns: string[] = readConfig()['asarUnpack'];
    for (const helper of helpers) {
      expect(patterns.some((pattern) => minimatch(helper, pattern, { dot: true }))).toBe(true);
    }
  });

  it('resolve to the unpacked folder', () => {
    const packaged = posix.join('/opt/Lastro/resources/app.asar', helpers[0] ?? '');
    expect(unpackedAsarPath(packaged)).toBe(posix.join('/opt/Lastro/resources/app.asar.unpacked', helpers[0] ?? ''));
  });

  it('let the universal macOS build keep terminal-notifier', () => {
    const pattern: string = readConfig()['mac']['x64ArchFiles'];
    const inApp = posix.join('Contents/Resources/app.asar.unpacked', helpers[1] ?? '');
    expect(minimatch(inApp, pattern, { dot: true, matchBase: true })).toBe(true);
  });
});

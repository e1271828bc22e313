#!/usr/bin/env node
// Entry point behind `pnpm package`: builds the desktop app and runs electron-builder with
// electron-builder.yml for the current platform, or for the platform and targets given.
// It needs the update server's address, which electron-builder writes into app-update.yml.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseUpdateUrl, UPDATE_URL_EXAMPLE } from '../apps/desktop/src/main/update/update-url.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const builderCli = join(root, 'apps/desktop/node_modules/electron-builder/cli.js');

/** electron-builder's platform flags and the targets electron-builder.yml configures for each. */
const PLATFORMS = {
  linux: { flag: '--linux', targets: ['AppImage', 'deb'] },
  mac: { flag: '--mac', targets: ['dmg', 'zip'] },
  win: { flag: '--win', targets: ['nsis'] },
};

const HOST_PLATFORMS = { linux: 'linux', darwin: 'mac', win32: 'win' };

const USAGE = `Usage: pnpm package [options]

Builds the desktop app and packages it with electron-builder into release/VERSION/.

Options:
  --update-url URL   address of the update server (default: LASTRO_UPDATE_URL); https, or
                     http on 127.0.0.1 or localhost for a local test server
  --platform NAME    linux, mac or win (default: this machine's platform)
  --target NAME      one target of that platform, repeatable (default: all of them):
                     linux: AppImage, deb; mac: dmg, zip; win: nsis
  --dir              only the unpacked app folder, no installer (quicker, for checks)
  --help             shows this text`;

function say(message) {
  process.stderr.write(`[package] ${message}\n`);
}

function fail(message, code = 1) {
  say(message);
  process.exit(code);
}

/** Parses the command line and exits with the usage text on invalid input. */
function parseArguments(args) {
  const options = { updateUrl: process.env.LASTRO_UPDATE_URL, platform: HOST_PLATFORMS[process.platform], targets: [], dir: false };
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    const value = () => {
      const next = args[index + 1];
      if (next === undefined || next.startsWith('--')) {
        fail(`missing value for ${arg}\n\n${USAGE}`, 2);
      }
      index += 1;
      return next;
    };
    if (arg === '--help') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (arg === '--update-url') {
      options.updateUrl = value();
    } else if (arg === '--platform') {
      options.platform = value();
    } else if (arg === '--target') {
      options.targets.push(value());
    } else if (arg === '--dir') {
      options.dir = true;
    } else if (arg === '--') {
      // pnpm forwards a literal "--" when the caller writes `pnpm package -- --dir`.
    } else {
      fail(`unknown option ${JSON.stringify(arg)}\n\n${USAGE}`, 2);
    }
  }

  const platform = PLATFORMS[options.platform];
  if (platform === undefined) {
    fail(`invalid --platform ${JSON.stringify(options.platform ?? process.platform)}: use linux, mac or win`, 2);
  }
  for (const target of options.targets) {
    if (!platform.targets.includes(target)) {
      fail(`invalid --target ${JSON.stringify(target)} for ${options.platform}: use ${platform.targets.join(' or ')}`, 2);
    }
  }
  if (options.dir && options.targets.length > 0) {
    fail('--dir builds no installer, so it takes no --target', 2);
  }
  if (options.updateUrl === undefined || options.updateUrl.trim() === '') {
    fail(
      `missing update URL: set LASTRO_UPDATE_URL or pass --update-url, such as ${UPDATE_URL_EXAMPLE}; ` +
        'for a local test server use http://127.0.0.1:PORT/',
      2,
    );
  }
  try {
    options.updateUrl = parseUpdateUrl(options.updateUrl, options.updateUrl === process.env.LASTRO_UPDATE_URL ? 'LASTRO_UPDATE_URL' : '--update-url');
  } catch (error) {
    fail(error.message, 2);
  }
  return { ...options, platformFlag: platform.flag };
}

/** Returns the command prefix that runs pnpm, preferring the pnpm that started this script to the one on PATH. */
function pnpmCommand() {
  const execPath = process.env.npm_execpath ?? '';
  if (/pnpm/.test(execPath) && existsSync(execPath)) {
    return [process.execPath, execPath];
  }
  return [process.platform === 'win32' ? 'pnpm.cmd' : 'pnpm'];
}

/** Version of the electron package installed for the desktop app, read without loading it. */
function installedElectronVersion() {
  const manifest = join(root, 'apps/desktop/node_modules/electron/package.json');
  if (!existsSync(manifest)) {
    fail('the electron package is not installed in apps/desktop: run "pnpm install" first');
  }
  return JSON.parse(readFileSync(manifest, 'utf8')).version;
}

function buildDesktop() {
  say('building the desktop app');
  const [command, ...prefix] = pnpmCommand();
  const result = spawnSync(command, [...prefix, '--filter', '@lastro/desktop', 'run', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.error) {
    fail(`could not run pnpm (${result.error.message}); run this script through "pnpm package"`);
  }
  if (result.status !== 0) {
    fail(`building the desktop app failed with exit code ${result.status}`, result.status ?? 1);
  }
}

/**
 * Output of a failed download: DNS, connection and HTTP errors while fetching from GitHub or a
 * mirror. Links to GitHub issues also appear in other electron-builder errors, so the host name
 * alone is no sign of a download.
 */
const DOWNLOAD_FAILURE =
  /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|socket hang up|RequestError|HTTPError|status code [45]\d\d/;

/** Runs electron-builder, copying its output, and resolves with its exit code and the output text. */
function runElectronBuilder(args) {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [builderCli, ...args], { cwd: root, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const copy = (stream, target) => {
      stream.on('data', (chunk) => {
        output += chunk;
        target.write(chunk);
      });
    };
    copy(child.stdout, process.stdout);
    copy(child.stderr, process.stderr);
    for (const signal of ['SIGINT', 'SIGTERM']) {
      process.on(signal, () => child.kill(signal));
    }
    child.on('error', (error) => resolvePromise({ code: 1, output: `${output}\n${error.message}` }));
    child.on('exit', (code, signal) => resolvePromise({ code: code ?? (signal ? 1 : 0), output }));
  });
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  if (!existsSync(builderCli)) {
    fail('electron-builder is not installed: run "pnpm install" first');
  }
  buildDesktop();

  // electron-builder looks for the electron package in the project root, but the workspace
  // installs it in apps/desktop, so its version is passed explicitly.
  const args = [
    '--projectDir',
    root,
    '--config',
    'electron-builder.yml',
    '--publish',
    'never',
    `-c.electronVersion=${installedElectronVersion()}`,
    options.platformFlag,
  ];
  if (options.dir) {
    args.push('--dir');
  } else {
    args.push(...options.targets);
  }
  say(`packaging for ${options.platform}${options.dir ? ' (unpacked folder only)' : ''}, update URL ${options.updateUrl}`);
  // electron-builder.yml reads the URL as ${env.LASTRO_UPDATE_URL}.
  process.env.LASTRO_UPDATE_URL = options.updateUrl;
  const { code, output } = await runElectronBuilder(args);
  if (code === 0) {
    say(`done: the packages and latest*.yml are in release/; upload them to ${options.updateUrl}`);
    return;
  }
  if (DOWNLOAD_FAILURE.test(output)) {
    fail(
      'packaging failed because a download failed. electron-builder downloads the Electron binary ' +
        'for each target platform and its packaging tools (NSIS, AppImage, fpm) from GitHub on the ' +
        'first run and caches them. Run it where github.com is reachable, or point ELECTRON_MIRROR ' +
        'and ELECTRON_BUILDER_BINARIES_MIRROR at a reachable mirror. The download error is above.',
      code,
    );
  }
  fail(`electron-builder failed with exit code ${code}; its output is above`, code);
}

await main();

#!/usr/bin/env node
// Entry point behind `npm start`, `npm test`, `pnpm lastro-server` and `pnpm lastro`.
// It needs only Node and npm: it finds pnpm 10 (or runs it through npx), installs the
// workspace when needed, rebuilds what is stale, and then runs the requested task.
// It uses no dependencies, because it runs before anything is installed.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pnpmVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split('@')[1];
const isWindows = process.platform === 'win32';

const TASKS = {
  start: startDemo,
  test: runTests,
  'lastro-server': (args) => runBundled('apps/server', args),
  lastro: (args) => runBundled('apps/cli', args),
};

function say(message) {
  process.stderr.write(`[lastro] ${message}\n`);
}

function fail(message, code = 1) {
  say(message);
  process.exit(code);
}

/** Returns the command prefix that runs pnpm at the pinned major version. */
function findPnpm() {
  const execPath = process.env.npm_execpath ?? '';
  if (/pnpm/.test(execPath) && existsSync(execPath)) {
    return [process.execPath, execPath];
  }
  const probe = spawnSync(isWindows ? 'pnpm.cmd' : 'pnpm', ['--version'], { encoding: 'utf8' });
  if (probe.status === 0 && probe.stdout.trim().split('.')[0] === pnpmVersion.split('.')[0]) {
    return [isWindows ? 'pnpm.cmd' : 'pnpm'];
  }
  say(`pnpm ${pnpmVersion} is not installed; running it through npx (downloaded once from the npm registry)`);
  return [isWindows ? 'npx.cmd' : 'npx', '--yes', `pnpm@${pnpmVersion}`];
}

let pnpmCommand;

/** Runs pnpm with `args` in the repository root, inheriting stdio; exits on failure. */
function pnpm(args, options = {}, wrapper = []) {
  pnpmCommand ??= findPnpm();
  const [command, ...rest] = [...wrapper, ...pnpmCommand];
  const result = spawnSync(command, [...rest, ...args], { cwd: root, stdio: 'inherit', ...options });
  if (result.error) {
    fail(`could not run pnpm (${result.error.message}); install it with "npm install -g pnpm@${pnpmVersion}"`);
  }
  if (result.status !== 0) {
    fail(`"pnpm ${args.join(' ')}" failed with exit code ${result.status}`, result.status ?? 1);
  }
}

function newestMtime(path) {
  if (!existsSync(path)) {
    return 0;
  }
  const stats = statSync(path);
  if (!stats.isDirectory()) {
    return stats.mtimeMs;
  }
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist' || entry === 'out') {
      continue;
    }
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Installs the workspace when node_modules is missing or older than the lockfile. */
function ensureInstalled() {
  const marker = join(root, 'node_modules', '.modules.yaml');
  const lockfile = join(root, 'pnpm-lock.yaml');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lockfile).mtimeMs) {
    return;
  }
  say('installing dependencies (first run takes a few minutes: better-sqlite3 compiles from source)');
  pnpm(['install', '--frozen-lockfile']);
}

// Sources whose change makes a bundle stale: the app itself and every workspace package.
const SOURCES = ['packages/domain/src', 'packages/protocol/src', 'packages/engine/src'];

function isStale(app, output) {
  const built = newestMtime(join(root, app, output));
  const sources = [join(app, 'src'), join(app, 'build.mjs'), ...SOURCES];
  return built === 0 || sources.some((source) => newestMtime(join(root, source)) > built);
}

function buildIfStale(app, output, packageName) {
  if (isStale(app, output)) {
    say(`building ${packageName}`);
    pnpm(['--filter', packageName, 'run', 'build']);
  }
}

function buildServer() {
  buildIfStale('apps/server', 'dist/main.js', '@lastro/server');
}

function buildCli() {
  buildIfStale('apps/cli', 'dist/main.js', '@lastro/cli');
}

function buildDesktop() {
  buildIfStale('apps/desktop', 'out/renderer/index.html', '@lastro/desktop');
}

/** Runs a bundled command (`dist/main.js` of an app) with the caller's arguments and exit code. */
function runBundled(app, args) {
  ensureInstalled();
  if (app === 'apps/server') {
    buildServer();
  } else {
    buildCli();
  }
  const child = spawn(process.execPath, [join(root, app, 'dist/main.js'), ...args], { stdio: 'inherit' });
  forwardSignals(child);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function forwardSignals(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => child.kill(signal));
  }
}

const electronPackageDir = join(root, 'apps/desktop/node_modules/electron');

/**
 * Returns the Electron executable when it was downloaded, or null. Requiring the
 * `electron` package would start a download, so this reads its path.txt instead.
 */
function findElectronBinary() {
  const pathFile = join(electronPackageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return null;
  }
  const binary = join(electronPackageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/**
 * Returns the Electron executable, downloading it once when missing. pnpm skips Electron's
 * install script (see pnpm-workspace.yaml) so that installs succeed where GitHub, which
 * hosts the binary, is unreachable. The download is tried here instead, and its failure
 * only means the desktop app cannot open. Returns null with the reason when it fails.
 */
function ensureElectronBinary() {
  const found = findElectronBinary();
  if (found) {
    return { binary: found };
  }
  say('downloading the Electron binary (once, about 100 MB from GitHub)');
  const result = spawnSync(process.execPath, [join(electronPackageDir, 'install.js')], {
    cwd: electronPackageDir,
    encoding: 'utf8',
    timeout: 10 * 60 * 1000,
  });
  const binary = findElectronBinary();
  if (binary) {
    return { binary };
  }
  const output = `${result.stderr ?? ''}${result.error?.message ?? ''}`;
  const reason = output.split('\n').find((line) => line.trim() !== '') ?? `exit code ${result.status}`;
  return { binary: null, reason: reason.trim() };
}

/** Starts the demo server, prints the web terminal's address and opens the desktop app when it can. */
function startDemo(args) {
  ensureInstalled();
  buildServer();
  buildDesktop();

  const serverArgs = ['--demo', ...args];
  const server = spawn(process.execPath, [join(root, 'apps/server/dist/main.js'), ...serverArgs], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  forwardSignals(server);
  server.on('exit', (code, signal) => {
    say(`server stopped (${signal ?? `exit code ${code}`})`);
    process.exit(code ?? 0);
  });

  const lines = createInterface({ input: server.stdout });
  lines.on('line', (line) => {
    process.stdout.write(`${line}\n`);
    let record;
    try {
      record = JSON.parse(line);
    } catch {
      return;
    }
    if (record.msg === 'listening' && typeof record.url === 'string') {
      announce(record.url, server);
    }
  });
}

function announce(url, server) {
  const webUrl = `${url}/app/`;
  say('');
  say(`Lastro web terminal: ${webUrl}`);
  say('Demo login: investidor@lastro.demo / lastro-demo');
  say('Send a test PIX: see "Send a test PIX" in README.md');
  say('');

  const electron = ensureElectronBinary();
  if (!electron.binary) {
    say(`The Electron binary could not be downloaded (${electron.reason}), so the desktop app`);
    say(`cannot open on this machine. Use the web terminal at ${webUrl}`);
    say('The server keeps running; press Ctrl+C to stop it.');
    return;
  }
  say('opening the desktop app');
  const app = spawn(electron.binary, [join(root, 'apps/desktop')], {
    stdio: 'inherit',
    env: { ...process.env, LASTRO_SERVER_URL: url },
  });
  app.on('exit', () => {
    say('desktop app closed; stopping the server');
    server.kill('SIGTERM');
  });
}

/** Installs, builds, type-checks and runs every test suite: the README's test command. */
function runTests(args) {
  ensureInstalled();
  say('building the server, the CLI and the desktop app');
  pnpm(['run', 'build']);
  say('type-checking every package');
  pnpm(['run', 'typecheck']);
  say("checking the desktop app's Electron security settings (Electronegativity, offline)");
  pnpm(['--filter', '@lastro/desktop', 'run', 'check:security']);
  say('running unit and integration tests (Vitest)');
  pnpm(['exec', 'vitest', 'run', ...args]);
  const electron = ensureElectronBinary();
  if (!electron.binary) {
    say(`the Electron binary could not be downloaded (${electron.reason}); the Electron suite will be skipped`);
  }
  // Electron opens real windows; on Linux without a display they go to a virtual X server.
  let wrapper = [];
  if (electron.binary && process.platform === 'linux' && !process.env.DISPLAY) {
    if (existsSync('/usr/bin/xvfb-run')) {
      say('no X display: running the end-to-end tests under xvfb-run');
      wrapper = ['/usr/bin/xvfb-run', '--auto-servernum'];
    } else {
      say('no X display and no xvfb-run: the Electron suite will fail to open windows; install xvfb or set DISPLAY');
    }
  }
  say('running end-to-end tests (Playwright)');
  // Everything was built above, so the Playwright setup need not build it again.
  pnpm(['run', 'test:e2e'], { env: { ...process.env, LASTRO_E2E_SKIP_BUILD: '1' } }, wrapper);
}

const [task, ...rest] = process.argv.slice(2);
const run = TASKS[task];
if (!run) {
  fail(`unknown task "${task ?? ''}"; use one of: ${Object.keys(TASKS).join(', ')}`, 2);
}
run(rest);

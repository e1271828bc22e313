import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPlatformNotify,
  osNotificationOptions,
  showOsNotification,
  type OsNotificationOutcome,
} from '../src/main/notifications/os-channel';

/**
 * End-to-end check of OS notifications on Linux: node-notifier runs notify-send, which calls
 * org.freedesktop.Notifications.Notify on a private D-Bus session bus owned by dunst under Xvfb,
 * and dbus-monitor records the call.
 */

const REQUIRED_BINARIES = ['Xvfb', 'dbus-daemon', 'dbus-send', 'dbus-monitor', 'dunst', 'dunstctl', 'notify-send'];
const WAIT_LIMIT_MS = 10_000;
const TITLE = 'PIX recebido';
// The server writes a no-break space between "R$" and the amount.
const BODY = 'R$\u00a0500,00 creditados na sua carteira.';

function isOnPath(binary: string): boolean {
  return (process.env['PATH'] ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, binary), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

const missing = process.platform === 'linux' ? REQUIRED_BINARIES.filter((binary) => !isOnPath(binary)) : ['Linux'];
if (missing.length > 0) {
  console.log(`os-notification test skipped: missing ${missing.join(', ')}; it runs in CI, which installs libnotify-bin dbus dbus-x11 dunst xvfb xauth`);
}

/** Polls `check` every 50 ms until it returns a value, failing after WAIT_LIMIT_MS. */
async function waitFor<T>(what: string, check: () => T | undefined | Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + WAIT_LIMIT_MS;
  for (;;) {
    const value = await check();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${WAIT_LIMIT_MS} ms waiting for ${what}`);
    }
    await new Promise((done) => setTimeout(done, 50));
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((done) => {
    execFile(command, args, { env, timeout: WAIT_LIMIT_MS }, (_error, stdout) => done(stdout));
  });
}

describe.skipIf(missing.length > 0)('OS notification through dunst', () => {
  const started: ChildProcess[] = [];
  let tempDir = '';
  let busEnv: NodeJS.ProcessEnv = {};
  let monitorOutput = '';

  function start(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; extraPipe?: boolean } = {}): ChildProcess {
    const child = spawn(command, args, {
      env: options.env ?? process.env,
      stdio: options.extraPipe === true ? ['ignore', 'pipe', 'pipe', 'pipe'] : ['ignore', 'pipe', 'pipe'],
    });
    started.push(child);
    child.stderr?.on('data', () => undefined);
    return child;
  }

  beforeAll(async () => {
    tempDir = mkdtempSync(join(tmpdir(), 'lastro-os-notification-'));

    // With -displayfd, Xvfb picks a free display number and writes it to file descriptor 3.
    const xvfb = start('Xvfb', ['-displayfd', '3', '-nolisten', 'tcp', '-screen', '0', '800x600x24'], { extraPipe: true });
    let displayText = '';
    xvfb.stdio[3]?.on('data', (chunk: Buffer) => (displayText += chunk.toString()));
    const display = await waitFor('Xvfb to report its display', () =>
      displayText.includes('\n') ? `:${displayText.trim()}` : undefined,
    );

    const bus = start('dbus-daemon', ['--session', '--nofork', '--print-address=1']);
    let busText = '';
    bus.stdout?.on('data', (chunk: Buffer) => (busText += chunk.toString()));
    const busAddress = await waitFor('dbus-daemon to print its address', () =>
      busText.includes('\n') ? busText.split('\n')[0]?.trim() : undefined,
    );
    busEnv = { ...process.env, DISPLAY: display, DBUS_SESSION_BUS_ADDRESS: busAddress };

    const dunstrc = join(tempDir, 'dunstrc');
    writeFileSync(dunstrc, '[global]\n    font = Monospace 8\n    timeout = 0\n');
    start('dunst', ['-config', dunstrc], { env: busEnv });
    await waitFor('dunst to own org.freedesktop.Notifications', async () => {
      const reply = await run(
        'dbus-send',
        [
          '--session',
          '--print-reply',
          '--dest=org.freedesktop.DBus',
          '/org/freedesktop/DBus',
          'org.freedesktop.DBus.NameHasOwner',
          'string:org.freedesktop.Notifications',
        ],
        busEnv,
      );
      return reply.includes('boolean true') ? true : undefined;
    });

    const monitor = start('dbus-monitor', ['--session', "interface='org.freedesktop.Notifications'"], { env: busEnv });
    monitor.stdout?.setEncoding('utf8');
    monitor.stdout?.on('data', (chunk: string) => (monitorOutput += chunk));
    // dbus-monitor prints the NameAcquired signal of its own connection once it is listening.
    await waitFor('dbus-monitor to start listening', () => (monitorOutput.includes('member=NameAcquired') ? true : undefined));
  }, 4 * WAIT_LIMIT_MS);

  afterAll(async () => {
    for (const child of started.reverse()) {
      if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
        const exited = new Promise((done) => child.once('exit', done));
        process.kill(child.pid, 'SIGTERM');
        await Promise.race([exited, new Promise((done) => setTimeout(done, WAIT_LIMIT_MS))]);
        if (child.exitCode === null && child.signalCode === null) {
          process.kill(child.pid, 'SIGKILL');
        }
      }
    }
    if (tempDir !== '') {
      rmSync(tempDir, { recursive: true, force: true });
    }
  });

  it('delivers the PIX notification to the daemon', async () => {
    const options = osNotificationOptions(
      { title: TITLE, body: BODY, critical: false },
      {
        platform: 'linux',
        iconPath: resolve(import.meta.dirname, '../../../resources/icon.png'),
        appName: 'Lastro',
        appUserModelId: 'br.com.lastro.terminal',
      },
    );

    // node-notifier starts notify-send through child_process.exec without an env option, so the
    // child inherits process.env: point it at the private bus for this call only.
    const savedDisplay = process.env['DISPLAY'];
    const savedBus = process.env['DBUS_SESSION_BUS_ADDRESS'];
    process.env['DISPLAY'] = busEnv['DISPLAY'];
    process.env['DBUS_SESSION_BUS_ADDRESS'] = busEnv['DBUS_SESSION_BUS_ADDRESS'];
    let outcome: OsNotificationOutcome;
    try {
      outcome = await showOsNotification(createPlatformNotify('linux', undefined), options);
    } finally {
      restoreEnv('DISPLAY', savedDisplay);
      restoreEnv('DBUS_SESSION_BUS_ADDRESS', savedBus);
    }
    expect(outcome).toEqual({ kind: 'ok' });

    const notifyCall = await waitFor('dbus-monitor to record the Notify call', () => {
      const calls = monitorOutput.split(/\n(?=method call |signal |method return |error )/);
      return calls.find((call) => call.startsWith('method call') && call.includes('member=Notify') && call.includes(BODY));
    });
    expect(notifyCall).toContain('string "Lastro"');
    expect(notifyCall).toContain(`string "${TITLE}"`);
    expect(notifyCall).toContain(`string "${BODY}"`);
    expect(notifyCall).toContain('R$\u00a0500,00');

    const shown = await waitFor('dunst to display the notification', async () => {
      const count = (await run('dunstctl', ['count', 'displayed'], busEnv)).trim();
      return count === '1' ? count : undefined;
    });
    expect(shown).toBe('1');
  }, 3 * WAIT_LIMIT_MS);
});

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) {
    delete process.env[name];
  } else {
    process.env[name] = value;
  }
}

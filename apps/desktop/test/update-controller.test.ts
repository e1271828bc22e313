import { describe, expect, it } from 'vitest';
import { NoUpdateToInstallError, UpdateController, type UpdaterPort } from '../src/main/update/update-controller';
import type { UpdateState } from '../src/main/update/update-state';
import { recordingLogger } from './recording-logger';

/**
 * Stand-in for electron-updater's `autoUpdater`, which needs the Electron binary that cannot run
 * here. Each check returns a promise the test settles.
 */
function fakeUpdater(options: { installThrows?: Error } = {}) {
  const checks: { resolve(value: { downloadPromise?: Promise<unknown> | null } | null): void; reject(error: unknown): void }[] = [];
  let installs = 0;
  const port: UpdaterPort = {
    checkForUpdates: () =>
      new Promise((resolve, reject) => {
        checks.push({ resolve, reject });
      }),
    quitAndInstall: () => {
      installs += 1;
      if (options.installThrows !== undefined) throw options.installThrows;
    },
  };
  return { port, checks, installs: () => installs };
}

function setup(updater: UpdaterPort | null) {
  const log = recordingLogger();
  const published: UpdateState[] = [];
  const quit: string[] = [];
  const controller = new UpdateController({
    updater,
    log,
    publish: (state) => published.push(state),
    prepareQuit: () => quit.push('prepare'),
    cancelQuit: () => quit.push('cancel'),
  });
  return { controller, log, published, quit };
}

function driveToReady(controller: UpdateController): void {
  controller.handleEvent('checking-for-update', undefined);
  controller.handleEvent('update-available', { version: '0.2.0' });
  controller.handleEvent('download-progress', { percent: 50, transferred: 50, total: 100, bytesPerSecond: 10 });
  controller.handleEvent('update-downloaded', { version: '0.2.0' });
}

describe('UpdateController', () => {
  it('publishes each state change', () => {
    const { port } = fakeUpdater();
    const { controller, published } = setup(port);
    driveToReady(controller);
    expect(published.map((state) => state.status)).toEqual(['checking', 'available', 'downloading', 'ready']);
    expect(controller.getState()).toEqual({ status: 'ready', version: '0.2.0' });
  });

  it('logs and drops invalid events', () => {
    const { port } = fakeUpdater();
    const { controller, published, log } = setup(port);
    controller.handleEvent('update-available', { version: 'next' });
    expect(published).toEqual([]);
    expect(log.entries).toEqual([
      {
        level: 'warn',
        message: 'ignored an invalid updater event',
        data: { event: 'update-available', error: 'invalid update-available version "next": expected a semantic version such as "1.4.0"' },
      },
    ]);
  });

  it('logs errors', () => {
    const { port } = fakeUpdater();
    const { controller, log } = setup(port);
    controller.handleEvent('error', new Error('getaddrinfo ENOTFOUND atualizacoes.lastro.com.br'));
    expect(log.entries.at(-1)).toEqual({
      level: 'error',
      message: 'automatic update failed',
      data: { state: 'idle', error: 'getaddrinfo ENOTFOUND atualizacoes.lastro.com.br' },
    });
    expect(controller.getState()).toEqual({ status: 'error', message: 'getaddrinfo ENOTFOUND atualizacoes.lastro.com.br' });
  });

  it('starts one check at a time', () => {
    const updater = fakeUpdater();
    const { controller } = setup(updater.port);
    expect(controller.checkNow()).toBe(true);
    controller.handleEvent('checking-for-update', undefined);
    expect(controller.checkNow()).toBe(false);
    expect(updater.checks).toHaveLength(1);
  });

  it('does nothing when updates are off', () => {
    const { controller, published } = setup(null);
    expect(controller.enabled).toBe(false);
    expect(controller.checkNow()).toBe(false);
    expect(controller.getState()).toEqual({ status: 'idle' });
    expect(published).toEqual([]);
  });

  it('turns an unreported check failure into an error', async () => {
    const updater = fakeUpdater();
    const { controller } = setup(updater.port);
    controller.checkNow();
    updater.checks[0]?.reject(new Error('latest.yml not found (404)'));
    await Promise.resolve();
    await Promise.resolve();
    expect(controller.getState()).toEqual({ status: 'error', message: 'latest.yml not found (404)' });
  });

  it('handles a failed automatic download', async () => {
    const updater = fakeUpdater();
    const { controller } = setup(updater.port);
    controller.checkNow();
    const download = Promise.reject(new Error('sha512 checksum mismatch'));
    updater.checks[0]?.resolve({ downloadPromise: download });
    controller.handleEvent('error', new Error('sha512 checksum mismatch'));
    await expect(download).rejects.toThrow('sha512');
    expect(controller.getState()).toEqual({ status: 'error', message: 'sha512 checksum mismatch' });
  });

  it('installs only a ready update', () => {
    const updater = fakeUpdater();
    const { controller, quit } = setup(updater.port);
    expect(() => controller.install()).toThrow(NoUpdateToInstallError);
    expect(() => controller.install()).toThrow('no downloaded update to install: the update state is idle');
    controller.handleEvent('update-available', { version: '0.2.0' });
    expect(() => controller.install()).toThrow(/the update state is available/);
    expect(updater.installs()).toBe(0);
    expect(quit).toEqual([]);
  });

  it('quits and installs when asked', () => {
    const updater = fakeUpdater();
    const { controller, quit, log } = setup(updater.port);
    driveToReady(controller);
    controller.install();
    expect(updater.installs()).toBe(1);
    expect(quit).toEqual(['prepare']);
    expect(log.entries).toContainEqual({ level: 'info', message: "installing the update at the user's request", data: { version: '0.2.0' } });
  });

  it('keeps running when the installer fails to start', () => {
    const updater = fakeUpdater({ installThrows: new Error('EACCES: permission denied') });
    const { controller, quit, published } = setup(updater.port);
    driveToReady(controller);
    controller.install();
    expect(quit).toEqual(['prepare', 'cancel']);
    expect(published.at(-1)).toEqual({ status: 'error', message: 'EACCES: permission denied' });
  });

  it('cancels the quit on a later installation error', () => {
    const updater = fakeUpdater();
    const { controller, quit } = setup(updater.port);
    driveToReady(controller);
    controller.install();
    controller.handleEvent('error', new Error('Code signature at URL did not pass validation'));
    expect(quit).toEqual(['prepare', 'cancel']);
    expect(controller.getState().status).toBe('error');
  });
});

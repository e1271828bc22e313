import { resolve } from 'node:path';
import { app } from 'electron';
import type { Logger } from '../notifications/logger';
import { protocolClientRegistration } from './launch-args';

/**
 * Registers this executable as the handler of `lastro://` links. Installers register the scheme
 * too (`protocols` in electron-builder.yml), so this mainly covers development runs, where the
 * Electron executable must be registered with the app's path as its argument.
 */
export function registerProtocolClient(log: Logger): void {
  const registration = protocolClientRegistration({
    defaultApp: process.defaultApp === true,
    execPath: process.execPath,
    argv: process.argv,
    resolvePath: (path) => resolve(path),
  });
  if (!registration.ok) {
    log.warn('lastro:// links not registered', { reason: registration.reason });
    return;
  }
  const { scheme, executable } = registration;
  const registered =
    executable === undefined
      ? app.setAsDefaultProtocolClient(scheme)
      : app.setAsDefaultProtocolClient(scheme, executable.path, executable.args);
  if (registered) {
    log.info('registered as the handler of lastro:// links', { packaged: app.isPackaged });
  } else {
    log.warn('the operating system rejected the lastro:// registration; links open only through the installer registration');
  }
}

import { resolve } from 'node:path';
import { app } from 'electron';
import type { Logger } from '../notifications/logger';
import { DEV_PROTOCOL_ENV, protocolClientRegistration } from './launch-args';

/**
 * Registers this executable as the handler of `lastro://` links. The macOS and Linux packages
 * also declare the scheme (`protocols` in electron-builder.yml), and the Windows installer writes
 * it (resources/installer.nsh). Registering at each start takes back a handler another program took.
 */
export function registerProtocolClient(log: Logger): void {
  const registration = protocolClientRegistration({
    defaultApp: process.defaultApp === true,
    platform: process.platform,
    devOptIn: process.env[DEV_PROTOCOL_ENV],
    execPath: process.execPath,
    argv: process.argv,
    resolvePath: (path) => resolve(path),
  });
  if (!registration.ok) {
    log.info('lastro:// links not registered', { reason: registration.reason });
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

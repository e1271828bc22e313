import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import log from 'electron-log/main';
import { isTrustedSender } from '../security-policy';
import { invokeChannel } from './channels';
import type { IpcHandlerName, IpcHandlers } from './handlers';

/**
 * Registers every handler of the map with `ipcMain.handle`. Calls from any frame other than
 * the main frame of the app page are rejected before their arguments are read.
 */
export function registerIpcHandlers(handlers: IpcHandlers, appEntryUrl: () => string): void {
  const names = Object.keys(handlers) as IpcHandlerName[];
  for (const name of names) {
    const handler = handlers[name];
    ipcMain.handle(invokeChannel(name), (event: IpcMainInvokeEvent, ...rawArgs: unknown[]) => {
      const frame = event.senderFrame;
      const sender = { url: frame?.url ?? '', isMainFrame: frame !== null && frame.parent === null };
      if (!isTrustedSender(sender, appEntryUrl())) {
        log.warn('rejected IPC call from an untrusted frame', { handler: name, url: sender.url });
        throw new Error(`IPC call ${name} rejected: the sender is not the Lastro window`);
      }
      try {
        const result: unknown = handler.invoke(rawArgs);
        if (result instanceof Promise) {
          return result.catch((error: unknown) => {
            log.warn('IPC call failed', { handler: name, error: String(error) });
            throw error;
          });
        }
        return result;
      } catch (error) {
        log.warn('IPC call failed', { handler: name, error: String(error) });
        throw error;
      }
    });
  }
}

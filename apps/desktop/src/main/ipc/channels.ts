/** IPC channel names, shared by the main process and the preload so neither spells them by hand. */

const CHANNEL_PREFIX = 'lastro:';

/** Channel of an `ipcMain.handle` handler, for example "lastro:invoke:getConfig". */
export function invokeChannel(name: string): string {
  return `${CHANNEL_PREFIX}invoke:${name}`;
}

/** Channel of an event the main process sends to the renderer, for example "lastro:event:navigate". */
export function eventChannel(name: string): string {
  return `${CHANNEL_PREFIX}event:${name}`;
}

import type { Device } from '@lastro/protocol';
import type { LastroBridge } from '../../preload/bridge';
import { webDevice } from './device';

declare global {
  interface Window {
    /** The Electron bridge; absent in the web terminal. */
    lastro?: LastroBridge;
  }
}

/** Runtime of the renderer (desktop or web) and what it needs to reach the server. */
export interface Platform {
  kind: 'desktop' | 'web';
  serverUrl: string;
  device: Device;
  /** The Electron bridge, only on the desktop. */
  bridge: LastroBridge | undefined;
}

/**
 * Resolves the platform. The desktop app takes the server and device from the main process.
 * The web terminal talks to the origin that served it and keeps a per-browser device id.
 */
export async function resolvePlatform(): Promise<Platform> {
  const bridge = window.lastro;
  if (bridge !== undefined) {
    const config = await bridge.getConfig();
    return { kind: 'desktop', serverUrl: config.serverUrl, device: config.device, bridge };
  }
  return {
    kind: 'web',
    serverUrl: window.location.origin,
    device: webDevice(window.localStorage, navigator.userAgent, () => crypto.randomUUID()),
    bridge: undefined,
  };
}

/**
 * The renderer's only entry point to the sync engine. Everything else imports the engine's
 * types from here, so the engine can change behind one module.
 */
import { createLastroClient, type ConnectionState, type LastroClient, type SyncState } from '@lastro/engine';
import { getRxStorageDexie } from '@lastro/engine/storage-dexie';
import type { Platform } from '../platform';

export type { ConnectionState, LastroClient, SyncState };
export type { NotificationTrackingUpdate, PreferencesPatch } from '@lastro/engine';

type StoreValue<S> = S extends { getState(): infer T } ? T : never;

/** One operation of the outbox as the engine reports it: queued, in flight, or with its result. */
export type PendingOperation = StoreValue<LastroClient['pendingOperations']>[number];
/** Wallet balances with the projection of the queued operations, or null before the wallet arrives. */
export type Balances = StoreValue<LastroClient['balances']>;
/** A local change the server replaced with its own version, with what each side had. */
export type OverruledChange = StoreValue<LastroClient['overruled']>[number];

/**
 * Creates the engine client for this platform, storing data in IndexedDB through Dexie.
 * RxDB dev-mode stays off: its ajv validation compiles schemas with `new Function`, which the
 * CSP forbids, and in a browser it loads a frame from the RxDB website.
 */
export function openClient(platform: Platform): LastroClient {
  return createLastroClient({
    serverUrl: platform.serverUrl,
    storage: getRxStorageDexie(),
    device: platform.device,
  });
}

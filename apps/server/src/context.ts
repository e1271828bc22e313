import type { Logger } from 'pino';
import type { CollabHub } from './collab/hub.js';
import type { PixOutConfirmer } from './commands/pix-out-confirmer.js';
import type { Store } from './db/store.js';
import type { Metrics } from './metrics.js';
import type { SyncHub } from './sync/hub.js';

/** Services and settings that request and socket handlers share for the life of one server. */
export interface ServerContext {
  store: Store;
  logger: Logger;
  metrics: Metrics;
  sync: SyncHub;
  /** Shared documents and presence of the `/collab` socket, and its tickets. */
  collab: CollabHub;
  /** Simulated PIX provider that confirms accepted `pixOut` commands. */
  pixOut: PixOutConfirmer;
  /** Bearer secret the PIX provider sends on webhook calls. Never logged. */
  webhookSecret: string;
  /** Folder of the built web terminal, or undefined when none was configured. */
  webRoot: string | undefined;
}

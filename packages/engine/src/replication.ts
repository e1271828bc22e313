import { Subject } from 'rxjs';
import type { RxReplicationPullStreamItem, WithDeleted } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import {
  COLLECTIONS,
  COLLECTION_NAMES,
  parseWireDocuments,
  type Checkpoint,
  type CollectionDocs,
  type CollectionName,
  type PullResultFrame,
  type PushResultFrame,
} from '@lastro/protocol';
import { LastroError } from './errors.js';
import type { LastroDatabase } from './database.js';
import type { EngineLogger } from './logger.js';
import type { SyncConnection } from './sync-connection.js';

/** Documents per pull request; the loan book (600+ loans) arrives in two pulls. */
export const PULL_BATCH_SIZE = 500;
/** Rows per push request, within the protocol's `MAX_PUSH_ROWS`. */
export const PUSH_BATCH_SIZE = 50;
/**
 * Milliseconds RxDB waits before calling a failed handler again. Handlers wait for the socket
 * to be online, so this only bounds how soon a request that failed on a disconnect is retried.
 */
export const REPLICATION_RETRY_MS = 1_000;

type AnyReplicationState = RxReplicationState<CollectionDocs[CollectionName], Checkpoint>;

/** The running replications of one user's database. */
export interface Replications {
  /** Resolves once every collection finished its first pull. */
  awaitInitialSync(): Promise<void>;
  /** Cancels every replication and detaches from the connection. */
  cancel(): Promise<void>;
}

export interface ReplicationOptions {
  database: LastroDatabase;
  connection: SyncConnection;
  /** Identifies the server in RxDB's replication metadata, so a new server URL starts a fresh checkpoint. */
  serverUrl: string;
  logger: EngineLogger;
  /** Called with the highest sequence seen for a collection, from pulls and live changes. */
  onCheckpoint(collection: CollectionName, seq: number): void;
}

function validatedDocuments<C extends CollectionName>(collection: C, documents: readonly unknown[]): WithDeleted<CollectionDocs[C]>[] {
  const parsed = parseWireDocuments(collection, documents);
  if (!parsed.ok) {
    throw new LastroError('internal', `the server sent an invalid ${collection} document: ${parsed.message}`, {
      field: parsed.field,
    });
  }
  return parsed.value as WithDeleted<CollectionDocs[C]>[];
}

/**
 * Starts `replicateRxCollection` for every replicated collection over the one sync socket.
 * The pull handler sends `pull` frames. `stream$` carries live `changes` frames and a `RESYNC`
 * after every `ready`, so a reconnect pulls from the stored checkpoint and leaves no gap.
 * Push is set only for client-writable collections.
 */
export function startReplications(options: ReplicationOptions): Replications {
  const { database, connection, logger } = options;
  const streams = new Map<CollectionName, Subject<RxReplicationPullStreamItem<any, Checkpoint>>>();
  const states: AnyReplicationState[] = [];

  for (const collection of COLLECTION_NAMES) {
    const stream = new Subject<RxReplicationPullStreamItem<any, Checkpoint>>();
    streams.set(collection, stream);
    const writable = (COLLECTIONS[collection].owner as string) === 'client';

    const state = replicateRxCollection<any, Checkpoint>({
      replicationIdentifier: `lastro-sync-${collection}-${options.serverUrl}`,
      collection: database.collections[collection],
      live: true,
      retryTime: REPLICATION_RETRY_MS,
      waitForLeadership: false,
      pull: {
        batchSize: PULL_BATCH_SIZE,
        stream$: stream.asObservable(),
        handler: async (checkpoint, batchSize) => {
          await connection.whenOnline();
          const result = await connection.request<PullResultFrame>({
            type: 'pull',
            collection,
            checkpoint: checkpoint ?? null,
            limit: batchSize,
          });
          if (result.collection !== collection) {
            throw new LastroError('internal', `pull of ${collection} returned documents of ${result.collection}`);
          }
          const documents = validatedDocuments(collection, result.documents);
          const last = documents.at(-1);
          if (last !== undefined) options.onCheckpoint(collection, last.seq);
          return { documents, checkpoint: result.checkpoint ?? checkpoint ?? undefined };
        },
      },
      // NOTE: no collection is client-writable yet, so this push path has not run against the server.
      push: writable
        ? {
            batchSize: PUSH_BATCH_SIZE,
            handler: async (rows) => {
              await connection.whenOnline();
              const result = await connection.request<PushResultFrame>({
                type: 'push',
                collection,
                rows: rows as never,
              });
              return validatedDocuments(collection, result.conflicts);
            },
          }
        : undefined,
    });
    state.error$.subscribe((error) => {
      logger.info('replication request failed; RxDB retries it', { collection, error: error.message });
    });
    states.push(state);
  }

  const stopReady = connection.onReady(() => {
    for (const stream of streams.values()) stream.next('RESYNC');
  });
  const stopChanges = connection.onChanges((changes) => {
    const last = changes.documents.at(-1);
    if (last !== undefined) options.onCheckpoint(changes.collection, Math.max(last.seq, changes.checkpoint.seq));
    streams.get(changes.collection)?.next({ documents: changes.documents, checkpoint: changes.checkpoint });
  });

  return {
    async awaitInitialSync() {
      await Promise.all(states.map((state) => state.awaitInitialReplication()));
    },
    async cancel() {
      stopReady();
      stopChanges();
      await Promise.all(states.map((state) => state.cancel()));
      for (const stream of streams.values()) stream.complete();
    },
  };
}

import { Subject } from 'rxjs';
import type { RxCollection, RxReplicationPullStreamItem, WithDeleted } from 'rxdb';
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

/**
 * Resolves once RxDB's upstream of `state` has nothing in progress: every push sent so far
 * has its response and RxDB has stored it as the document's last known server state.
 *
 * RxDB 17.6 chains all upstream work on `internalReplicationState.streamQueue.up`, and its
 * downstream does not overwrite a document whose local change the upstream has not confirmed
 * yet. The server publishes the result of a command before it responds to the push that
 * carried it. Waiting here hands that result to the downstream only after the response was
 * recorded, so correctness does not depend on the timing of RxDB's internal queues.
 * NOTE: with memory storage the integration tests also pass without this wait, so they do not
 * prove that it is needed. They prove only that it does not stall the stream.
 */
async function upstreamSettled(state: AnyReplicationState): Promise<void> {
  await queueSettled(() => state.internalReplicationState?.streamQueue.up);
}

/** Resolves once RxDB's downstream of `state` has applied everything handed to it so far. */
async function downstreamSettled(state: AnyReplicationState): Promise<void> {
  await queueSettled(() => state.internalReplicationState?.streamQueue.down);
}

/** Waits until the promise chain that `read` returns stops growing and has settled. */
async function queueSettled(read: () => Promise<unknown> | undefined): Promise<void> {
  let queue = read();
  while (queue !== undefined) {
    await queue.catch(() => undefined);
    const next = read();
    if (next === queue) return;
    queue = next;
  }
}

/**
 * Drops the documents that are older (lower `seq`) than the version already stored locally.
 * The server sends every change in order, but a pull's response may overtake or follow the
 * `changes` frames around it, and RxDB's downstream writes whatever version it receives.
 */
async function withoutOlderVersions(collection: RxCollection<any>, documents: { id: string; seq: number }[]): Promise<typeof documents> {
  if (documents.length === 0) return documents;
  const stored = await collection.findByIds(documents.map((document) => document.id)).exec();
  return documents.filter((document) => {
    const local = stored.get(document.id) as { seq: number } | undefined;
    return local === undefined || local.seq <= document.seq;
  });
}

/** Runs tasks one after another, in call order. */
function createSerialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>) => {
    const result = tail.then(task);
    tail = result.catch(() => undefined);
    return result;
  };
}

/** The running replications of one user's database. */
export interface Replications {
  /** Resolves once every collection finished its first pull. */
  awaitInitialSync(): Promise<void>;
  /** Resolves once the pulls started by the latest reconnect finished and no push is waiting. */
  awaitCaughtUp(): Promise<void>;
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
  /** Called after the server responded to a push of `rows` documents. */
  onPushed?(collection: CollectionName, rows: number): void;
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
  const streams = new Map<CollectionName, (item: RxReplicationPullStreamItem<any, Checkpoint>) => Promise<void>>();
  const subjects: Subject<RxReplicationPullStreamItem<any, Checkpoint>>[] = [];
  const states: AnyReplicationState[] = [];

  for (const collection of COLLECTION_NAMES) {
    const stream = new Subject<RxReplicationPullStreamItem<any, Checkpoint>>();
    subjects.push(stream);
    const writable = (COLLECTIONS[collection].owner as string) === 'client';
    // Live changes reach RxDB one at a time, in arrival order, each after the previous one and
    // any running pull were applied, so an older version never overwrites a newer one. Those of
    // a client-writable collection also wait until the upstream has settled (see upstreamSettled).
    const deliver = createSerialQueue();
    const pushOneAtATime = createSerialQueue();
    streams.set(collection, (item) =>
      deliver(async () => {
        if (writable) await upstreamSettled(state);
        await downstreamSettled(state);
        if (item === 'RESYNC') {
          stream.next(item);
          return;
        }
        const documents = await withoutOlderVersions(database.collections[collection] as RxCollection<any>, item.documents);
        stream.next({ documents, checkpoint: item.checkpoint });
      }).catch((error: unknown) => logger.error('applying live changes failed', { collection, error: String(error) })),
    );

    const state: AnyReplicationState = replicateRxCollection<any, Checkpoint>({
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
          if (writable) await upstreamSettled(state);
          const last = documents.at(-1);
          if (last !== undefined) options.onCheckpoint(collection, last.seq);
          return { documents, checkpoint: result.checkpoint ?? checkpoint ?? undefined };
        },
      },
      // RxDB retries a failed push with the same rows, so a command keeps its id on every attempt.
      // RxDB runs one upstream write at a time per collection. It splits a write of more than
      // `batchSize` rows into batches and sends those concurrently, so the queue sends them in turn.
      push: writable
        ? {
            batchSize: PUSH_BATCH_SIZE,
            handler: (rows) =>
              pushOneAtATime(async () => {
                await connection.whenOnline();
                const result = await connection.request<PushResultFrame>({
                  type: 'push',
                  collection,
                  rows: rows.map((row) => ({ assumedMasterState: row.assumedMasterState ?? null, newDocumentState: row.newDocumentState })),
                });
                if (result.collection !== collection) {
                  throw new LastroError('internal', `the response to a push of ${collection} names ${result.collection}`);
                }
                options.onPushed?.(collection, rows.length);
                return validatedDocuments(collection, result.conflicts);
              }),
          }
        : undefined,
    });
    state.error$.subscribe((error) => {
      logger.info('replication request failed; RxDB retries it', { collection, error: error.message });
    });
    states.push(state);
  }

  let latestResync: Promise<unknown> = Promise.resolve();
  const resyncAll = (): void => {
    latestResync = Promise.all([...streams.values()].map((deliver) => deliver('RESYNC')));
  };
  const stopReady = connection.onReady(resyncAll);
  const stopResync = connection.onResyncNeeded(resyncAll);
  const stopChanges = connection.onChanges((changes) => {
    const last = changes.documents.at(-1);
    if (last !== undefined) options.onCheckpoint(changes.collection, Math.max(last.seq, changes.checkpoint.seq));
    void streams.get(changes.collection)?.({ documents: changes.documents, checkpoint: changes.checkpoint });
  });

  return {
    async awaitInitialSync() {
      await Promise.all(states.map((state) => state.awaitInitialReplication()));
    },
    async awaitCaughtUp() {
      await latestResync;
      await Promise.all(states.map((state) => state.awaitInSync()));
    },
    async cancel() {
      stopReady();
      stopResync();
      stopChanges();
      await Promise.all(states.map((state) => state.cancel()));
      for (const subject of subjects) subject.complete();
    },
  };
}

import { createServer as createNetServer } from 'node:net';
import type { DestinationStream } from 'pino';
import {
  App,
  us_listen_socket_close,
  us_socket_local_port,
  type TemplatedApp,
  type us_listen_socket,
} from 'uWebSockets.js';
import { CLOSE_CODES, type LoanDoc, type LoanStatus } from '@lastro/protocol';
import { ChangeSet } from './changes.js';
import { CollabHub } from './collab/hub.js';
import { resolveCollabOptions, type CollabOptions } from './collab/options.js';
import { createCollabBehavior } from './collab/socket.js';
import type { NewLoan } from './db/loans.js';
import { notifyChanges } from './notifications/collect.js';
import { DEFAULT_PIX_OUT_CONFIRM_DELAY_MS, PixOutConfirmer } from './commands/pix-out-confirmer.js';
import type { ServerContext } from './context.js';
import { openDatabase } from './db/database.js';
import { createSqliteStore } from './db/store.js';
import { seedDemoData } from './demo/seed.js';
import { startSimulator, type Simulator } from './demo/simulator.js';
import { startDigestScheduler } from './notifications/digest.js';
import { registerRoutes } from './http/routes.js';
import { createLogger } from './logger.js';
import { createMetrics } from './metrics.js';
import { createSyncBehavior, DEFAULT_SYNC_LIMITS, type SyncLimits } from './sync/connection.js';
import { SyncHub } from './sync/hub.js';

export { verifyLedger, type LedgerVerification } from './ledger/verify.js';
export { openDatabase, DATABASE_FILE } from './db/database.js';
export { createSqliteStore, type Store } from './db/store.js';
export type { SyncLimits } from './sync/connection.js';
export type { CollabOptions } from './collab/options.js';

/** Webhook secret used with `demo: true` when none is configured. Never use it in production. */
export const DEMO_WEBHOOK_SECRET = 'lastro-demo-webhook-secret';

/** Options of {@link startServer}. */
export interface ServerOptions {
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** TCP port; 0 picks a free port. Default 8787. */
  port?: number;
  /** Folder of the SQLite database, created when missing. */
  dataDir: string;
  /** Seed demo data into an empty database, and run the market simulator unless `simulator` is false. */
  demo?: boolean;
  /** Run the market simulator; defaults to `demo`. */
  simulator?: boolean;
  /** Bearer secret of the PIX webhook. Required unless `demo` is set, which falls back to the demo secret. */
  webhookSecret?: string;
  /** Folder of the built web terminal served at `/app/`. */
  webRoot?: string;
  /** pino level; default "info". */
  logLevel?: string;
  /** Destination of the JSON logs; default stdout. */
  logDestination?: DestinationStream;
  /** Overrides of the sync socket limits, for tests. */
  syncLimits?: Partial<SyncLimits>;
  /** Milliseconds the simulated PIX provider takes to confirm an accepted `pixOut`; default 1500. */
  pixOutConfirmDelayMs?: number;
  /** Overrides of the `/collab` socket settings, such as a short ticket lifetime for tests. */
  collab?: Partial<CollabOptions>;
}

/** A running server. */
export interface RunningServer {
  /** Base URL, such as http://127.0.0.1:8787. */
  url: string;
  port: number;
  /**
   * Stops the simulator, closes sockets with 1001, stops listening, compacts the loaded shared
   * documents and closes the database.
   */
  close(): Promise<void>;
  /**
   * Sets a loan's status in one transaction and publishes the change to the sync sockets, as
   * the market simulator does. Returns the updated loan, or undefined for an unknown id.
   */
  updateLoanStatus(loanId: string, status: LoanStatus): LoanDoc | undefined;
  /**
   * Adds a loan request to the book in one transaction and publishes it, as the market
   * simulator does; users whose saved filter matches it are notified. Returns the stored loan.
   */
  createLoan(loan: NewLoan): LoanDoc;
}

/** Raised when the server cannot listen, for example because the port is in use. */
export class ListenError extends Error {
  constructor(
    readonly host: string,
    readonly port: number,
  ) {
    super(`cannot listen on ${host}:${port}: the port is in use or the address is not available; choose another with --port`);
    this.name = 'ListenError';
  }
}

type ListenCallback = (socket: us_listen_socket | false) => void;

/**
 * Listens without SO_REUSEPORT. uWebSockets.js shares ports by default, so a second server on
 * a busy port would start and receive no traffic instead of failing. The native `listen` of
 * @based/uws 6.0.1 accepts (host, port, options, callback), although its index.d.ts omits that
 * overload; the port-in-use test in test/cli.test.ts checks that it works.
 */
function listenExclusive(app: TemplatedApp, host: string, port: number, callback: ListenCallback): void {
  const listen = app.listen as unknown as (host: string, port: number, options: number, callback: ListenCallback) => void;
  listen.call(app, host, port, LIBUS_LISTEN_EXCLUSIVE_PORT, callback);
}

/** `LIBUS_LISTEN_EXCLUSIVE_PORT` of uSockets: bind without SO_REUSEPORT. */
const LIBUS_LISTEN_EXCLUSIVE_PORT = 1;

/**
 * Fails with {@link ListenError} when another process already listens on `host:port`, so a
 * server that cannot listen never creates or seeds a database first. The exclusive listen
 * below still catches a port taken in between.
 */
async function assertPortFree(host: string, port: number): Promise<void> {
  if (port === 0) {
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', () => reject(new ListenError(host, port)));
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve()));
  });
}

/** Milliseconds to wait for sockets to finish their closing handshake on shutdown. */
const SHUTDOWN_GRACE_MS = 2000;

/** Starts the HTTP API, PIX webhook, web terminal, `/sync` and `/collab/*` sockets on one uWebSockets.js app. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 8787;
  const logger = createLogger(options.logLevel ?? 'info', options.logDestination);
  const demo = options.demo ?? false;

  let webhookSecret = options.webhookSecret;
  if (webhookSecret === undefined || webhookSecret === '') {
    if (!demo) {
      throw new Error('missing PIX webhook secret: set LASTRO_PIX_WEBHOOK_SECRET, or start with --demo to use the demo secret');
    }
    logger.warn('using the demo PIX webhook secret; set LASTRO_PIX_WEBHOOK_SECRET outside demos');
    webhookSecret = DEMO_WEBHOOK_SECRET;
  }

  const pixOutConfirmDelayMs = options.pixOutConfirmDelayMs ?? DEFAULT_PIX_OUT_CONFIRM_DELAY_MS;
  if (!Number.isSafeInteger(pixOutConfirmDelayMs) || pixOutConfirmDelayMs < 0) {
    throw new Error(`invalid pixOutConfirmDelayMs ${pixOutConfirmDelayMs}: use a whole number of milliseconds, 0 or more`);
  }

  const collabOptions = resolveCollabOptions(options.collab);

  await assertPortFree(host, port);
  const db = openDatabase(options.dataDir, logger);
  const store = createSqliteStore(db);
  const metrics = createMetrics();
  const sync = new SyncHub(logger, metrics);
  const pixOut = new PixOutConfirmer(store, sync, logger.child({ component: 'pix-out' }), pixOutConfirmDelayMs);
  const collab = new CollabHub(store, logger.child({ component: 'collab' }), collabOptions);
  const ctx: ServerContext = { store, logger, metrics, sync, collab, pixOut, webhookSecret, webRoot: options.webRoot };

  let simulator: Simulator | undefined;
  let digests: { stop(): void } | undefined;
  let listenSocket: us_listen_socket | undefined;
  try {
    if (demo) {
      await seedDemoData(store, logger);
    }
    const app = App();
    sync.attach(app);
    collab.attach(app);
    app.ws('/sync', createSyncBehavior(ctx, { ...DEFAULT_SYNC_LIMITS, ...options.syncLimits }));
    app.ws('/collab/*', createCollabBehavior(ctx, collab));
    registerRoutes(app, ctx);

    listenSocket = await new Promise<us_listen_socket>((resolve, reject) => {
      listenExclusive(app, host, port, (socket) => (socket === false ? reject(new ListenError(host, port)) : resolve(socket)));
    });
    const boundPort = us_socket_local_port(listenSocket as never);
    const url = `http://${host}:${boundPort}`;
    if (options.simulator ?? demo) {
      simulator = startSimulator(store, sync, logger);
    }
    pixOut.rescheduleBlocked();
    digests = startDigestScheduler(store, sync, logger.child({ component: 'digest' }));
    logger.info({ url, host, port: boundPort, dataDir: options.dataDir, demo, webRoot: options.webRoot ?? null }, 'listening');

    let closing: Promise<void> | undefined;
    const close = (): Promise<void> => {
      closing ??= (async () => {
        simulator?.stop();
        digests?.stop();
        pixOut.stop();
        if (listenSocket !== undefined) {
          us_listen_socket_close(listenSocket);
        }
        sync.closeAll(CLOSE_CODES.goingAway, 'server shutting down');
        collab.closeAll(CLOSE_CODES.goingAway, 'server shutting down');
        const deadline = Date.now() + SHUTDOWN_GRACE_MS;
        while ((sync.openCount > 0 || collab.openCount > 0) && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        app.close();
        // Every applied update is already stored; stopping compacts and frees the loaded documents.
        collab.stop();
        store.close();
        logger.info({ url }, 'server stopped');
      })();
      return closing;
    };
    const updateLoanStatus = (loanId: string, status: LoanStatus): LoanDoc | undefined => {
      const changes = store.transaction(() => {
        const changes = new ChangeSet();
        const loan = store.loans.findById(loanId);
        const updated =
          loan === undefined ? undefined : store.loans.update(loanId, { funded: loan.funded, status, updatedAt: new Date().toISOString() });
        if (updated !== undefined) {
          changes.addLoan(updated, loan);
        }
        notifyChanges(store, changes, new Date());
        return changes;
      });
      sync.publish(changes);
      return changes.loans.get(loanId);
    };
    const createLoan = (loan: NewLoan): LoanDoc => {
      const changes = store.transaction(() => {
        const changes = new ChangeSet();
        changes.addLoan(store.loans.insert(loan), 'created');
        notifyChanges(store, changes, new Date());
        return changes;
      });
      sync.publish(changes);
      return changes.loans.get(loan.id)!;
    };
    return { url, port: boundPort, close, updateLoanStatus, createLoan };
  } catch (error) {
    simulator?.stop();
    digests?.stop();
    pixOut.stop();
    collab.stop();
    store.close();
    throw error;
  }
}

import { performance } from 'node:perf_hooks';
import { nowMs } from '../common/clock.js';
import { ClientWorker } from '../common/worker-client.js';
import type {
  MainToSubscriber,
  MainToWriter,
  SubscriberToMain,
  SubscriberWorkerData,
  WriterToMain,
  WriterWorkerData,
} from './messages.js';
import type { CollabTarget } from './targets.js';

type SubscriberWorker = ClientWorker<SubscriberToMain, MainToSubscriber>;
type WriterWorker = ClientWorker<WriterToMain, MainToWriter>;

const CONNECT_CONCURRENCY = 50;
const PREPARE_TIMEOUT_MS = 30_000;
const CLOSE_TIMEOUT_MS = 15_000;

export interface RunSettings {
  subscribers: number;
  workers: number;
  window: number;
  connectTimeoutMs: number;
  roundTimeoutMs: number;
}

/** Figures of one measured round. */
export interface RoundFigures {
  /** From the first update handed to the writer's socket until the last subscriber received the last update. */
  roundMs: number;
  /** Delivery latency of every (update, subscriber) pair: received minus sent, in milliseconds. */
  latenciesMs: Float64Array;
  /** Active time of this thread, which runs the servers, from the start message until both reports arrived. */
  serverBusyMs: number;
  /** Length of the window `serverBusyMs` was measured in. */
  serverWindowMs: number;
  /** Active time of the subscriber threads during the round, summed over them. */
  subscriberBusyMs: number;
  /** Smallest and largest update message the writer sent, in bytes. */
  messageBytes: [number, number];
}

/** One server's connected workers: its subscriber threads and its writer thread. */
export class TargetRun {
  connectMs = 0;
  error: string | null = null;
  readonly measured: RoundFigures[] = [];
  private readonly subscriberWorkers: SubscriberWorker[] = [];
  private writer: WriterWorker | null = null;
  private roundsStarted = 0;

  constructor(
    readonly target: CollabTarget,
    private readonly settings: RunSettings,
  ) {}

  get name(): string {
    return this.target.name;
  }

  /** Connects the subscribers in their threads, then the writer and its pacer. Rejects when any of them cannot connect. */
  async connect(): Promise<void> {
    const { subscribers } = this.settings;
    const workerCount = Math.min(this.settings.workers, subscribers);
    const perWorker = Math.floor(subscribers / workerCount);
    const started = nowMs();
    let firstIndex = 0;
    for (let index = 0; index < workerCount; index += 1) {
      const share = index === workerCount - 1 ? subscribers - firstIndex : perWorker;
      const workerData: SubscriberWorkerData = {
        endpoint: this.target.endpoint,
        subscribers: share,
        firstIndex,
        connectConcurrency: CONNECT_CONCURRENCY,
      };
      this.subscriberWorkers.push(new ClientWorker(new URL('./subscriber-worker.js', import.meta.url), workerData));
      firstIndex += share;
    }
    await Promise.all(
      this.subscriberWorkers.map((worker) =>
        worker.waitFor(
          (message) => (message.type === 'connected' ? true : undefined),
          this.settings.connectTimeoutMs,
          `${subscribers} subscribers to connect to ${this.name}`,
        ),
      ),
    );

    const writerData: WriterWorkerData = { endpoint: this.target.endpoint, tokenIndex: subscribers, window: this.settings.window };
    this.writer = new ClientWorker(new URL('./writer-worker.js', import.meta.url), writerData);
    await this.writer.waitFor(
      (message) => (message.type === 'connected' ? true : undefined),
      this.settings.connectTimeoutMs,
      `the writer and pacer to connect to ${this.name}`,
    );
    this.connectMs = nowMs() - started;
  }

  /**
   * Sends `updates` updates and waits until every subscriber received them. The round's figures
   * are kept when `measured` is true. Rejects on a failure, a wrong relayed text or a timeout.
   */
  async runRound(updates: number, measured: boolean): Promise<void> {
    const writer = this.writer;
    if (writer === null) {
      throw new Error(`${this.name} is not connected.`);
    }
    this.roundsStarted += 1;
    const round = this.roundsStarted;

    const writerPrepared = writer.waitFor(
      (message) => (message.type === 'prepared' && message.round === round ? message.messageBytes : undefined),
      PREPARE_TIMEOUT_MS,
      `the writer to prepare round ${round} for ${this.name}`,
    );
    const subscribersPrepared = this.allSubscribers(
      (message) => (message.type === 'prepared' && message.round === round ? true : undefined),
      PREPARE_TIMEOUT_MS,
      `the subscribers to prepare round ${round} for ${this.name}`,
    );
    writer.post({ type: 'prepare', round, updates });
    for (const worker of this.subscriberWorkers) {
      worker.post({ type: 'prepare', round, updates });
    }
    const [messageBytes] = await Promise.all([writerPrepared, subscribersPrepared]);

    const description = `every subscriber of ${this.name} to receive the ${updates} updates of round ${round}`;
    const received = this.allSubscribers(
      (message) => (message.type === 'round-done' && message.round === round ? message : undefined),
      this.settings.roundTimeoutMs,
      description,
    );
    const sent = writer.waitFor(
      (message) => (message.type === 'round-sent' && message.round === round ? message : undefined),
      this.settings.roundTimeoutMs,
      `the pacer of ${this.name} to receive the ${updates} updates of round ${round}`,
    );
    const utilizationBefore = performance.eventLoopUtilization();
    writer.post({ type: 'start', round });
    const [reports, sentReport] = await Promise.all([received, sent]);
    const utilization = performance.eventLoopUtilization(utilizationBefore);

    if (!sentReport.textMatches) {
      throw new Error(`Round ${round}: the notes text the pacer rebuilt from ${this.name}'s relayed updates differs from the writer's.`);
    }
    if (measured) {
      this.measured.push(figuresOf(sentReport.sentAt, reports, updates, utilization, messageBytes));
    }
  }

  /** Closes every socket and stops the threads. Failures are reported, not raised. */
  async close(): Promise<void> {
    const closing: Promise<void>[] = this.subscriberWorkers.map((worker) => closeWorker(worker, this.name));
    if (this.writer !== null) {
      closing.push(closeWorker(this.writer, this.name));
    }
    await Promise.all(closing);
  }

  private allSubscribers<T>(accept: (message: SubscriberToMain) => T | undefined, timeoutMs: number, description: string): Promise<T[]> {
    return Promise.all(this.subscriberWorkers.map((worker) => worker.waitFor(accept, timeoutMs, description)));
  }
}

/** Asks a worker to close its sockets, waits for it to confirm, then stops the thread. */
async function closeWorker<Incoming extends { type: string }>(worker: ClientWorker<Incoming, { type: 'close' }>, name: string): Promise<void> {
  const closed = worker.waitFor((message) => (message.type === 'closed' ? true : undefined), CLOSE_TIMEOUT_MS, `${name}'s sockets to close`);
  worker.post({ type: 'close' });
  await closed.catch((error: unknown) => process.stderr.write(`collab-relay: ${error instanceof Error ? error.message : String(error)}\n`));
  await worker.terminate();
}

function figuresOf(
  sentAt: Float64Array,
  reports: Extract<SubscriberToMain, { type: 'round-done' }>[],
  updates: number,
  utilization: { active: number; idle: number },
  messageBytes: [number, number],
): RoundFigures {
  const deliveries = reports.reduce((total, report) => total + report.sockets, 0) * updates;
  const latenciesMs = new Float64Array(deliveries);
  let lastReceivedAt = Number.NEGATIVE_INFINITY;
  let next = 0;
  for (const report of reports) {
    for (let socket = 0; socket < report.sockets; socket += 1) {
      for (let update = 0; update < updates; update += 1) {
        const receivedAt = report.receivedAt[socket * updates + update] as number;
        latenciesMs[next] = receivedAt - (sentAt[update] as number);
        next += 1;
        if (receivedAt > lastReceivedAt) {
          lastReceivedAt = receivedAt;
        }
      }
    }
  }
  return {
    roundMs: lastReceivedAt - (sentAt[0] as number),
    latenciesMs,
    serverBusyMs: utilization.active,
    serverWindowMs: utilization.active + utilization.idle,
    subscriberBusyMs: reports.reduce((total, report) => total + report.busyMs, 0),
    messageBytes,
  };
}

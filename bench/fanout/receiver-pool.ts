import { Worker } from 'node:worker_threads';
import type { MainToReceiver, ReceiverToMain, ReceiverWorkerData } from './messages.js';
import type { FanoutTarget } from './targets.js';

const CONNECT_CONCURRENCY = 50;

type Listener = (message: ReceiverToMain, worker: number) => void;

/** The receiver worker threads of one target, which share its client sockets between them. */
export class ReceiverPool {
  private readonly workers: Worker[] = [];
  private readonly listeners = new Set<Listener>();

  constructor(target: FanoutTarget, clients: number, workerCount: number) {
    const perWorker = Math.floor(clients / workerCount);
    for (let index = 0; index < workerCount; index += 1) {
      const share = index === workerCount - 1 ? clients - perWorker * (workerCount - 1) : perWorker;
      const workerData: ReceiverWorkerData = {
        kind: target.clientKind,
        url: target.url,
        token: target.token,
        clients: share,
        connectConcurrency: CONNECT_CONCURRENCY,
      };
      const worker = new Worker(new URL('./receiver-worker.js', import.meta.url), { workerData });
      worker.on('message', (message: ReceiverToMain) => this.dispatch(message, index));
      worker.on('error', (error) => this.dispatch({ type: 'failed', message: error.stack ?? error.message }, index));
      this.workers.push(worker);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /** Calls `listener` with every message of every worker until the returned function is called. */
  listen(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves with one message per worker that matches `accept`. Rejects when a worker fails or after `timeoutMs`. */
  collect<T extends ReceiverToMain>(accept: (message: ReceiverToMain) => message is T, timeoutMs: number, description: string): Promise<T[]> {
    return new Promise((resolve, reject) => {
      const collected = new Map<number, T>();
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${description} (${collected.size} of ${this.size} receiver threads done).`));
      }, timeoutMs);
      const stop = this.listen((message, worker) => {
        if (message.type === 'failed') {
          clearTimeout(timer);
          stop();
          reject(new Error(`Receiver thread ${worker} failed: ${message.message}`));
          return;
        }
        if (!accept(message)) {
          return;
        }
        collected.set(worker, message);
        if (collected.size === this.size) {
          clearTimeout(timer);
          stop();
          resolve([...collected.values()]);
        }
      });
    });
  }

  /** Closes every socket, then stops the worker threads. */
  async close(): Promise<void> {
    const closed = this.collect(
      (message): message is Extract<ReceiverToMain, { type: 'closed' }> => message.type === 'closed',
      30_000,
      'the sockets to close',
    );
    for (const worker of this.workers) {
      worker.postMessage({ type: 'close' } satisfies MainToReceiver);
    }
    await closed.catch(() => undefined);
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private dispatch(message: ReceiverToMain, worker: number): void {
    for (const listener of [...this.listeners]) {
      listener(message, worker);
    }
  }
}

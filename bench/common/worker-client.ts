import { Worker } from 'node:worker_threads';

/** Messages every benchmark client worker may send besides its own. */
export type WorkerFailure = { type: 'failed'; message: string };

/**
 * A worker thread running one engine client, with a way to wait for the messages it posts.
 * RxDB's free edition limits the collections one JavaScript process may open, so every
 * engine client of a benchmark lives in its own thread.
 */
export class ClientWorker<Incoming extends { type: string }, Outgoing> {
  private readonly worker: Worker;
  private readonly waiters = new Set<(message: Incoming | WorkerFailure) => void>();
  private failure: string | null = null;

  constructor(url: URL, workerData: unknown) {
    this.worker = new Worker(url, { workerData });
    this.worker.on('message', (message: Incoming | WorkerFailure) => {
      if (message.type === 'failed') {
        this.failure = (message as WorkerFailure).message;
      }
      for (const waiter of [...this.waiters]) {
        waiter(message);
      }
    });
    this.worker.on('error', (error) => {
      this.failure = error.stack ?? error.message;
      for (const waiter of [...this.waiters]) {
        waiter({ type: 'failed', message: this.failure });
      }
    });
  }

  post(message: Outgoing): void {
    this.worker.postMessage(message);
  }

  /** Resolves with the first value `accept` returns for a message. Rejects when the worker fails or after `timeoutMs`. */
  waitFor<T>(accept: (message: Incoming) => T | undefined, timeoutMs: number, description: string): Promise<T> {
    return new Promise((resolve, reject) => {
      if (this.failure !== null) {
        reject(new Error(`Client worker failed: ${this.failure}`));
        return;
      }
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${description}.`));
      }, timeoutMs);
      const waiter = (message: Incoming | WorkerFailure): void => {
        if (message.type === 'failed') {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          reject(new Error(`Client worker failed: ${(message as WorkerFailure).message}`));
          return;
        }
        const value = accept(message as Incoming);
        if (value !== undefined) {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(value);
        }
      };
      this.waiters.add(waiter);
    });
  }

  async terminate(): Promise<void> {
    await this.worker.terminate();
  }
}

/** Formats an error with its stack for a `failed` message. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.stack ?? error.message : String(error);
}

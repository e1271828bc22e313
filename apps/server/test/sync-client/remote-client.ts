import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import type { PixOutRequest, PreferencesPatch, UserSummary } from '@lastro/engine';
import type { RemoteCall, RemoteClientOptions, RemoteReply, RemoteSnapshot } from './remote-client-protocol.js';

const WORKER_ENTRY = fileURLToPath(new URL('./remote-client-worker.ts', import.meta.url));

let bundled: Promise<string> | null = null;

const BUNDLE_PREFIX = 'lastro-remote-client-';

/** Removes bundles left by test processes that have ended, because a killed process skips its exit handlers. */
function removeStaleBundles(): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(BUNDLE_PREFIX)) continue;
    const pid = Number(name.slice(BUNDLE_PREFIX.length).split('-')[0]);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch {
      rmSync(join(tmpdir(), name), { force: true });
    }
  }
}

/**
 * Bundles the worker entry with the engine into one ES module in the temp folder, because
 * worker threads run JavaScript and the workspace packages export TypeScript source.
 */
function bundleWorker(): Promise<string> {
  bundled ??= (async () => {
    removeStaleBundles();
    const outfile = join(tmpdir(), `${BUNDLE_PREFIX}${process.pid}-${createHash('sha1').update(readFileSync(WORKER_ENTRY)).digest('hex').slice(0, 8)}.mjs`);
    if (existsSync(outfile)) return outfile;
    await build({
      entryPoints: [WORKER_ENTRY],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      // `ws` loads these optional native helpers only when they are installed.
      external: ['bufferutil', 'utf-8-validate'],
      // Bundled CommonJS dependencies call require(); give the ES module one.
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
      logLevel: 'warning',
    });
    process.once('exit', () => rmSync(outfile, { force: true }));
    return outfile;
  })();
  return bundled;
}

/** A real engine client in its own worker thread, with its own RxDB collections. */
export class RemoteClient {
  private nextCallId = 0;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private exited = false;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: RemoteReply) => {
      const entry = this.pending.get(reply.callId);
      if (entry === undefined) return;
      this.pending.delete(reply.callId);
      if (reply.ok) {
        entry.resolve(reply.value);
      } else {
        entry.reject(Object.assign(new Error(reply.error.message), { kind: reply.error.kind, field: reply.error.field }));
      }
    });
    const failAll = (error: Error): void => {
      this.exited = true;
      for (const entry of this.pending.values()) entry.reject(error);
      this.pending.clear();
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`the client worker exited with code ${code}`)));
  }

  static async start(options: RemoteClientOptions): Promise<RemoteClient> {
    const file = await bundleWorker();
    return new RemoteClient(new Worker(file, { workerData: options }));
  }

  login(email: string, password: string): Promise<UserSummary> {
    return this.call({ method: 'login', email, password }) as Promise<UserSummary>;
  }

  invest(loanId: string, amount: number): Promise<string> {
    return this.call({ method: 'invest', loanId, amount }) as Promise<string>;
  }

  pixOut(request: PixOutRequest): Promise<string> {
    return this.call({ method: 'pixOut', request }) as Promise<string>;
  }

  updatePreferences(patch: PreferencesPatch): Promise<void> {
    return this.call({ method: 'updatePreferences', patch }) as Promise<void>;
  }

  setNetworkAvailable(online: boolean): Promise<void> {
    return this.call({ method: 'setNetworkAvailable', online }) as Promise<void>;
  }

  snapshot(): Promise<RemoteSnapshot> {
    return this.call({ method: 'snapshot' }) as Promise<RemoteSnapshot>;
  }

  /**
   * Resolves with the first snapshot that satisfies `predicate`, asking the worker again after
   * each response. Rejects after `timeoutMs` showing the last snapshot's connection state.
   */
  async waitFor(predicate: (snapshot: RemoteSnapshot) => boolean, timeoutMs = 15_000, what = 'the expected state'): Promise<RemoteSnapshot> {
    const deadline = Date.now() + timeoutMs;
    let last = await this.snapshot();
    while (!predicate(last)) {
      if (Date.now() > deadline) {
        throw new Error(`the worker client did not reach ${what} in ${timeoutMs} ms; connection ${last.connection}, ${last.commands.length} commands`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
      last = await this.snapshot();
    }
    return last;
  }

  /** Closes the client's database and ends the worker. */
  async close(): Promise<void> {
    if (this.exited) return;
    try {
      await this.call({ method: 'close' });
    } finally {
      await this.worker.terminate();
    }
  }

  private call(call: RemoteCall): Promise<unknown> {
    if (this.exited) return Promise.reject(new Error('the client worker has exited'));
    this.nextCallId += 1;
    const callId = this.nextCallId;
    return new Promise((resolve, reject) => {
      this.pending.set(callId, { resolve, reject });
      this.worker.postMessage({ callId, call });
    });
  }
}

// Cold sync benchmark: a server contains N loans, and a fresh engine client (empty RxDB
// database) logs in. The figure is the time from the login call until its loans store
// contains every loan.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeMachine, loadAverage1m } from '../common/machine.js';
import { DEMO_PASSWORD, WATCHED_INVESTOR_EMAIL } from '../common/lastro-http.js';
import { readIntegerOptions } from '../common/options.js';
import { startServerProcess, type ServerProcess } from '../common/server-process.js';
import { formatTable, round, summarize, type Summary } from '../common/stats.js';
import { ClientWorker } from '../common/worker-client.js';
import { fillLoanBook } from './loan-book.js';
import type { ColdSyncClientData, ColdSyncResult, ColdSyncToMain, MainToColdSync } from './messages.js';

const options = readIntegerOptions('cold-sync', {
  loans: { flag: 'loans', env: 'BENCH_LOANS', defaultValue: 10_000, description: 'loans in the server database' },
  runs: { flag: 'runs', env: 'BENCH_RUNS', defaultValue: 5, description: 'measured runs, each with a fresh client and empty database' },
  warmup: { flag: 'warmup', env: 'BENCH_WARMUP', defaultValue: 1, min: 0, description: 'runs before measuring' },
  timeoutMs: {
    flag: 'timeout-ms',
    env: 'BENCH_TIMEOUT_MS',
    defaultValue: 60_000,
    description: 'time one client may take to receive every loan before the run fails, in milliseconds',
  },
});

const SERVER_ENTRY = process.env.LASTRO_SERVER_ENTRY ?? fileURLToPath(new URL('../../../apps/server/dist/main.js', import.meta.url));

async function syncOnce(serverUrl: string): Promise<ColdSyncResult> {
  const workerData: ColdSyncClientData = {
    serverUrl,
    email: WATCHED_INVESTOR_EMAIL,
    password: DEMO_PASSWORD,
    expectedLoans: options.loans,
    timeoutMs: options.timeoutMs,
  };
  const worker = new ClientWorker<ColdSyncToMain, MainToColdSync>(new URL('./client-worker.js', import.meta.url), workerData);
  try {
    return await worker.waitFor(
      (message) => (message.type === 'synced' ? message.result : undefined),
      options.timeoutMs + 10_000,
      `a fresh client to sync ${options.loans} loans`,
    );
  } finally {
    const closed = worker.waitFor((message) => (message.type === 'closed' ? true : undefined), 10_000, 'the client to close');
    worker.post({ type: 'close' });
    await closed.catch(() => undefined);
    await worker.terminate();
  }
}

async function main(): Promise<void> {
  const machine = describeMachine();
  const dataDir = await mkdtemp(join(tmpdir(), 'lastro-bench-cold-sync-'));
  let server: ServerProcess | null = null;
  try {
    // The first start seeds the demo users and loan book; the book is then filled up to --loans.
    server = await startServerProcess(SERVER_ENTRY, dataDir);
    await server.stop();
    server = null;
    const loans = fillLoanBook(dataDir, options.loans);
    if (loans !== options.loans) {
      throw new Error(`The database contains ${loans} loans, expected ${options.loans}: the demo loan book alone is larger, so pass a larger --loans.`);
    }
    server = await startServerProcess(SERVER_ENTRY, dataDir);
    process.stderr.write(`cold-sync: server ${server.url} (pid ${server.pid}) with ${loans} loans\n`);

    const results: ColdSyncResult[] = [];
    for (let run = 1; run <= options.warmup + options.runs; run += 1) {
      const result = await syncOnce(server.url);
      process.stderr.write(`cold-sync: ${run <= options.warmup ? 'warm-up' : 'run'} ${run}: ${round(result.loansMs)} ms\n`);
      if (run > options.warmup) {
        results.push(result);
      }
    }

    const figures: Array<[string, Summary]> = [
      ['login call -> login resolved', summarize(results.map((result) => result.loginMs))],
      [`login call -> ${options.loans} loans in the store`, summarize(results.map((result) => result.loansMs))],
      ['login call -> initial sync done', summarize(results.map((result) => result.initialSyncMs))],
    ];
    process.stdout.write(
      `${formatTable(
        ['time (ms)', 'runs', 'p50', 'max', 'min'],
        figures.map(([name, summary]) => [name, summary.count, round(summary.p50), round(summary.max), round(summary.min)]),
      )}\n`,
    );
    const json = {
      benchmark: 'cold-sync',
      date: new Date().toISOString(),
      machine: { ...machine, loadAverage1mAtEnd: loadAverage1m() },
      options,
      runs: results.map((result) => ({
        loginMs: round(result.loginMs, 3),
        loansMs: round(result.loansMs, 3),
        initialSyncMs: round(result.initialSyncMs, 3),
        loans: result.loans,
      })),
      loansMs: (([, summary]) => ({ p50: round(summary.p50, 3), max: round(summary.max, 3), min: round(summary.min, 3) }))(figures[1]!),
    };
    process.stdout.write(`${JSON.stringify(json)}\n`);
  } catch (error) {
    process.stderr.write(`cold-sync failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    if (server !== null) {
      process.stderr.write(`last server output:\n${server.recentOutput()}\n`);
    }
    process.exitCode = 1;
  } finally {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();

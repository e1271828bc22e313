// Outbox flush benchmark: a real engine client queues N invest commands while offline, then
// goes online. The figure is the time until the server's result of every command is back in
// the client's local RxDB database.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatPixAmount } from '@lastro/domain';
import { describeMachine, loadAverage1m } from '../common/machine.js';
import {
  benchDevice,
  createDeposit,
  DEMO_PASSWORD,
  DEMO_WEBHOOK_SECRET,
  login,
  pixWebhookRequest,
  WATCHED_INVESTOR_EMAIL,
} from '../common/lastro-http.js';
import { readIntegerOptions } from '../common/options.js';
import { startServerProcess, type ServerProcess } from '../common/server-process.js';
import { formatTable, round, summarize } from '../common/stats.js';
import { ClientWorker } from '../common/worker-client.js';
import type { FlushResult, MainToOutbox, OutboxClientData, OutboxToMain } from './messages.js';

const options = readIntegerOptions('outbox-flush', {
  commands: { flag: 'commands', env: 'BENCH_COMMANDS', defaultValue: 1000, description: 'invest commands queued while offline' },
  runs: { flag: 'runs', env: 'BENCH_RUNS', defaultValue: 3, description: 'measured runs, each with a fresh client' },
  amountCentavos: {
    flag: 'amount-centavos',
    env: 'BENCH_AMOUNT_CENTAVOS',
    defaultValue: 2500,
    description: 'centavos of each invest command (the minimum investment is 2500)',
  },
  timeoutMs: {
    flag: 'timeout-ms',
    env: 'BENCH_TIMEOUT_MS',
    defaultValue: 60_000,
    description: 'time each wait of a run may take before the run fails, in milliseconds',
  },
});

const SERVER_ENTRY = process.env.LASTRO_SERVER_ENTRY ?? fileURLToPath(new URL('../../../apps/server/dist/main.js', import.meta.url));

/** Credits the investor with one PIX of `centavos`, through a charge and the PIX webhook. */
async function fundInvestor(serverUrl: string, token: string, centavos: number): Promise<void> {
  const deposit = await createDeposit(serverUrl, token);
  const request = pixWebhookRequest(serverUrl, deposit.txid, formatPixAmount(centavos), DEMO_WEBHOOK_SECRET);
  const response = await fetch(request.url, request.init);
  const body = await response.text();
  if (response.status !== 200) {
    throw new Error(`POST /webhooks/pix returned ${response.status}, expected 200: ${body}`);
  }
}

async function runOnce(server: ServerProcess, token: string, run: number): Promise<FlushResult & { queueMs: number; loans: number }> {
  const needed = options.commands * options.amountCentavos;
  await fundInvestor(server.url, token, needed);

  const workerData: OutboxClientData = {
    serverUrl: server.url,
    email: WATCHED_INVESTOR_EMAIL,
    password: DEMO_PASSWORD,
    commands: options.commands,
    amountCentavos: options.amountCentavos,
    requiredAvailable: needed,
    timeoutMs: options.timeoutMs,
  };
  const worker = new ClientWorker<OutboxToMain, MainToOutbox>(new URL('./client-worker.js', import.meta.url), workerData);
  try {
    const queued = await worker.waitFor(
      (message) => (message.type === 'queued' ? message : undefined),
      options.timeoutMs * 3,
      `run ${run}: the client to queue ${options.commands} commands`,
    );
    const flushed = worker.waitFor(
      (message) => (message.type === 'flushed' ? message.result : undefined),
      options.timeoutMs * 3,
      `run ${run}: the results of ${options.commands} commands`,
    );
    worker.post({ type: 'flush' });
    return { ...(await flushed), queueMs: queued.queueMs, loans: queued.loans };
  } finally {
    const closed = worker.waitFor((message) => (message.type === 'closed' ? true : undefined), 10_000, 'the client to close');
    worker.post({ type: 'close' });
    await closed.catch(() => undefined);
    await worker.terminate();
  }
}

async function main(): Promise<void> {
  const machine = describeMachine();
  const dataDir = await mkdtemp(join(tmpdir(), 'lastro-bench-outbox-'));
  let server: ServerProcess | null = null;
  try {
    server = await startServerProcess(SERVER_ENTRY, dataDir);
    process.stderr.write(`outbox-flush: server ${server.url} (pid ${server.pid})\n`);
    const session = await login(server.url, WATCHED_INVESTOR_EMAIL, benchDevice('funding'));

    const runs: Array<FlushResult & { queueMs: number; loans: number }> = [];
    for (let run = 1; run <= options.runs; run += 1) {
      process.stderr.write(`outbox-flush: run ${run} of ${options.runs}, ${options.commands} commands\n`);
      runs.push(await runOnce(server, session.token, run));
    }

    const rows = runs.map((result, index) => [
      index + 1,
      result.loans,
      round(result.queueMs),
      round(result.onlineMs),
      round(result.allResultsMs),
      round(result.walletSettledMs),
      result.accepted,
      result.rejected,
    ]);
    process.stdout.write(
      `${formatTable(
        ['run', 'loans', 'queue ms', 'online ms', 'all results ms', 'wallet ms', 'accepted', 'rejected'],
        rows,
      )}\n`,
    );
    const allResults = summarize(runs.map((result) => result.allResultsMs));
    process.stdout.write(`\nonline -> all ${options.commands} results in the local store: p50 ${round(allResults.p50)} ms, max ${round(allResults.max)} ms\n`);

    const json = {
      benchmark: 'outbox-flush',
      date: new Date().toISOString(),
      machine: { ...machine, loadAverage1mAtEnd: loadAverage1m() },
      options,
      runs: runs.map((result) => ({
        ...result,
        queueMs: round(result.queueMs, 3),
        onlineMs: round(result.onlineMs, 3),
        allResultsMs: round(result.allResultsMs, 3),
        walletSettledMs: round(result.walletSettledMs, 3),
      })),
      allResultsMs: { p50: round(allResults.p50, 3), max: round(allResults.max, 3), min: round(allResults.min, 3) },
    };
    process.stdout.write(`${JSON.stringify(json)}\n`);
  } catch (error) {
    process.stderr.write(`outbox-flush failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
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

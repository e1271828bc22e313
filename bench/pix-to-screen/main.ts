// PIX-to-screen benchmark: latency from a PIX webhook to the wallet change in a real engine
// client's RxDB database, with N idle authenticated sync sockets connected, and the server's
// memory per connected socket.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type WebSocket from 'ws';
import { nowMs, sleep } from '../common/clock.js';
import { describeMachine, loadAverage1m, type MachineInfo } from '../common/machine.js';
import {
  benchDevice,
  createDeposit,
  DEMO_PASSWORD,
  DEMO_WEBHOOK_SECRET,
  IDLE_INVESTOR_EMAIL,
  login,
  pixWebhookRequest,
  WATCHED_INVESTOR_EMAIL,
} from '../common/lastro-http.js';
import { readIntegerOptions } from '../common/options.js';
import { readRssKiB, startServerProcess, type ServerProcess } from '../common/server-process.js';
import { formatTable, round, summarize, type Summary } from '../common/stats.js';
import { mapWithConcurrency, openAuthenticatedSocket, syncUrl } from '../common/sync-socket.js';
import type { MainToWatched, WatchedClientData, WatchedToMain } from './messages.js';

const options = readIntegerOptions('pix-to-screen', {
  clients: { flag: 'clients', env: 'BENCH_CLIENTS', defaultValue: 1000, min: 0, description: 'idle authenticated sync sockets' },
  webhooks: { flag: 'webhooks', env: 'BENCH_WEBHOOKS', defaultValue: 200, description: 'measured PIX webhooks, sent one after another' },
  warmup: { flag: 'warmup', env: 'BENCH_WARMUP', defaultValue: 5, min: 0, description: 'PIX webhooks sent before measuring' },
  changeTimeoutMs: {
    flag: 'change-timeout-ms',
    env: 'BENCH_CHANGE_TIMEOUT_MS',
    defaultValue: 10_000,
    description: 'time one PIX may take to reach the watched wallet before the run fails, in milliseconds',
  },
  settleMs: {
    flag: 'settle-ms',
    env: 'BENCH_SETTLE_MS',
    defaultValue: 2000,
    min: 0,
    description: 'wait after the sockets connect before reading the server RSS, in milliseconds',
  },
});

const SERVER_ENTRY = process.env.LASTRO_SERVER_ENTRY ?? fileURLToPath(new URL('../../../apps/server/dist/main.js', import.meta.url));
/** Sockets connected before the first RSS reading, so one-time allocations of the first connections are not counted per socket. */
const WARMUP_SOCKETS = 10;
const CONNECT_CONCURRENCY = 50;
/** Amount of every PIX: R$ 250,00. */
const PIX_VALOR = '250.00';
const PIX_CENTAVOS = 25_000;

/** The engine client in its worker thread, with the wallet changes it reported. */
class WatchedClient {
  private readonly worker: Worker;
  private readonly waiters = new Set<(message: WatchedToMain) => void>();
  private failure: string | null = null;

  constructor(serverUrl: string) {
    const workerData: WatchedClientData = { serverUrl, email: WATCHED_INVESTOR_EMAIL, password: DEMO_PASSWORD };
    this.worker = new Worker(new URL('./watched-client-worker.js', import.meta.url), { workerData });
    this.worker.on('message', (message: WatchedToMain) => {
      if (message.type === 'failed') {
        this.failure = message.message;
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

  /** Resolves with the first value `accept` returns for a message. Rejects when the client fails or after `timeoutMs`. */
  waitFor<T>(accept: (message: WatchedToMain) => T | undefined, timeoutMs: number, description: string): Promise<T> {
    return new Promise((resolve, reject) => {
      if (this.failure !== null) {
        reject(new Error(`Watched client failed: ${this.failure}`));
        return;
      }
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${description}.`));
      }, timeoutMs);
      const waiter = (message: WatchedToMain): void => {
        if (message.type === 'failed') {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          reject(new Error(`Watched client failed: ${message.message}`));
          return;
        }
        const value = accept(message);
        if (value !== undefined) {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(value);
        }
      };
      this.waiters.add(waiter);
    });
  }

  async close(): Promise<void> {
    const closed = this.waitFor((message) => (message.type === 'closed' ? true : undefined), 10_000, 'the watched client to close');
    this.worker.postMessage({ type: 'close' } satisfies MainToWatched);
    await closed.catch(() => undefined);
    await this.worker.terminate();
  }
}

interface Measurements {
  idleSockets: number;
  rssBeforeKiB: number;
  rssAfterKiB: number;
  rssPerSocketKiB: number | null;
  /** Webhook request sent -> watched client's wallet change. */
  sentToChangeMs: Summary;
  /** Webhook 200 received -> watched client's wallet change. Negative when the change landed first. */
  responseToChangeMs: Summary;
  /** Webhook request sent -> 200 received. */
  sentToResponseMs: Summary;
  changesBeforeResponse: number;
}

async function connectIdleSockets(url: string, token: string, count: number, sockets: WebSocket[]): Promise<void> {
  const indexes = Array.from({ length: count }, (_, index) => index);
  await mapWithConcurrency(indexes, CONNECT_CONCURRENCY, async () => {
    sockets.push(await openAuthenticatedSocket(url, token));
  });
}

async function measure(server: ServerProcess, sockets: WebSocket[], watchedHolder: { client: WatchedClient | null }): Promise<Measurements> {
  const idleSession = await login(server.url, IDLE_INVESTOR_EMAIL, benchDevice('idle-sockets'));
  const socketUrl = syncUrl(server.url);

  await connectIdleSockets(socketUrl, idleSession.token, WARMUP_SOCKETS, sockets);
  await sleep(options.settleMs);
  const rssBeforeKiB = await readRssKiB(server.pid);

  process.stderr.write(`pix-to-screen: connecting ${options.clients} idle sockets\n`);
  await connectIdleSockets(socketUrl, idleSession.token, options.clients, sockets);
  await sleep(options.settleMs);
  const rssAfterKiB = await readRssKiB(server.pid);

  process.stderr.write('pix-to-screen: starting the watched engine client\n');
  const watched = new WatchedClient(server.url);
  watchedHolder.client = watched;
  let available = await watched.waitFor((message) => (message.type === 'ready' ? message.available ?? 0 : undefined), 60_000, 'the watched client to sync');

  const driverSession = await login(server.url, WATCHED_INVESTOR_EMAIL, benchDevice('webhook-driver'));
  const sentToChange: number[] = [];
  const responseToChange: number[] = [];
  const sentToResponse: number[] = [];

  process.stderr.write(`pix-to-screen: sending ${options.warmup} + ${options.webhooks} PIX webhooks\n`);
  for (let index = 0; index < options.warmup + options.webhooks; index += 1) {
    const deposit = await createDeposit(server.url, driverSession.token);
    const expected = available + PIX_CENTAVOS;
    const request = pixWebhookRequest(server.url, deposit.txid, PIX_VALOR, DEMO_WEBHOOK_SECRET);
    const changed = watched.waitFor(
      (message) => (message.type === 'wallet' && message.available !== null && message.available >= expected ? message : undefined),
      options.changeTimeoutMs,
      `the wallet to reach ${expected} centavos after PIX ${index + 1}`,
    );

    const sentAt = nowMs();
    const response = await fetch(request.url, request.init);
    const respondedAt = nowMs();
    const body = await response.text();
    if (response.status !== 200) {
      throw new Error(`POST /webhooks/pix returned ${response.status}, expected 200: ${body}`);
    }
    const change = await changed;
    available = change.available ?? expected;

    if (index >= options.warmup) {
      sentToChange.push(change.at - sentAt);
      responseToChange.push(change.at - respondedAt);
      sentToResponse.push(respondedAt - sentAt);
    }
  }

  return {
    idleSockets: sockets.length - WARMUP_SOCKETS,
    rssBeforeKiB,
    rssAfterKiB,
    rssPerSocketKiB: options.clients > 0 ? (rssAfterKiB - rssBeforeKiB) / options.clients : null,
    sentToChangeMs: summarize(sentToChange),
    responseToChangeMs: summarize(responseToChange),
    sentToResponseMs: summarize(sentToResponse),
    changesBeforeResponse: responseToChange.filter((value) => value < 0).length,
  };
}

function printResults(result: Measurements, machine: MachineInfo): void {
  const row = (name: string, summary: Summary): (string | number)[] => [
    name,
    summary.count,
    round(summary.p50),
    round(summary.p95),
    round(summary.p99),
    round(summary.max),
    round(summary.min),
  ];
  process.stdout.write(
    `${formatTable(
      ['latency (ms)', 'count', 'p50', 'p95', 'p99', 'max', 'min'],
      [
        row('webhook sent -> RxDB wallet change', result.sentToChangeMs),
        row('webhook 200 -> RxDB wallet change', result.responseToChangeMs),
        row('webhook sent -> 200', result.sentToResponseMs),
      ],
    )}\n`,
  );
  process.stdout.write(
    `\nchanges seen before the 200 arrived: ${result.changesBeforeResponse} of ${result.sentToChangeMs.count}\n` +
      `idle sync sockets: ${result.idleSockets} (+${WARMUP_SOCKETS} before the first reading)\n` +
      `server RSS: ${result.rssBeforeKiB} KiB before, ${result.rssAfterKiB} KiB after, ` +
      `${result.rssPerSocketKiB === null ? 'n/a' : round(result.rssPerSocketKiB)} KiB per socket\n`,
  );

  const roundSummary = (summary: Summary): Record<string, number> =>
    Object.fromEntries(Object.entries(summary).map(([key, value]) => [key, key === 'count' ? value : round(value, 3)]));
  const json = {
    benchmark: 'pix-to-screen',
    date: new Date().toISOString(),
    machine: { ...machine, loadAverage1mAtEnd: loadAverage1m() },
    options,
    idleSockets: result.idleSockets,
    rssBeforeKiB: result.rssBeforeKiB,
    rssAfterKiB: result.rssAfterKiB,
    rssPerSocketKiB: result.rssPerSocketKiB === null ? null : round(result.rssPerSocketKiB, 3),
    sentToChangeMs: roundSummary(result.sentToChangeMs),
    responseToChangeMs: roundSummary(result.responseToChangeMs),
    sentToResponseMs: roundSummary(result.sentToResponseMs),
    changesBeforeResponse: result.changesBeforeResponse,
  };
  process.stdout.write(`${JSON.stringify(json)}\n`);
}

async function main(): Promise<void> {
  const machine = describeMachine();
  const dataDir = await mkdtemp(join(tmpdir(), 'lastro-bench-'));
  const sockets: WebSocket[] = [];
  const watchedHolder: { client: WatchedClient | null } = { client: null };
  let server: ServerProcess | null = null;
  try {
    server = await startServerProcess(SERVER_ENTRY, dataDir);
    process.stderr.write(`pix-to-screen: server ${server.url} (pid ${server.pid})\n`);
    printResults(await measure(server, sockets, watchedHolder), machine);
  } catch (error) {
    process.stderr.write(`pix-to-screen failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    if (server !== null) {
      process.stderr.write(`last server output:\n${server.recentOutput()}\n`);
    }
    process.exitCode = 1;
  } finally {
    await watchedHolder.client?.close();
    for (const socket of sockets) {
      socket.terminate();
    }
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();

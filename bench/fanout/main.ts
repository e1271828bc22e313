// Fan-out benchmark: one loan-status change broadcast to N sockets, timed from the publish
// trigger until the last socket has received it, for the Lastro server, Socket.IO 4 and bare
// uWebSockets.js in one run. The three servers run in this thread with their clients connected
// at the same time, and the broadcasts take turns (Lastro, Socket.IO, uWS, then rotated), so
// load from other processes affects all three alike. Receivers run in worker threads.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { nowMs, sleep } from '../common/clock.js';
import { describeMachine, loadAverage1m, type MachineInfo } from '../common/machine.js';
import { readIntegerOptions } from '../common/options.js';
import { formatTable, round, summarize, type Summary } from '../common/stats.js';
import { startLastro } from './lastro-target.js';
import type { ReceiverToMain } from './messages.js';
import { ReceiverPool } from './receiver-pool.js';
import { startBareUws, startSocketIo, type FanoutTarget } from './targets.js';

const options = readIntegerOptions('fanout', {
  clients: { flag: 'clients', env: 'BENCH_CLIENTS', defaultValue: 1000, description: 'sockets that receive every broadcast' },
  rounds: { flag: 'rounds', env: 'BENCH_ROUNDS', defaultValue: 50, description: 'measured broadcasts per server' },
  warmup: { flag: 'warmup', env: 'BENCH_WARMUP', defaultValue: 5, min: 0, description: 'broadcasts per server sent before measuring' },
  workers: {
    flag: 'workers',
    env: 'BENCH_WORKERS',
    // One core stays free for the server's thread.
    defaultValue: Math.max(1, availableParallelism() - 1),
    description: 'receiver threads per server, which own its client sockets',
  },
  gapMs: { flag: 'gap-ms', env: 'BENCH_GAP_MS', defaultValue: 20, min: 0, description: 'pause between broadcasts, in milliseconds' },
  roundTimeoutMs: {
    flag: 'round-timeout-ms',
    env: 'BENCH_ROUND_TIMEOUT_MS',
    defaultValue: 10_000,
    description: 'time a broadcast may take to reach every socket before that server is marked failed, in milliseconds',
  },
});

const CONNECT_TIMEOUT_MS = 120_000;
const SHUTDOWN_TIMEOUT_MS = 15_000;
/** Estimate of the open files the process needs besides the sockets: worker threads, pipes, the database, libraries. */
const DESCRIPTOR_MARGIN = 500;

/** Broadcast text used when the Lastro run did not supply a real frame. */
const FALLBACK_FRAME = JSON.stringify({
  type: 'changes',
  collection: 'loans',
  documents: [
    {
      id: 'loan-bench-0001',
      borrowerName: 'Marina S.',
      purpose: 'Capital de giro',
      state: 'SP',
      amount: 2_500_000,
      funded: 1_250_000,
      rateMonthlyBps: 189,
      termMonths: 12,
      grade: 'B',
      status: 'funded',
      createdAt: '2026-12-01T12:00:00.000Z',
      updatedAt: '2026-12-04T20:00:00.000Z',
      seq: 101,
      _deleted: false,
    },
  ],
  checkpoint: { seq: 101 },
});

interface TargetRun {
  target: FanoutTarget;
  pool: ReceiverPool;
  connectMs: number;
  /** Broadcasts triggered so far, warm-up included. */
  published: number;
  roundMs: number[];
  /** Time from the trigger until the first socket received each broadcast. */
  firstDeliveryMs: number[];
  /** Time the synchronous trigger call took: for Lastro the database transaction and the publish. */
  triggerCallMs: number[];
  /**
   * Busy time of this thread, which runs the servers (event loop utilisation, so native
   * uWebSockets.js work counts), summed over the measured rounds of this target.
   */
  serverBusyMs: number;
  /** Text of the first broadcast a socket of this target received. */
  sample: string | null;
  error: string | null;
}

interface TargetResult {
  name: string;
  clients: number;
  rounds: number;
  frameBytes: number;
  connectMs: number;
  roundMs: Summary;
  firstDeliveryMs: Summary;
  triggerCallMs: Summary;
  serverBusyMsPerRound: number;
  deliveriesPerSecond: number;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Connects the target's clients in its receiver threads. Rejects when they cannot all connect. */
async function connectTarget(target: FanoutTarget): Promise<TargetRun> {
  const pool = new ReceiverPool(target, options.clients, Math.min(options.workers, options.clients));
  const run: TargetRun = {
    target,
    pool,
    connectMs: 0,
    published: 0,
    roundMs: [],
    firstDeliveryMs: [],
    triggerCallMs: [],
    serverBusyMs: 0,
    sample: null,
    error: null,
  };
  pool.listen((message) => {
    if (message.type === 'sample' && run.sample === null) {
      run.sample = message.frame;
    }
  });

  const started = nowMs();
  await pool.collect(
    (message): message is Extract<ReceiverToMain, { type: 'connected' }> => message.type === 'connected',
    CONNECT_TIMEOUT_MS,
    `${options.clients} sockets to connect to ${target.name}`,
  );
  run.connectMs = nowMs() - started;
  return run;
}

/** Triggers one broadcast and records its timings when `measured` is true. */
async function broadcastOnce(run: TargetRun, frame: string, measured: boolean): Promise<void> {
  run.published += 1;
  const roundNumber = run.published;
  const delivered = run.pool.collect(
    (message): message is Extract<ReceiverToMain, { type: 'round' }> => message.type === 'round' && message.round === roundNumber,
    options.roundTimeoutMs,
    `broadcast ${roundNumber} from ${run.target.name} to reach every socket`,
  );

  const utilizationBefore = performance.eventLoopUtilization();
  const triggeredAt = nowMs();
  run.target.publish(frame);
  const returnedAt = nowMs();
  const reports = await delivered;
  const utilization = performance.eventLoopUtilization(utilizationBefore);

  if (measured) {
    run.roundMs.push(Math.max(...reports.map((report) => report.lastReceivedAt)) - triggeredAt);
    run.firstDeliveryMs.push(Math.min(...reports.map((report) => report.firstReceivedAt)) - triggeredAt);
    run.triggerCallMs.push(returnedAt - triggeredAt);
    run.serverBusyMs += utilization.active;
  }
}

function resultOf(run: TargetRun, frame: string): TargetResult {
  const totalMs = run.roundMs.reduce((total, value) => total + value, 0);
  return {
    name: run.target.name,
    clients: options.clients,
    rounds: run.roundMs.length,
    frameBytes: Buffer.byteLength(run.sample ?? frame),
    connectMs: run.connectMs,
    roundMs: summarize(run.roundMs),
    firstDeliveryMs: summarize(run.firstDeliveryMs),
    triggerCallMs: summarize(run.triggerCallMs),
    serverBusyMsPerRound: run.serverBusyMs / run.roundMs.length,
    deliveriesPerSecond: (options.clients * run.roundMs.length) / (totalMs / 1000),
  };
}

function ratio(numerator: number, denominator: number): number {
  return round(numerator / denominator, 3);
}

function roundSummary(summary: Summary): Summary {
  return Object.fromEntries(Object.entries(summary).map(([key, value]) => [key, key === 'count' ? value : round(value, 3)])) as unknown as Summary;
}

interface RunNotes {
  /** `interleaved`: all servers connected at once, broadcasts in turns. `sequential`: one server after another. */
  schedule: 'interleaved' | 'sequential';
  frameSource: 'lastro' | 'fallback';
  openFileLimit: number;
}

function printResults(results: TargetResult[], errors: Record<string, string>, notes: RunNotes, machine: MachineInfo): void {
  const rows = results.map((result) => [
    result.name,
    result.clients,
    result.rounds,
    result.frameBytes,
    round(result.roundMs.p50),
    round(result.roundMs.p99),
    round(result.roundMs.max),
    round(result.triggerCallMs.p50),
    round(result.firstDeliveryMs.p50),
    round(result.serverBusyMsPerRound),
    Math.round(result.deliveriesPerSecond),
  ]);
  process.stdout.write(
    `${formatTable(['server', 'clients', 'rounds', 'frame B', 'p50 ms', 'p99 ms', 'max ms', 'trigger p50 ms', 'first p50 ms', 'server busy ms', 'deliveries/s'], rows)}\n`,
  );

  const byName = new Map(results.map((result) => [result.name, result]));
  const lastro = byName.get(LASTRO);
  const socketIo = byName.get(SOCKET_IO);
  const bareUws = byName.get(BARE_UWS);
  const ratios =
    lastro === undefined
      ? null
      : {
          deliveriesPerSecondLastroOverSocketIo: socketIo ? ratio(lastro.deliveriesPerSecond, socketIo.deliveriesPerSecond) : null,
          deliveriesPerSecondLastroOverBareUws: bareUws ? ratio(lastro.deliveriesPerSecond, bareUws.deliveriesPerSecond) : null,
          p99LastroOverSocketIo: socketIo ? ratio(lastro.roundMs.p99, socketIo.roundMs.p99) : null,
          p99LastroOverBareUws: bareUws ? ratio(lastro.roundMs.p99, bareUws.roundMs.p99) : null,
        };
  if (ratios !== null) {
    process.stdout.write(
      `\nLastro / Socket.IO: ${ratios.deliveriesPerSecondLastroOverSocketIo ?? 'n/a'}x deliveries/s, ${ratios.p99LastroOverSocketIo ?? 'n/a'}x p99\n` +
        `Lastro / bare uWS:  ${ratios.deliveriesPerSecondLastroOverBareUws ?? 'n/a'}x deliveries/s, ${ratios.p99LastroOverBareUws ?? 'n/a'}x p99\n`,
    );
  }
  for (const [name, message] of Object.entries(errors)) {
    process.stdout.write(`${name} failed: ${message}\n`);
  }

  const json = {
    benchmark: 'fanout',
    date: new Date().toISOString(),
    machine: { ...machine, loadAverage1mAtEnd: loadAverage1m() },
    options,
    ...notes,
    openFileLimit: Number.isFinite(notes.openFileLimit) ? notes.openFileLimit : null,
    results: results.map((result) => ({
      ...result,
      connectMs: round(result.connectMs),
      roundMs: roundSummary(result.roundMs),
      firstDeliveryMs: roundSummary(result.firstDeliveryMs),
      triggerCallMs: roundSummary(result.triggerCallMs),
      serverBusyMsPerRound: round(result.serverBusyMsPerRound, 3),
      deliveriesPerSecond: Math.round(result.deliveriesPerSecond),
    })),
    ratios,
    errors,
  };
  process.stdout.write(`${JSON.stringify(json)}\n`);
}

const LASTRO = 'Lastro';
const SOCKET_IO = 'Socket.IO 4';
const BARE_UWS = 'bare uWebSockets.js';

/** The benchmark's shared state across groups of targets. */
interface RunState {
  errors: Record<string, string>;
  /** Broadcast text for the baselines: Lastro's real frame once it has sent one. */
  frame: string;
  frameSource: 'lastro' | 'fallback';
  results: TargetResult[];
}

/** Returns the soft limit on open files of this process, or Infinity when it cannot be read. */
function openFileLimit(): number {
  try {
    const match = /^Max open files\s+(\d+|unlimited)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
    return match?.[1] === undefined || match[1] === 'unlimited' ? Number.POSITIVE_INFINITY : Number(match[1]);
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** Resolves with `promise`, or rejects after `timeoutMs` so a stuck shutdown cannot hang the run. */
function withTimeout<T>(promise: Promise<T>, timeoutMs: number, description: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${description}.`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function closeRun(run: TargetRun): Promise<void> {
  const name = run.target.name;
  await withTimeout(run.pool.close(), SHUTDOWN_TIMEOUT_MS, `the ${name} receiver threads to stop`).catch((error: unknown) =>
    process.stderr.write(`fanout: ${errorMessage(error)}\n`),
  );
  await withTimeout(run.target.close(), SHUTDOWN_TIMEOUT_MS, `the ${name} server to close`).catch((error: unknown) =>
    process.stderr.write(`fanout: closing ${name} failed: ${errorMessage(error)}\n`),
  );
}

/**
 * Starts a group of targets, connects all their clients, then sends warm-up and measured
 * broadcasts in turns, rotating which target goes first in each round.
 */
async function runGroup(starters: readonly [string, () => Promise<FanoutTarget>][], state: RunState): Promise<void> {
  const runs: TargetRun[] = [];
  try {
    for (const [name, start] of starters) {
      process.stderr.write(`fanout: starting ${name} and connecting its sockets\n`);
      let target: FanoutTarget | null = null;
      try {
        target = await start();
        runs.push(await connectTarget(target));
      } catch (error) {
        state.errors[name] = errorMessage(error);
        process.stderr.write(`fanout: ${name} failed: ${state.errors[name]}\n`);
        await target?.close().catch(() => undefined);
      }
    }

    process.stderr.write(`fanout: broadcasting to ${runs.map((run) => run.target.name).join(', ')}\n`);
    const totalRounds = options.warmup + options.rounds;
    for (let roundIndex = 0; roundIndex < totalRounds; roundIndex += 1) {
      const offset = roundIndex % Math.max(1, runs.length);
      const order = [...runs.slice(offset), ...runs.slice(0, offset)];
      for (const run of order) {
        if (run.error !== null) {
          continue;
        }
        try {
          await broadcastOnce(run, state.frame, roundIndex >= options.warmup);
        } catch (error) {
          run.error = errorMessage(error);
          state.errors[run.target.name] = run.error;
          process.stderr.write(`fanout: ${run.target.name} failed: ${run.error}\n`);
        }
        // Round 0 starts with Lastro, so the baselines send exactly the bytes Lastro sent.
        if (run.target.name === LASTRO && state.frameSource === 'fallback' && run.sample !== null) {
          state.frame = run.sample;
          state.frameSource = 'lastro';
        }
        if (options.gapMs > 0) {
          await sleep(options.gapMs);
        }
      }
    }

    for (const run of runs) {
      if (run.error === null && run.roundMs.length > 0) {
        state.results.push(resultOf(run, state.frame));
      }
    }
  } finally {
    for (const run of runs) {
      await closeRun(run);
    }
  }
}

async function main(): Promise<void> {
  const machine = describeMachine();
  const starters: [string, () => Promise<FanoutTarget>][] = [
    [LASTRO, startLastro],
    [SOCKET_IO, startSocketIo],
    [BARE_UWS, startBareUws],
  ];

  // Each connected client costs two descriptors in this process: its own and the server's.
  const descriptorsForAll = starters.length * 2 * options.clients + DESCRIPTOR_MARGIN;
  const limit = openFileLimit();
  const schedule: 'interleaved' | 'sequential' = descriptorsForAll <= limit ? 'interleaved' : 'sequential';
  process.stderr.write(
    `fanout: ${options.clients} sockets per server, ${options.rounds} measured broadcasts (+${options.warmup} warm-up) per server, ` +
      `receiver threads per server: ${options.workers}, schedule: ${schedule}\n`,
  );
  if (schedule === 'sequential') {
    process.stderr.write(
      `fanout: connecting all servers' sockets at once needs about ${descriptorsForAll} open files but the limit is ${limit}, ` +
        'so the servers run one after another; raise it with "ulimit -n" to interleave them\n',
    );
  }

  const state: RunState = { errors: {}, frame: FALLBACK_FRAME, frameSource: 'fallback', results: [] };
  if (schedule === 'interleaved') {
    await runGroup(starters, state);
  } else {
    for (const starter of starters) {
      await runGroup([starter], state);
    }
  }

  printResults(state.results, state.errors, { schedule, frameSource: state.frameSource, openFileLimit: limit }, machine);
  process.exitCode = Object.keys(state.errors).length > 0 ? 1 : 0;
}

await main();

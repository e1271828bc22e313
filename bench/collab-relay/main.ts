// Collab relay benchmark: one writer sends small Yjs updates to the notes room of a loan and
// the server relays each to N subscribers of that room, for the Lastro server and
// @y/websocket-server 0.1.1 (the `ws`-based reference server of y-websocket) in one run. Both
// servers run in this thread and all their clients stay connected for the whole run. The rounds
// take turns (Lastro, then the reference, then rotated), so only one server is busy at a time
// and load from other processes affects both alike. Clients run in worker threads.
import { availableParallelism } from 'node:os';
import { sleep } from '../common/clock.js';
import { describeMachine } from '../common/machine.js';
import { readIntegerOptions } from '../common/options.js';
import { printResults, resultOf, type TargetResult } from './report.js';
import { TargetRun } from './target-run.js';
import { startLastro, startReference, type CollabTarget } from './targets.js';

const options = readIntegerOptions('collab-relay', {
  subscribers: { flag: 'subscribers', env: 'BENCH_SUBSCRIBERS', defaultValue: 100, description: 'subscriber sockets per server that receive every update' },
  updates: { flag: 'updates', env: 'BENCH_UPDATES', defaultValue: 1000, description: 'updates the writer sends per round' },
  rounds: { flag: 'rounds', env: 'BENCH_ROUNDS', defaultValue: 5, description: 'measured rounds per server' },
  warmup: { flag: 'warmup', env: 'BENCH_WARMUP', defaultValue: 1, min: 0, description: 'rounds per server before measuring' },
  workers: {
    flag: 'workers',
    env: 'BENCH_WORKERS',
    // One core stays free for the servers' thread.
    defaultValue: Math.max(1, availableParallelism() - 1),
    description: 'subscriber threads per server, which own its subscriber sockets',
  },
  window: {
    flag: 'window',
    env: 'BENCH_WINDOW',
    defaultValue: 100,
    description: 'updates the writer may have in flight, counted until the pacer socket received them',
  },
  gapMs: { flag: 'gap-ms', env: 'BENCH_GAP_MS', defaultValue: 200, min: 0, description: 'pause after each round, in milliseconds' },
  roundTimeoutMs: {
    flag: 'round-timeout-ms',
    env: 'BENCH_ROUND_TIMEOUT_MS',
    defaultValue: 60_000,
    description: 'time one round may take before that server is marked failed, in milliseconds',
  },
});

const CONNECT_TIMEOUT_MS = 120_000;
const SHUTDOWN_TIMEOUT_MS = 20_000;
/** Time the process may stay alive after printing, for example for a timer of a failed wait. */
const EXIT_GRACE_MS = 2_000;

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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
  await withTimeout(run.close(), SHUTDOWN_TIMEOUT_MS, `the ${run.name} client threads to stop`).catch((error: unknown) =>
    process.stderr.write(`collab-relay: ${errorMessage(error)}\n`),
  );
  await withTimeout(run.target.close(), SHUTDOWN_TIMEOUT_MS, `the ${run.name} server to close`).catch((error: unknown) =>
    process.stderr.write(`collab-relay: closing ${run.name} failed: ${errorMessage(error)}\n`),
  );
}

async function main(): Promise<void> {
  const machine = describeMachine();
  const starters: [string, () => Promise<CollabTarget>][] = [
    ['Lastro', startLastro],
    ['@y/websocket-server 0.1.1', startReference],
  ];
  const errors: Record<string, string> = {};
  const runs: TargetRun[] = [];
  const settings = {
    subscribers: options.subscribers,
    workers: options.workers,
    window: options.window,
    connectTimeoutMs: CONNECT_TIMEOUT_MS,
    roundTimeoutMs: options.roundTimeoutMs,
  };
  process.stderr.write(
    `collab-relay: ${options.subscribers} subscribers per server, ${options.updates} updates per round, ` +
      `${options.rounds} measured rounds (+${options.warmup} warm-up), subscriber threads per server: ${options.workers}, window: ${options.window}\n`,
  );

  try {
    for (const [name, start] of starters) {
      process.stderr.write(`collab-relay: starting ${name} and connecting its clients\n`);
      let target: CollabTarget | null = null;
      try {
        target = await start();
        const run = new TargetRun(target, settings);
        runs.push(run);
        await run.connect();
      } catch (error) {
        errors[name] = errorMessage(error);
        process.stderr.write(`collab-relay: ${name} failed: ${errors[name]}\n`);
        const failed = runs.find((run) => run.target === target);
        if (failed !== undefined) {
          failed.error = errors[name];
        } else {
          await target?.close().catch(() => undefined);
        }
      }
    }

    const totalRounds = options.warmup + options.rounds;
    for (let roundIndex = 0; roundIndex < totalRounds; roundIndex += 1) {
      const offset = roundIndex % runs.length;
      const order = [...runs.slice(offset), ...runs.slice(0, offset)];
      for (const run of order) {
        if (run.error !== null) {
          continue;
        }
        try {
          await run.runRound(options.updates, roundIndex >= options.warmup);
        } catch (error) {
          run.error = errorMessage(error);
          errors[run.name] = run.error;
          process.stderr.write(`collab-relay: ${run.name} failed: ${run.error}\n`);
        }
        if (options.gapMs > 0) {
          await sleep(options.gapMs);
        }
      }
      process.stderr.write(`collab-relay: round ${roundIndex + 1} of ${totalRounds} done\n`);
    }
  } finally {
    for (const run of runs) {
      await closeRun(run);
    }
  }

  const results: TargetResult[] = runs
    .filter((run) => run.error === null && run.measured.length > 0)
    .map((run) => resultOf(run.name, options.subscribers, options.updates, run.connectMs, run.measured));
  printResults(results, errors, options, machine);
  process.exitCode = Object.keys(errors).length > 0 ? 1 : 0;
  setTimeout(() => {
    process.stderr.write(`collab-relay: resources were still open after the results (${process.getActiveResourcesInfo().join(', ')}); exiting\n`);
    process.exit();
  }, EXIT_GRACE_MS).unref();
}

await main();

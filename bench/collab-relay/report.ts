import { loadAverage1m, type MachineInfo } from '../common/machine.js';
import { formatTable, round, summarize, type Summary } from '../common/stats.js';
import type { RoundFigures } from './target-run.js';

/** Percentiles of the delivery latencies of all measured rounds, in milliseconds. */
export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export interface TargetResult {
  name: string;
  subscribers: number;
  updates: number;
  rounds: number;
  /** Smallest and largest update message the writer sent, in bytes. */
  messageBytes: [number, number];
  connectMs: number;
  roundMs: Summary;
  /** Subscribers × updates × rounds divided by the summed round times. */
  deliveriesPerSecond: number;
  /** Slowest and fastest single round, in deliveries per second. */
  roundDeliveriesPerSecond: { min: number; max: number };
  latencyMs: LatencySummary;
  /** Share of the time the servers' thread was busy during the rounds, in percent. */
  serverBusyPercent: number;
  /** Busy time of the servers' thread per delivery, in microseconds. */
  serverMicrosPerDelivery: number;
  /** Busy time of the subscriber threads, summed, per delivery, in microseconds. */
  subscriberMicrosPerDelivery: number;
}

/** Returns the nearest-rank percentile `p` of an ascending typed array. */
function percentileOf(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) {
    return Number.NaN;
  }
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}

function latencySummary(rounds: readonly RoundFigures[]): LatencySummary {
  const all = new Float64Array(rounds.reduce((total, figures) => total + figures.latenciesMs.length, 0));
  let offset = 0;
  for (const figures of rounds) {
    all.set(figures.latenciesMs, offset);
    offset += figures.latenciesMs.length;
  }
  all.sort();
  return { count: all.length, p50: percentileOf(all, 50), p99: percentileOf(all, 99), max: percentileOf(all, 100) };
}

export function resultOf(name: string, subscribers: number, updates: number, connectMs: number, rounds: readonly RoundFigures[]): TargetResult {
  const deliveriesPerRound = subscribers * updates;
  const deliveries = deliveriesPerRound * rounds.length;
  const totalMs = rounds.reduce((total, figures) => total + figures.roundMs, 0);
  const serverBusyMs = rounds.reduce((total, figures) => total + figures.serverBusyMs, 0);
  const serverWindowMs = rounds.reduce((total, figures) => total + figures.serverWindowMs, 0);
  const subscriberBusyMs = rounds.reduce((total, figures) => total + figures.subscriberBusyMs, 0);
  const perRound = rounds.map((figures) => deliveriesPerRound / (figures.roundMs / 1000));
  return {
    name,
    subscribers,
    updates,
    rounds: rounds.length,
    messageBytes: [
      Math.min(...rounds.map((figures) => figures.messageBytes[0])),
      Math.max(...rounds.map((figures) => figures.messageBytes[1])),
    ],
    connectMs,
    roundMs: summarize(rounds.map((figures) => figures.roundMs)),
    deliveriesPerSecond: deliveries / (totalMs / 1000),
    roundDeliveriesPerSecond: { min: Math.min(...perRound), max: Math.max(...perRound) },
    latencyMs: latencySummary(rounds),
    serverBusyPercent: (100 * serverBusyMs) / serverWindowMs,
    serverMicrosPerDelivery: (1000 * serverBusyMs) / deliveries,
    subscriberMicrosPerDelivery: (1000 * subscriberBusyMs) / deliveries,
  };
}

function ratio(numerator: number, denominator: number): number {
  return round(numerator / denominator, 3);
}

function roundSummary(summary: Summary): Summary {
  return Object.fromEntries(Object.entries(summary).map(([key, value]) => [key, key === 'count' ? value : round(value, 3)])) as unknown as Summary;
}

/** Prints the results table, the Lastro / reference ratios and one JSON line with every figure. */
export function printResults(results: TargetResult[], errors: Record<string, string>, options: Record<string, number>, machine: MachineInfo): void {
  const rows = results.map((result) => [
    result.name,
    result.subscribers,
    result.updates,
    result.rounds,
    `${result.messageBytes[0]}-${result.messageBytes[1]}`,
    round(result.roundMs.p50),
    Math.round(result.deliveriesPerSecond),
    round(result.latencyMs.p50),
    round(result.latencyMs.p99),
    round(result.serverBusyPercent, 1),
    round(result.serverMicrosPerDelivery, 3),
    round(result.subscriberMicrosPerDelivery, 3),
  ]);
  process.stdout.write(
    `${formatTable(
      ['server', 'subscribers', 'updates', 'rounds', 'msg B', 'round p50 ms', 'deliveries/s', 'latency p50 ms', 'latency p99 ms', 'server busy %', 'server µs/delivery', 'subscriber µs/delivery'],
      rows,
    )}\n`,
  );

  const [lastro, reference] = [results.find((result) => result.name === 'Lastro'), results.find((result) => result.name !== 'Lastro')];
  const ratios =
    lastro === undefined || reference === undefined
      ? null
      : {
          deliveriesPerSecondLastroOverReference: ratio(lastro.deliveriesPerSecond, reference.deliveriesPerSecond),
          serverMicrosPerDeliveryReferenceOverLastro: ratio(reference.serverMicrosPerDelivery, lastro.serverMicrosPerDelivery),
          latencyP99LastroOverReference: ratio(lastro.latencyMs.p99, reference.latencyMs.p99),
        };
  if (ratios !== null) {
    process.stdout.write(
      `\nLastro / reference: ${ratios.deliveriesPerSecondLastroOverReference}x deliveries/s, ` +
        `${ratios.latencyP99LastroOverReference}x latency p99; the reference spends ` +
        `${ratios.serverMicrosPerDeliveryReferenceOverLastro}x Lastro's server time per delivery\n`,
    );
  }
  for (const [name, message] of Object.entries(errors)) {
    process.stdout.write(`${name} failed: ${message}\n`);
  }

  const json = {
    benchmark: 'collab-relay',
    date: new Date().toISOString(),
    machine: { ...machine, loadAverage1mAtEnd: loadAverage1m() },
    options,
    schedule: 'interleaved',
    results: results.map((result) => ({
      ...result,
      connectMs: round(result.connectMs),
      roundMs: roundSummary(result.roundMs),
      deliveriesPerSecond: Math.round(result.deliveriesPerSecond),
      roundDeliveriesPerSecond: {
        min: Math.round(result.roundDeliveriesPerSecond.min),
        max: Math.round(result.roundDeliveriesPerSecond.max),
      },
      latencyMs: { count: result.latencyMs.count, p50: round(result.latencyMs.p50, 3), p99: round(result.latencyMs.p99, 3), max: round(result.latencyMs.max, 3) },
      serverBusyPercent: round(result.serverBusyPercent, 1),
      serverMicrosPerDelivery: round(result.serverMicrosPerDelivery, 3),
      subscriberMicrosPerDelivery: round(result.subscriberMicrosPerDelivery, 3),
    })),
    ratios,
    errors,
  };
  process.stdout.write(`${JSON.stringify(json)}\n`);
}

import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg, release, totalmem, type } from 'node:os';

/** The machine a benchmark ran on, printed with its figures. */
export interface MachineInfo {
  cpuModel: string;
  logicalCpus: number;
  memoryGiB: number;
  node: string;
  os: string;
  /** One-minute load average when the benchmark started, which other processes on the machine raise. */
  loadAverage1mAtStart: number;
}

function cpuModel(): string {
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    return match?.[1]?.trim() ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function describeMachine(): MachineInfo {
  return {
    cpuModel: cpuModel(),
    logicalCpus: availableParallelism(),
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${type()} ${release()}`,
    loadAverage1mAtStart: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}

/** Returns the current one-minute load average, rounded to two decimals. */
export function loadAverage1m(): number {
  return Math.round((loadavg()[0] ?? 0) * 100) / 100;
}

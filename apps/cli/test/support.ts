import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer } from '@lastro/server';

const CLI_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLI_BUNDLE = join(CLI_ROOT, 'dist', 'main.js');

/** Builds dist/main.js with the package's own build script, so the tests run the shipped bundle. */
export function buildCli(): void {
  execFileSync(process.execPath, ['build.mjs'], { cwd: CLI_ROOT, stdio: 'pipe' });
}

export interface DemoServer extends RunningServer {
  stop(): Promise<void>;
}

/** Returns the flags that log `email` in to `serverUrl` with the demo password. */
export function loginArgs(serverUrl: string, email: string): string[] {
  return ['--server', serverUrl, '--email', email, '--password', 'lastro-demo'];
}

/** Starts a demo server on a free port of 127.0.0.1 with a fresh data dir, without the market simulator unless asked. */
export async function startDemoServer(simulator = false): Promise<DemoServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lastro-cli-test-'));
  const logDestination = new Writable({ write: (_chunk, _encoding, callback) => callback() });
  const server = await startServer({ port: 0, dataDir, demo: true, simulator, logLevel: 'warn', logDestination });
  return {
    ...server,
    stop: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Environment without the variables the CLI reads, so flags alone decide each run. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['LASTRO_SERVER_URL', 'LASTRO_EMAIL', 'LASTRO_PASSWORD', 'LASTRO_PIX_WEBHOOK_SECRET', 'LASTRO_DEBUG']) {
    delete env[name];
  }
  return env;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI to completion. */
export function runCli(args: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_BUNDLE, ...args], { env: cleanEnv() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A long-running CLI process whose stdout is read line by line. */
export interface RunningCli {
  child: ChildProcessWithoutNullStreams;
  lines: string[];
  stderr(): string;
  /** Resolves with the line at `index` once it is printed; rejects when the process exits first or after `timeoutMs`. */
  line(index: number, timeoutMs?: number): Promise<string>;
  /** Sends SIGINT and resolves with the exit code. */
  interrupt(): Promise<number | null>;
}

export function spawnCli(args: string[]): RunningCli {
  const child = spawn(process.execPath, [CLI_BUNDLE, ...args], { env: cleanEnv() });
  const lines: string[] = [];
  let buffer = '';
  let stderr = '';
  let exitCode: number | null | undefined;
  const listeners = new Set<() => void>();
  const notify = (): void => {
    for (const listener of [...listeners]) listener();
  };
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    lines.push(...parts.filter((part) => part !== ''));
    notify();
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code) => {
      exitCode = code;
      notify();
      resolve(code);
    }),
  );

  return {
    child,
    lines,
    stderr: () => stderr,
    line: (index, timeoutMs = 30_000) =>
      new Promise<string>((resolve, reject) => {
        const check = (): void => {
          const value = lines[index];
          if (value !== undefined) {
            done();
            resolve(value);
          } else if (exitCode !== undefined) {
            done();
            reject(new Error(`the CLI exited with ${exitCode} before printing line ${index}; stderr: ${stderr}`));
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no line ${index} from the CLI in ${timeoutMs} ms; stderr: ${stderr}`));
        }, timeoutMs);
        const done = (): void => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      }),
    interrupt: () => {
      if (exitCode === undefined) child.kill('SIGINT');
      return exited;
    },
  };
}

/** Creates a PIX charge for `email` through the CLI and returns its txid. */
export async function createCharge(serverUrl: string, email: string): Promise<string> {
  const result = await runCli(['deposit', ...loginArgs(serverUrl, email)]);
  if (result.code !== 0) throw new Error(`lastro deposit failed with ${result.code}: ${result.stderr}`);
  return (JSON.parse(result.stdout) as { txid: string }).txid;
}

/** Parses the CLI's stdout as JSON lines, skipping empty lines. */
export function parseLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

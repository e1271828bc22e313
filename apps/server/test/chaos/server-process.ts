import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPOSITORY_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const SERVER_MAIN = join(REPOSITORY_ROOT, 'apps/server/dist/main.js');
const SOURCE_FOLDERS = ['apps/server/src', 'packages/domain/src', 'packages/protocol/src'].map((folder) => join(REPOSITORY_ROOT, folder));

function newestModification(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestModification(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds `apps/server/dist/main.js` when it is missing or older than a source file it bundles. */
export function buildServerIfStale(): void {
  const built = existsSync(SERVER_MAIN) ? statSync(SERVER_MAIN).mtimeMs : 0;
  const sources = Math.max(...SOURCE_FOLDERS.map(newestModification));
  if (built > sources) return;
  execFileSync('pnpm', ['--filter', '@lastro/server', 'build'], { cwd: REPOSITORY_ROOT, stdio: 'inherit', timeout: 120_000 });
}

/** Returns a port of 127.0.0.1 that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port assigned');
  return address.port;
}

/** The bundled server running as a child process, so a test can kill it with SIGKILL. */
export class ServerProcess {
  private child: ChildProcess | null = null;
  /** The last lines the server printed, for failure messages. */
  readonly output: string[] = [];

  constructor(
    readonly port: number,
    readonly dataDir: string,
    private readonly webhookSecret: string,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the server and resolves once `/healthz` responds with 200. */
  async start(): Promise<void> {
    const child = spawn(
      process.execPath,
      [SERVER_MAIN, '--port', String(this.port), '--demo', '--no-simulator', '--data-dir', this.dataDir, '--log-level', 'warn'],
      { env: { ...process.env, LASTRO_PIX_WEBHOOK_SECRET: this.webhookSecret }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    const keep = (chunk: Buffer): void => {
      this.output.push(...chunk.toString('utf8').split('\n').filter((line) => line.length > 0));
      this.output.splice(0, Math.max(0, this.output.length - 50));
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    await this.waitUntilHealthy(child);
  }

  /** Kills the server at once, as a crash or power cut would, and waits for the process to end. */
  async kill(): Promise<void> {
    await this.stopWith('SIGKILL');
  }

  /** Stops the server gracefully. */
  async stop(): Promise<void> {
    await this.stopWith('SIGTERM');
  }

  private async stopWith(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    this.child = null;
    if (child === null || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    await exited;
  }

  private async waitUntilHealthy(child: ChildProcess): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) {
        throw new Error(`the server exited with code ${child.exitCode}: ${this.output.join('\n')}`);
      }
      try {
        const response = await fetch(`${this.url}/healthz`);
        if (response.status === 200) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`the server did not answer /healthz within 20 s: ${this.output.join('\n')}`);
  }
}

/** Runs `lastro-server verify-ledger` on a data dir and returns its exit code and output. */
export function verifyLedger(dataDir: string): { status: number; output: string } {
  try {
    const output = execFileSync(process.execPath, [SERVER_MAIN, 'verify-ledger', '--data-dir', dataDir], { encoding: 'utf8', timeout: 60_000 });
    return { status: 0, output };
  } catch (error) {
    const failure = error as { status?: number; stdout?: string; stderr?: string };
    return { status: failure.status ?? 1, output: `${failure.stdout ?? ''}${failure.stderr ?? ''}` };
  }
}

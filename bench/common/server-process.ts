import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';

/** A Lastro server running as a child process, so its memory can be read from /proc. */
export interface ServerProcess {
  pid: number;
  /** Base HTTP URL, such as `http://127.0.0.1:40123`. */
  url: string;
  /** Last lines the server wrote, for error messages. */
  recentOutput(): string;
  stop(): Promise<void>;
}

const RECENT_LINES = 30;

/**
 * Starts `node SERVER_ENTRY --port 0 --demo --no-simulator --data-dir DIR` on 127.0.0.1 and
 * resolves once the server logs its `listening` line with the URL.
 */
export async function startServerProcess(serverEntry: string, dataDir: string, timeoutMs = 60_000): Promise<ServerProcess> {
  if (!existsSync(serverEntry)) {
    throw new Error(`Server build not found at ${serverEntry}: build it with "cd apps/server && node build.mjs".`);
  }

  const child: ChildProcess = spawn(
    process.execPath,
    [serverEntry, '--host', '127.0.0.1', '--port', '0', '--demo', '--no-simulator', '--data-dir', dataDir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const recent: string[] = [];
  const remember = (line: string): void => {
    recent.push(line);
    if (recent.length > RECENT_LINES) {
      recent.shift();
    }
  };

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Both pipes are drained for the whole run, so a chatty server never blocks on a full pipe.
  createInterface({ input: child.stderr! }).on('line', remember);
  const stdout = createInterface({ input: child.stdout! });

  const url = await new Promise<string>((resolve, reject) => {
    const onEarlyExit = (code: number | null, signal: NodeJS.Signals | null): void => {
      clearTimeout(timer);
      reject(new Error(`Server exited with ${code ?? signal} before listening:\n${recent.join('\n')}`));
    };
    const timer = setTimeout(() => {
      child.off('exit', onEarlyExit);
      reject(new Error(`Server did not log "listening" within ${timeoutMs} ms:\n${recent.join('\n')}`));
    }, timeoutMs);
    child.once('exit', onEarlyExit);
    stdout.on('line', (line) => {
      remember(line);
      if (!line.includes('"listening"')) {
        return;
      }
      try {
        const entry = JSON.parse(line) as { msg?: string; url?: string };
        if (entry.msg === 'listening' && typeof entry.url === 'string') {
          clearTimeout(timer);
          child.off('exit', onEarlyExit);
          resolve(entry.url.replace(/\/$/, ''));
        }
      } catch {
        // A line that merely contains the word is not the start-up line.
      }
    });
  }).catch(async (error: unknown) => {
    child.kill('SIGKILL');
    await exited;
    throw error;
  });

  return {
    pid: child.pid!,
    url,
    recentOutput: () => recent.join('\n'),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) {
        return;
      }
      const killTimer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(killTimer);
    },
  };
}

/** Reads the resident set size (VmRSS) of a process from /proc, in kibibytes. Linux only. */
export async function readRssKiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  if (match === null) {
    throw new Error(`No VmRSS line in /proc/${pid}/status.`);
  }
  return Number(match[1]);
}

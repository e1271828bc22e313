import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const serverDir = fileURLToPath(new URL('..', import.meta.url));
const mainJs = join(serverDir, 'dist', 'main.js');

/** Environment without the variables the CLI reads, so the host's settings cannot leak in. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.LASTRO_PIX_WEBHOOK_SECRET;
  delete env.LASTRO_WEB_ROOT;
  delete env.LASTRO_LOG_LEVEL;
  return { ...env, ...extra };
}

function run(args: string[], env = cleanEnv()) {
  return spawnSync(process.execPath, [mainJs, ...args], { encoding: 'utf8', env, timeout: 30_000 });
}

/** Starts the server command and resolves with the URL of its "listening" log line. */
function startCommand(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [mainJs, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      for (const line of stdout.split('\n')) {
        if (line.includes('"msg":"listening"')) {
          resolve((JSON.parse(line) as { url: string }).url);
        }
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening: ${stderr}`)));
  });
  // After "listening", an exit rejects this promise on purpose and no caller awaits it.
  listening.catch(() => undefined);
  return { child, listening, exited, output: () => ({ stdout, stderr }) };
}

describe('lastro-server command', () => {
  const dirs: string[] = [];
  const tempDir = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'lastro-cli-test-'));
    dirs.push(dir);
    return dir;
  };

  beforeAll(() => {
    // Always rebuild, so the test never runs a bundle older than src/.
    const build = spawnSync(process.execPath, ['build.mjs'], { cwd: serverDir, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    expect(existsSync(mainJs)).toBe(true);
  }, 60_000);

  afterAll(() => {
    for (const dir of dirs) {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--help lists every flag and variable', () => {
    const result = run(['--help']);

    expect(result.status).toBe(0);
    for (const flag of ['--host', '--port', '--data-dir', '--demo', '--no-simulator', '--log-level', '--web-root', '--help', 'verify-ledger']) {
      expect(result.stdout).toContain(flag);
    }
    for (const variable of ['LASTRO_PIX_WEBHOOK_SECRET', 'LASTRO_WEB_ROOT', 'LASTRO_LOG_LEVEL']) {
      expect(result.stdout).toContain(variable);
    }
  });

  it('refuses to start without a secret outside demo mode', () => {
    const result = run(['--port', '0', '--data-dir', tempDir()]);

    expect(result.status).toBe(2);
    expect(result.stderr).toContain('LASTRO_PIX_WEBHOOK_SECRET');
  });

  it.each([
    [['--bogus'], '--bogus'],
    [['--port', 'abc'], '--port "abc"'],
    [['--port', '70000'], '--port "70000"'],
    [['--log-level', 'loud'], '--log-level "loud"'],
    [['--port'], 'missing value for --port'],
    [['--demo=yes'], '--demo takes no value'],
    [['migrate'], 'unknown command "migrate"'],
  ])('rejects %j with exit 2', (args, message) => {
    const result = run(args);

    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('verify-ledger passes on a demo database and fails on a tampered one', async () => {
    const dataDir = tempDir();
    const started = startCommand(['--demo', '--no-simulator', '--port', '0', '--data-dir', dataDir], cleanEnv());
    const url = await started.listening;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(started.output().stdout).toContain('"msg":"using the demo PIX webhook secret');
    started.child.kill('SIGTERM');
    expect(await started.exited).toBe(0);

    const ok = run(['verify-ledger', '--data-dir', dataDir]);
    expect(ok.stdout).toBe('ledger ok: 2 transactions, 4 wallets\n');
    expect(ok.status).toBe(0);

    const db = new Database(join(dataDir, 'lastro.sqlite'));
    const entry = db.prepare('SELECT id, transaction_id FROM ledger_entries LIMIT 1').get() as { id: string; transaction_id: string };
    db.prepare('UPDATE ledger_entries SET amount = amount - 7 WHERE id = ?').run(entry.id);
    db.close();

    const tampered = run(['verify-ledger', '--data-dir', dataDir]);
    expect(tampered.status).toBe(1);
    expect(tampered.stdout).toContain(`transaction ${entry.transaction_id}`);
  });

  it('verify-ledger without a database exits 2', () => {
    const result = run(['verify-ledger', '--data-dir', tempDir()]);

    expect(result.status).toBe(2);
    expect(result.stderr).toContain('no database');
  });

  it('exits 1 naming the port when it is in use', async () => {
    const first = startCommand(['--port', '0', '--data-dir', tempDir()], cleanEnv({ LASTRO_PIX_WEBHOOK_SECRET: 's3cret' }));
    const url = await first.listening;
    const port = new URL(url).port;

    const secondDataDir = tempDir();
    const second = run(['--port', port, '--demo', '--data-dir', secondDataDir], cleanEnv());

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`port ${port}`);
    expect(second.stderr).toContain('--port');
    // The second server gave up before creating, let alone seeding, a database.
    expect(readdirSync(secondDataDir)).toEqual([]);
  });
});

import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCharge, type DemoServer, loginArgs, runCli, type RunningCli, spawnCli, startDemoServer } from './support.js';

let server: DemoServer;
const running: RunningCli[] = [];

beforeAll(async () => {
  server = await startDemoServer();
}, 60_000);

afterAll(async () => {
  for (const cli of running) await cli.interrupt();
  await server?.stop();
});

/** Finds a port on 127.0.0.1 that nothing listens on, by binding a free port and releasing it. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

const login = (email = 'investidor@lastro.demo'): string[] => loginArgs(server.url, email);

describe('lastro CLI', () => {
  it('watch wallet prints the balance and each PIX', async () => {
    const cli = spawnCli(['watch', 'wallet', ...login()]);
    running.push(cli);
    const first = JSON.parse(await cli.line(0)) as Record<string, unknown>;
    expect(first).toEqual({ available: 161000, blocked: 0, seq: expect.any(Number), formatted: 'R$\u00a01.610,00' });

    const txid = await createCharge(server.url, 'investidor@lastro.demo');
    const pix = await runCli(['pix', 'simulate', '--server', server.url, '--txid', txid, '--valor', '110,00']);
    expect(pix.code).toBe(0);
    expect(JSON.parse(pix.stdout)).toMatchObject({ received: 1, credited: 1, duplicates: 0, suspense: 0 });

    const second = JSON.parse(await cli.line(1)) as Record<string, unknown>;
    expect(second).toEqual({ available: 172000, blocked: 0, seq: expect.any(Number), formatted: 'R$\u00a01.720,00' });
    expect(second.seq as number).toBeGreaterThan(first.seq as number);

    expect(await cli.interrupt()).toBe(0);
  }, 60_000);

  it('loans list prints the loan book', async () => {
    const result = await runCli(['loans', 'list', ...login()]);
    expect(result.code).toBe(0);
    const loans = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(loans.length).toBeGreaterThanOrEqual(500);
    for (const loan of loans) {
      expect(typeof loan.id).toBe('string');
      expect(typeof loan.status).toBe('string');
      expect(Number.isSafeInteger(loan.amount)).toBe(true);
      expect(Number.isSafeInteger(loan.funded)).toBe(true);
    }
  }, 60_000);

  it('loans list filters by status', async () => {
    const result = await runCli(['loans', 'list', '--status', 'open', ...login()]);
    expect(result.code).toBe(0);
    const statuses = new Set(result.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { status: string }).status));
    expect(statuses).toEqual(new Set(['open']));
  }, 60_000);

  it('deposit prints a charge', async () => {
    const result = await runCli(['deposit', '--valor', '500,00', ...login()]);
    expect(result.code).toBe(0);
    const charge = JSON.parse(result.stdout) as Record<string, string>;
    expect(charge.txid).toMatch(/^[a-zA-Z0-9]{26,35}$/);
    expect(typeof charge.brCode).toBe('string');
    expect(Number.isNaN(Date.parse(charge.expiresAt ?? ''))).toBe(false);
  }, 60_000);

  it('pix simulate with a wrong secret exits 1', async () => {
    const txid = await createCharge(server.url, 'investidor@lastro.demo');
    const result = await runCli(['pix', 'simulate', '--server', server.url, '--txid', txid, '--valor', '5,00', '--secret', 'wrong-secret']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`lastro: ${server.url}/webhooks/pix rejected the callback with HTTP 401`);
    expect(result.stdout).toBe('');
  }, 60_000);

  it('pix simulate repeats a payment by its endToEndId', async () => {
    const txid = await createCharge(server.url, 'investidor@lastro.demo');
    const first = await runCli(['pix', 'simulate', '--server', server.url, '--txid', txid, '--valor', '7,00']);
    const { endToEndId } = JSON.parse(first.stdout) as { endToEndId: string };

    const again = await runCli(['pix', 'simulate', '--server', server.url, '--txid', txid, '--valor', '7,00', '--end-to-end-id', endToEndId]);

    expect(JSON.parse(first.stdout)).toMatchObject({ credited: 1, duplicates: 0 });
    expect(endToEndId).toMatch(/^E[0-9A-Za-z]{31}$/);
    expect(JSON.parse(again.stdout)).toEqual({ endToEndId, received: 1, credited: 0, duplicates: 1, suspense: 0 });
    const invalid = await runCli(['pix', 'simulate', '--server', server.url, '--txid', txid, '--valor', '7,00', '--end-to-end-id', 'E123']);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('invalid --end-to-end-id "E123"');
  }, 60_000);

  it('pix simulate explains an unknown txid', async () => {
    const txid = 'NoChargeHasThisTxid0123456789';
    const result = await runCli(['pix', 'simulate', '--server', server.url, '--txid', txid, '--valor', '5,00']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ received: 1, credited: 0, suspense: 1 });
    expect(result.stderr).toContain(`txid ${txid} matches no charge`);
    expect(result.stderr).toContain('suspense account');
  }, 60_000);

  it('bad password exits 1 with the message', async () => {
    const result = await runCli(['loans', 'list', '--server', server.url, '--email', 'investidor@lastro.demo', '--password', 'wrong']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('lastro: login failed for investidor@lastro.demo: invalid e-mail or password\n');
    expect(result.stdout).toBe('');
  });

  it('unreachable server exits 1 with the message', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const result = await runCli(['watch', 'wallet', '--server', url, '--email', 'investidor@lastro.demo', '--password', 'x']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`lastro: cannot reach the server at ${url} (ECONNREFUSED); start it with "pnpm lastro-server --demo"\n`);
  });

  it.each([
    [['watch', 'wallet', '--colour'], 'unknown flag --colour'],
    [['loans', 'list', '--status', 'sold', '--email', 'a@b.c', '--password', 'x'], 'invalid --status "sold"'],
    [['deposit', '--valor', '1,234.56', '--email', 'a@b.c', '--password', 'x'], 'invalid --valor "1,234.56"'],
    [['deposit', '--valor', '-5,00', '--email', 'a@b.c', '--password', 'x'], 'invalid --valor "-5,00": the amount must be greater than zero'],
    [['pix', 'simulate', '--valor', '10,00'], 'missing --txid'],
    [['pix', 'simulate', '--txid', 'abc', '--valor', '10,00', '--email', 'a@b.c'], '"lastro pix simulate" does not take --email'],
    [['watch', 'wallet', '--server', 'ftp://x', '--email', 'a@b.c', '--password', 'x'], 'invalid --server "ftp://x"'],
    [['trade'], 'unknown command "trade"'],
  ])('usage error %j exits 2', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('help exits 0 for each command', async () => {
    for (const args of [['--help'], ['watch', 'wallet', '--help'], ['loans', 'list', '-h'], ['pix', 'simulate', '--help'], ['deposit', '--help']]) {
      const result = await runCli(args);
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.stdout).toContain('lastro');
    }
  }, 60_000);
});

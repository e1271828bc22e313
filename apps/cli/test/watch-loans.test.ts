import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnCli, startDemoServer, type DemoServer, type RunningCli } from './support.js';

let server: DemoServer;
let cli: RunningCli | undefined;

beforeAll(async () => {
  // The market simulator changes a loan every 1 to 2 seconds.
  server = await startDemoServer(true);
}, 60_000);

afterAll(async () => {
  await cli?.interrupt();
  await server?.stop();
});

describe('lastro watch loans', () => {
  it('prints each changed loan', async () => {
    cli = spawnCli(['watch', 'loans', '--server', server.url, '--email', 'investidor@lastro.demo', '--password', 'lastro-demo']);
    const first = JSON.parse(await cli.line(0)) as Record<string, unknown>;
    const second = JSON.parse(await cli.line(1)) as Record<string, unknown>;

    for (const loan of [first, second]) {
      expect(typeof loan.id).toBe('string');
      expect(typeof loan.status).toBe('string');
      expect(Number.isSafeInteger(loan.amount)).toBe(true);
      expect(Number.isSafeInteger(loan.funded)).toBe(true);
      expect(Number.isSafeInteger(loan.seq)).toBe(true);
    }
    expect(second.seq as number).toBeGreaterThan(first.seq as number);
    expect(await cli.interrupt()).toBe(0);
  }, 60_000);
});

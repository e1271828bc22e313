import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseInspector } from './support/inspect.js';
import { login, startTestServer, type TestServer } from './support/server.js';

describe('verifyLedger', () => {
  let server: TestServer;
  let inspector: DatabaseInspector;

  beforeEach(async () => {
    server = await startTestServer({ demo: true, simulator: false });
    inspector = new DatabaseInspector(server.dataDir);
  });

  afterEach(async () => {
    inspector.close();
    await server.stop();
  });

  it('passes on the seeded demo ledger', () => {
    expect(inspector.verify()).toEqual({ ok: true, transactions: 2, wallets: 4 });
  });

  it('names an unbalanced transaction (LEDGER-1)', () => {
    const entry = inspector.db
      .prepare("SELECT id, transaction_id FROM ledger_entries WHERE bucket = 'available' LIMIT 1")
      .get() as { id: string; transaction_id: string };
    inspector.db.prepare('UPDATE ledger_entries SET amount = amount + 1 WHERE id = ?').run(entry.id);

    const result = inspector.verify();

    expect(result.ok).toBe(false);
    const problem = result.ok ? '' : result.problem;
    expect(problem).toContain(`transaction ${entry.transaction_id}`);
    expect(problem).toContain('actual 1');
  });

  it('names a tampered wallet balance (LEDGER-2)', async () => {
    const { user } = await login(server, 'investidor@lastro.demo');
    inspector.db.prepare('UPDATE wallets SET available = available + 500 WHERE user_id = ?').run(user.id);

    const result = inspector.verify();

    expect(result.ok).toBe(false);
    const problem = result.ok ? '' : result.problem;
    expect(problem).toContain(`wallet ${user.id} available`);
    expect(problem).toContain('expected 161000');
    expect(problem).toContain('actual 161500');
  });
});

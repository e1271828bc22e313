import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOAN_STATUSES } from '@lastro/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseInspector } from './support/inspect.js';
import { login, startTestServer } from './support/server.js';
import { SyncTestClient } from './support/ws-client.js';

describe('demo data', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lastro-demo-test-'));

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('seeds a realistic loan book and opening balances', async () => {
    const server = await startTestServer({ dataDir, demo: true, simulator: false });
    const inspector = new DatabaseInspector(dataDir);
    try {
      const loans = inspector.db.prepare('SELECT * FROM loans').all() as {
        status: string;
        amount: number;
        funded: number;
        rate_monthly_bps: number;
        term_months: number;
        grade: string;
        borrower_user_id: string | null;
      }[];
      expect(loans.length).toBeGreaterThanOrEqual(500);
      expect(new Set(loans.map((loan) => loan.status))).toEqual(new Set(LOAN_STATUSES));
      const open = loans.filter((loan) => loan.status === 'open');
      expect(open.length).toBeGreaterThan(loans.length / 2);
      expect(open.some((loan) => loan.funded > 0 && loan.funded < loan.amount)).toBe(true);
      for (const loan of loans) {
        expect(loan.amount % 100).toBe(0);
        expect(loan.amount).toBeGreaterThanOrEqual(200_000);
        expect(loan.amount).toBeLessThanOrEqual(15_000_000);
        expect(loan.rate_monthly_bps).toBeGreaterThanOrEqual(90);
        expect(loan.rate_monthly_bps).toBeLessThanOrEqual(450);
        expect(loan.term_months).toBeGreaterThanOrEqual(6);
        expect(loan.term_months).toBeLessThanOrEqual(48);
      }
      expect(new Set(loans.map((loan) => loan.grade))).toEqual(new Set(['A', 'B', 'C', 'D', 'E', 'HR']));

      const investor = await login(server, 'investidor@lastro.demo');
      const second = await login(server, 'investidor2@lastro.demo');
      const borrower = await login(server, 'tomador@lastro.demo');
      const support = await login(server, 'suporte@lastro.demo');
      expect([investor.user.name, second.user.name, borrower.user.name, support.user.name]).toEqual([
        'Ana Ribeiro',
        'Bruno Costa',
        'Carla Menezes',
        'Suporte Lastro',
      ]);
      expect([borrower.user.role, support.user.role]).toEqual(['borrower', 'support']);
      expect(loans.filter((loan) => loan.borrower_user_id === borrower.user.id).length).toBeGreaterThan(0);
      expect(inspector.wallet(investor.user.id)).toMatchObject({ available: 161_000, blocked: 0 });
      expect(inspector.wallet(second.user.id)).toMatchObject({ available: 500_000, blocked: 0 });
      const organisations = inspector.db
        .prepare('SELECT DISTINCT o.name FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.email LIKE ?')
        .all('investidor%') as { name: string }[];
      expect(organisations).toEqual([{ name: 'Aurora Capital' }]);
      expect(inspector.verify()).toEqual({ ok: true, transactions: 2, wallets: 4 });
    } finally {
      inspector.close();
      await server.close();
    }
  });

  it('keeps existing data on a second start', async () => {
    const inspectorBefore = new DatabaseInspector(dataDir);
    const before = inspectorBefore.snapshot();
    const loanCount = inspectorBefore.store.loans.count();
    inspectorBefore.close();

    const server = await startTestServer({ dataDir, demo: true, simulator: false });
    const inspector = new DatabaseInspector(dataDir);
    try {
      expect(inspector.snapshot()).toEqual(before);
      expect(inspector.store.loans.count()).toBe(loanCount);
      expect(inspector.store.users.count()).toBe(4);
      expect(server.logs.some((line) => line.msg === 'database already has users; demo data not seeded')).toBe(true);
    } finally {
      inspector.close();
      await server.close();
    }
  });

  it('simulator publishes loan changes to every user', async () => {
    const server = await startTestServer({ demo: true, simulator: true });
    try {
      const { token } = await login(server, 'tomador@lastro.demo');
      const client = await SyncTestClient.authenticated(server.url, token);
      const start = await client.pull('loans', null, 1000);

      const change = await client.next((frame) => frame.type === 'changes' && frame.collection === 'loans', 10_000);

      expect(change.type).toBe('changes');
      expect(change.type === 'changes' ? change.checkpoint.seq : 0).toBeGreaterThan(start.checkpoint!.seq);
      client.close();
    } finally {
      await server.stop();
    }
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../src/db/database.js';
import { MIGRATIONS } from '../src/db/migrations.js';
import { verifyLedger } from '../src/ledger/verify.js';

describe('migration 3', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lastro-migration-test-'));

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('adds invested accounts to a version 1 ledger (LEDGER-2)', () => {
    const db = new Database(join(dataDir, 'v1.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 1));
    const now = new Date().toISOString();
    db.prepare("INSERT INTO users (id, email, name, role, password_hash, created_at) VALUES ('u1', 'a@b.c', 'A', 'investor', 'x', ?)").run(now);
    db.prepare("INSERT INTO ledger_accounts (id, user_id, bucket, balance, created_at) VALUES ('wallet:u1:available', 'u1', 'available', 500, ?)").run(now);
    db.prepare("INSERT INTO ledger_accounts (id, user_id, bucket, balance, created_at) VALUES ('wallet:u1:blocked', 'u1', 'blocked', 0, ?)").run(now);
    db.prepare("UPDATE ledger_accounts SET balance = -500 WHERE id = 'platform:pix_settlement'").run();
    db.prepare("INSERT INTO ledger_transactions (id, kind, reference, created_at) VALUES ('t1', 'pix_in', 'E1', ?)").run(now);
    db.prepare(
      `INSERT INTO ledger_entries (id, transaction_id, account_id, user_id, bucket, amount, balance_after, kind, reference, created_at, seq)
       VALUES ('e1', 't1', 'platform:pix_settlement', NULL, NULL, -500, -500, 'pix_in', 'E1', ?, NULL),
              ('e2', 't1', 'wallet:u1:available', 'u1', 'available', 500, 500, 'pix_in', 'E1', ?, 1)`,
    ).run(now, now);
    db.prepare("INSERT INTO wallets (user_id, available, blocked, seq, updated_at) VALUES ('u1', 500, 0, 2, ?)").run(now);

    migrate(db, MIGRATIONS);

    expect(db.prepare("SELECT user_id, bucket, balance FROM ledger_accounts WHERE id = 'wallet:u1:invested'").get()).toEqual({
      user_id: 'u1',
      bucket: 'invested',
      balance: 0,
    });
    expect(db.prepare("SELECT available, invested FROM wallets WHERE user_id = 'u1'").get()).toEqual({ available: 500, invested: 0 });
    expect(db.prepare("SELECT COUNT(*) AS count FROM ledger_accounts WHERE id = 'platform:pix_out'").get()).toEqual({ count: 1 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(verifyLedger(db)).toEqual({ ok: true, transactions: 1, wallets: 1 });
    db.close();
  });
});

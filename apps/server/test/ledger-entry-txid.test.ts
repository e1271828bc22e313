import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, LedgerEntryDocSchema } from '@lastro/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChangeSet } from '../src/changes.js';
import { openDatabase, type SqliteDatabase } from '../src/db/database.js';
import { createSqliteStore, type Store } from '../src/db/store.js';
import { PLATFORM_ACCOUNTS, walletAccountId } from '../src/ledger/accounts.js';

const USER_ID = 'user-txid-test';
const TXID = 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7';
const CREATED_AT = '2026-12-04T12:00:00.000Z';

describe('ledger entry txid', () => {
  let dataDir: string;
  let db: SqliteDatabase;
  let store: Store;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'lastro-ledger-txid-'));
    db = openDatabase(dataDir);
    store = createSqliteStore(db);
    db.prepare(
      `INSERT INTO users (id, email, name, role, password_hash, created_at)
       VALUES (?, 'txid@lastro.test', 'Txid Test', 'investor', 'unused', ?)`,
    ).run(USER_ID, CREATED_AT);
    store.transaction(() => store.ledger.openWallet(USER_ID, CREATED_AT, new ChangeSet()));
  });

  afterEach(() => {
    store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  function creditPix(amount: number, chargeTxid: string | undefined): ChangeSet {
    const changes = new ChangeSet();
    store.transaction(() =>
      store.ledger.post(
        {
          kind: 'pix_in',
          reference: `E${String(amount).padStart(31, '0')}`,
          ...(chargeTxid === undefined ? {} : { chargeTxid }),
          createdAt: CREATED_AT,
          lines: [
            { accountId: PLATFORM_ACCOUNTS.pixSettlement, amount: -amount, kind: 'pix_in' },
            { accountId: walletAccountId(USER_ID, 'available'), amount, kind: 'pix_in' },
          ],
        },
        changes,
      ),
    );
    return changes;
  }

  it('is on the published pix_in document', () => {
    const changes = creditPix(25_000, TXID);

    const published = changes.ledgerEntries.get(USER_ID) ?? [];
    expect(published).toHaveLength(1);
    expect(published[0]?.kind).toBe('pix_in');
    expect(published[0]?.txid).toBe(TXID);
    expect(check(LedgerEntryDocSchema, published[0]).ok).toBe(true);
  });

  it('is on the pulled pix_in document', () => {
    creditPix(25_000, TXID);

    const pulled = store.syncReads.ledgerEntries(USER_ID, 0, 10);
    expect(pulled).toHaveLength(1);
    expect(pulled[0]?.txid).toBe(TXID);
    expect(check(LedgerEntryDocSchema, pulled[0]).ok).toBe(true);
  });

  it('stays off the platform account entry', () => {
    creditPix(25_000, TXID);

    const rows = db
      .prepare('SELECT account_id, txid FROM ledger_entries ORDER BY account_id')
      .all() as { account_id: string; txid: string | null }[];
    expect(rows).toEqual([
      { account_id: PLATFORM_ACCOUNTS.pixSettlement, txid: null },
      { account_id: walletAccountId(USER_ID, 'available'), txid: TXID },
    ]);
  });

  it('is absent without a charge', () => {
    const changes = creditPix(10_000, undefined);

    const published = changes.ledgerEntries.get(USER_ID) ?? [];
    expect(published).toHaveLength(1);
    expect(published[0]).not.toHaveProperty('txid');
    expect(store.syncReads.ledgerEntries(USER_ID, 0, 10)[0]).not.toHaveProperty('txid');
  });
});

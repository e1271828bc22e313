import { randomBytes, randomUUID } from 'node:crypto';
import { buildDepositBrCode } from '@lastro/domain';
import { openDatabase, type SqliteDatabase } from '../../src/db/database.js';
import { createSqliteStore, type Store } from '../../src/db/store.js';
import { verifyLedger } from '../../src/ledger/verify.js';

/** A second connection to a test server's database, for setup and for checking what was stored. */
export class DatabaseInspector {
  readonly db: SqliteDatabase;
  readonly store: Store;

  constructor(dataDir: string) {
    this.db = openDatabase(dataDir);
    this.store = createSqliteStore(this.db);
  }

  /** Binds `txid` to a deposit charge of `userId`, through the charge repository. */
  bindCharge(txid: string, userId: string, amount: number | null = null): void {
    const locationId = randomUUID();
    this.store.charges.insert({
      txid,
      userId,
      amount,
      locationId,
      brCode: buildDepositBrCode({
        merchantName: 'LASTRO SEP',
        merchantCity: 'SAO PAULO',
        locationUrl: `pix.lastro.com.br/qr/v2/${locationId}`,
      }),
      createdAt: new Date().toISOString(),
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
  }

  wallet(userId: string): { available: number; blocked: number; invested: number; seq: number } {
    return this.db.prepare('SELECT available, blocked, invested, seq FROM wallets WHERE user_id = ?').get(userId) as {
      available: number;
      blocked: number;
      invested: number;
      seq: number;
    };
  }

  accountBalance(accountId: string): number {
    return (this.db.prepare('SELECT balance FROM ledger_accounts WHERE id = ?').get(accountId) as { balance: number }).balance;
  }

  /** Captures every stored row that a webhook may change, to compare before and after a call. */
  snapshot(): unknown {
    return {
      wallets: this.db.prepare('SELECT * FROM wallets ORDER BY user_id').all(),
      accounts: this.db.prepare('SELECT id, balance FROM ledger_accounts ORDER BY id').all(),
      transactions: this.db.prepare('SELECT COUNT(*) AS count FROM ledger_transactions').get(),
      entries: this.db.prepare('SELECT COUNT(*) AS count FROM ledger_entries').get(),
      received: this.db.prepare('SELECT COUNT(*) AS count FROM pix_received').get(),
      refunds: this.db.prepare('SELECT * FROM pix_refunds ORDER BY id').all(),
      sequence: this.db.prepare('SELECT value FROM sync_sequence').get(),
    };
  }

  verify() {
    return verifyLedger(this.db);
  }

  close(): void {
    this.db.close();
  }
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomAlphanumeric(length: number): string {
  return [...randomBytes(length)].map((byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join('');
}

/** Generates an end-to-end id: "E", an 8-digit ISPB, a timestamp and random letters, 32 characters. */
export function newEndToEndId(): string {
  return `E12345678202612042010${randomAlphanumeric(11)}`;
}

export function newTxid(): string {
  return randomAlphanumeric(32);
}

export function newRefundId(): string {
  return `D${randomAlphanumeric(20)}`;
}

export interface RefundInput {
  id: string;
  valor: string;
  status: 'EM_PROCESSAMENTO' | 'DEVOLVIDO' | 'NAO_REALIZADO';
}

/** Builds one Pix of a webhook body, in API Pix form. */
export function pixItem(options: { endToEndId: string; txid?: string; valor: string; devolucoes?: RefundInput[] }) {
  return {
    endToEndId: options.endToEndId,
    ...(options.txid === undefined ? {} : { txid: options.txid }),
    valor: options.valor,
    horario: '2026-12-04T20:10:00.000Z',
    ...(options.devolucoes === undefined
      ? {}
      : {
          devolucoes: options.devolucoes.map((refund) => ({
            id: refund.id,
            rtrId: `D12345678202612042010${refund.id.slice(-11).padStart(11, '0')}`,
            valor: refund.valor,
            horario: { solicitacao: '2026-12-04T20:11:00.000Z' },
            status: refund.status,
          })),
        }),
  };
}

import type { SqliteDatabase } from './database.js';

/** A Pix credited once, keyed by its endToEndId. `userId` is null for Pix held in suspense. */
export interface ReceivedPix {
  endToEndId: string;
  txid: string | null;
  amount: number;
  horario: string;
  userId: string | null;
  transactionId: string;
  receivedAt: string;
}

export type RefundStatus = 'EM_PROCESSAMENTO' | 'DEVOLVIDO' | 'NAO_REALIZADO';

/** A refund (devolução) of a received Pix, keyed by the refund id the provider assigns. */
export interface RefundRecord {
  id: string;
  endToEndId: string;
  rtrId: string;
  amount: number;
  status: RefundStatus;
  /** True while the amount sits in the wallet's blocked bucket. */
  blocked: boolean;
  updatedAt: string;
}

export interface PixRepository {
  findReceived(endToEndId: string): ReceivedPix | undefined;
  insertReceived(pix: ReceivedPix): void;
  findRefund(id: string): RefundRecord | undefined;
  /** Sum of centavos of the Pix's refunds that were not rejected (every status but NAO_REALIZADO). */
  refundedAmount(endToEndId: string): number;
  upsertRefund(refund: RefundRecord): void;
}

interface ReceivedRow {
  end_to_end_id: string;
  txid: string | null;
  amount: number;
  horario: string;
  user_id: string | null;
  transaction_id: string;
  received_at: string;
}

interface RefundRow {
  id: string;
  end_to_end_id: string;
  rtr_id: string;
  amount: number;
  status: RefundStatus;
  blocked: 0 | 1;
  updated_at: string;
}

export function createSqlitePixRepository(db: SqliteDatabase): PixRepository {
  const received = db.prepare('SELECT * FROM pix_received WHERE end_to_end_id = ?');
  const insertReceived = db.prepare(
    `INSERT INTO pix_received (end_to_end_id, txid, amount, horario, user_id, transaction_id, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const refund = db.prepare('SELECT * FROM pix_refunds WHERE id = ?');
  const refunded = db.prepare(
    "SELECT COALESCE(SUM(amount), 0) AS total FROM pix_refunds WHERE end_to_end_id = ? AND status != 'NAO_REALIZADO'",
  );
  const upsertRefund = db.prepare(
    `INSERT INTO pix_refunds (id, end_to_end_id, rtr_id, amount, status, blocked, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET status = excluded.status, blocked = excluded.blocked, updated_at = excluded.updated_at`,
  );
  return {
    findReceived: (endToEndId) => {
      const row = received.get(endToEndId) as ReceivedRow | undefined;
      if (row === undefined) {
        return undefined;
      }
      return {
        endToEndId: row.end_to_end_id,
        txid: row.txid,
        amount: row.amount,
        horario: row.horario,
        userId: row.user_id,
        transactionId: row.transaction_id,
        receivedAt: row.received_at,
      };
    },
    insertReceived: (pix) =>
      void insertReceived.run(
        pix.endToEndId,
        pix.txid,
        pix.amount,
        pix.horario,
        pix.userId,
        pix.transactionId,
        pix.receivedAt,
      ),
    findRefund: (id) => {
      const row = refund.get(id) as RefundRow | undefined;
      if (row === undefined) {
        return undefined;
      }
      return {
        id: row.id,
        endToEndId: row.end_to_end_id,
        rtrId: row.rtr_id,
        amount: row.amount,
        status: row.status,
        blocked: row.blocked === 1,
        updatedAt: row.updated_at,
      };
    },
    refundedAmount: (endToEndId) => (refunded.get(endToEndId) as { total: number }).total,
    upsertRefund: (record) =>
      void upsertRefund.run(
        record.id,
        record.endToEndId,
        record.rtrId,
        record.amount,
        record.status,
        record.blocked ? 1 : 0,
        record.updatedAt,
      ),
  };
}

import type { SqliteDatabase } from './database.js';

/** A PIX charge (cob) created for a deposit; its `txid` binds an incoming Pix to the user. */
export interface ChargeRecord {
  txid: string;
  userId: string;
  /** Centavos, or null when the payer chooses the amount. */
  amount: number | null;
  /** Random id of the payload location in the BR Code URL. */
  locationId: string;
  brCode: string;
  createdAt: string;
  expiresAt: string;
}

export interface ChargeRepository {
  insert(charge: ChargeRecord): void;
  findByTxid(txid: string): ChargeRecord | undefined;
}

interface ChargeRow {
  txid: string;
  user_id: string;
  amount: number | null;
  location_id: string;
  brcode: string;
  created_at: string;
  expires_at: string;
}

export function createSqliteChargeRepository(db: SqliteDatabase): ChargeRepository {
  const insert = db.prepare(
    `INSERT INTO pix_charges (txid, user_id, amount, location_id, brcode, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const byTxid = db.prepare('SELECT * FROM pix_charges WHERE txid = ?');
  return {
    insert: (charge) =>
      void insert.run(
        charge.txid,
        charge.userId,
        charge.amount,
        charge.locationId,
        charge.brCode,
        charge.createdAt,
        charge.expiresAt,
      ),
    findByTxid: (txid) => {
      const row = byTxid.get(txid) as ChargeRow | undefined;
      if (row === undefined) {
        return undefined;
      }
      return {
        txid: row.txid,
        userId: row.user_id,
        amount: row.amount,
        locationId: row.location_id,
        brCode: row.brcode,
        createdAt: row.created_at,
        expiresAt: row.expires_at,
      };
    },
  };
}

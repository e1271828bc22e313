import type { PreferencesDoc } from '@lastro/protocol';
import { nextSeq, type SqliteDatabase } from './database.js';
import { preferencesDoc, type PreferencesRow } from './rows.js';

/** Preferences of a user who never changed them. */
export const DEFAULT_PREFERENCES: Pick<PreferencesDoc, 'language' | 'defaultInvestAmount'> = {
  language: 'pt-BR',
  defaultInvestAmount: 10_000,
};

/** One preferences document per user. Writes must run inside a store transaction. */
export interface PreferencesRepository {
  find(userId: string): PreferencesDoc | undefined;
  /** Stores the user's preferences with the next change sequence, creating or replacing them. */
  put(userId: string, fields: Pick<PreferencesDoc, 'language' | 'defaultInvestAmount'>, updatedAt: string): PreferencesDoc;
}

export function createSqlitePreferencesRepository(db: SqliteDatabase): PreferencesRepository {
  const find = db.prepare('SELECT * FROM preferences WHERE user_id = ?');
  const put = db.prepare(
    `INSERT INTO preferences (user_id, language, default_invest_amount, updated_at, seq)
     VALUES (@userId, @language, @defaultInvestAmount, @updatedAt, @seq)
     ON CONFLICT (user_id) DO UPDATE SET language = excluded.language,
       default_invest_amount = excluded.default_invest_amount, updated_at = excluded.updated_at, seq = excluded.seq
     RETURNING *`,
  );
  return {
    find: (userId) => {
      const row = find.get(userId) as PreferencesRow | undefined;
      return row === undefined ? undefined : preferencesDoc(row);
    },
    put: (userId, fields, updatedAt) =>
      preferencesDoc(
        put.get({
          userId,
          language: fields.language,
          defaultInvestAmount: fields.defaultInvestAmount,
          updatedAt,
          seq: nextSeq(db),
        }) as PreferencesRow,
      ),
  };
}

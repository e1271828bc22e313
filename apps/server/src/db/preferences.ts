import type { PreferencesDoc } from '@lastro/protocol';
import { nextSeq, type SqliteDatabase } from './database.js';
import { preferencesDoc, type PreferencesRow } from './rows.js';

/** The preferences a user chooses; the server sets `id`, `updatedAt` and `seq`. */
export type PreferenceFields = Pick<
  PreferencesDoc,
  'language' | 'defaultInvestAmount' | 'quietHoursStart' | 'quietHoursEnd' | 'mutedNotificationTypes' | 'loanAlert'
>;

/** A user's saved loan filter. */
export type LoanAlert = NonNullable<PreferencesDoc['loanAlert']>;

/** Preferences of a user who never changed them. */
export const DEFAULT_PREFERENCES: PreferenceFields = {
  language: 'pt-BR',
  defaultInvestAmount: 10_000,
  mutedNotificationTypes: [],
};

/** One preferences document per user. Writes must run inside a store transaction. */
export interface PreferencesRepository {
  find(userId: string): PreferencesDoc | undefined;
  /** Stores the user's preferences with the next change sequence, creating or replacing them. */
  put(userId: string, fields: PreferenceFields, updatedAt: string): PreferencesDoc;
  /** Lists every saved loan filter with its user. */
  listLoanAlerts(): { userId: string; alert: LoanAlert }[];
}

export function createSqlitePreferencesRepository(db: SqliteDatabase): PreferencesRepository {
  const find = db.prepare('SELECT * FROM preferences WHERE user_id = ?');
  const put = db.prepare(
    `INSERT INTO preferences (user_id, language, default_invest_amount, quiet_hours_start, quiet_hours_end,
       muted_notification_types, loan_alert, updated_at, seq)
     VALUES (@userId, @language, @defaultInvestAmount, @quietHoursStart, @quietHoursEnd, @mutedNotificationTypes, @loanAlert,
       @updatedAt, @seq)
     ON CONFLICT (user_id) DO UPDATE SET language = excluded.language,
       default_invest_amount = excluded.default_invest_amount, quiet_hours_start = excluded.quiet_hours_start,
       quiet_hours_end = excluded.quiet_hours_end, muted_notification_types = excluded.muted_notification_types,
       loan_alert = excluded.loan_alert,
       updated_at = excluded.updated_at, seq = excluded.seq
     RETURNING *`,
  );
  const loanAlerts = db.prepare('SELECT user_id, loan_alert FROM preferences WHERE loan_alert IS NOT NULL ORDER BY user_id');
  return {
    listLoanAlerts: () =>
      (loanAlerts.all() as { user_id: string; loan_alert: string }[]).map((row) => ({
        userId: row.user_id,
        alert: JSON.parse(row.loan_alert) as LoanAlert,
      })),
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
          // Quiet hours are stored only as a pair, so one bound alone never takes effect.
          quietHoursStart: fields.quietHoursStart !== undefined && fields.quietHoursEnd !== undefined ? fields.quietHoursStart : null,
          quietHoursEnd: fields.quietHoursStart !== undefined && fields.quietHoursEnd !== undefined ? fields.quietHoursEnd : null,
          mutedNotificationTypes: JSON.stringify([...new Set(fields.mutedNotificationTypes ?? [])].sort()),
          // Stored with a fixed key order and sorted grades, so equal filters compare equal.
          loanAlert:
            fields.loanAlert === undefined
              ? null
              : JSON.stringify({
                  grades: [...new Set(fields.loanAlert.grades)].sort(),
                  minRateMonthlyBps: fields.loanAlert.minRateMonthlyBps,
                  maxTermMonths: fields.loanAlert.maxTermMonths,
                }),
          updatedAt,
          seq: nextSeq(db),
        }) as PreferencesRow,
      ),
  };
}

import type { Logger } from 'pino';
import type { ChangeSet } from '../changes.js';
import { ChangeSet as Changes } from '../changes.js';
import type { Store } from '../db/store.js';
import type { SyncHub } from '../sync/hub.js';
import { createNotifications, type NotificationEvent } from './collect.js';
import { dailyDigestTexts } from './texts.js';

/** São Paulo's offset from UTC in hours; Brazil has had no daylight saving time since 2019. */
const SAO_PAULO_OFFSET_HOURS = -3;
const DAY_MS = 86_400_000;
/** How often the scheduler looks for digests to create. */
export const DIGEST_CHECK_INTERVAL_MS = 30 * 60_000;

/** Returns the start and end (UTC ISO) of the São Paulo calendar day before `now`, and its "DD/MM" and "YYYY-MM-DD" labels. */
export function previousSaoPauloDay(now: Date): { from: string; to: string; label: string; key: string } {
  const local = new Date(now.getTime() + SAO_PAULO_OFFSET_HOURS * 3_600_000);
  const todayStartUtc = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - SAO_PAULO_OFFSET_HOURS * 3_600_000;
  const from = new Date(todayStartUtc - DAY_MS);
  const day = new Date(from.getTime() + SAO_PAULO_OFFSET_HOURS * 3_600_000);
  const dd = String(day.getUTCDate()).padStart(2, '0');
  const mm = String(day.getUTCMonth() + 1).padStart(2, '0');
  return { from: from.toISOString(), to: new Date(todayStartUtc).toISOString(), label: `${dd}/${mm}`, key: `${day.getUTCFullYear()}-${mm}-${dd}` };
}

/**
 * Creates, for every investor with activity on the previous São Paulo day, one `daily_digest`
 * notification (id `digest:YYYY-MM-DD`), delivered at the investor's best hour. Running it
 * again the same day creates nothing new. Call inside a transaction.
 */
export function createDailyDigests(store: Store, now: Date, changes: ChangeSet): number {
  const day = previousSaoPauloDay(now);
  const events: NotificationEvent[] = [];
  for (const userId of store.users.idsWithRole('investor')) {
    const activity = store.activity.daily(userId, day.from, day.to);
    if (activity.pixCount + activity.investCount + activity.loanStatusChanges === 0) continue;
    events.push({ userId, id: `digest:${day.key}`, type: 'daily_digest', texts: dailyDigestTexts({ day: day.label, ...activity }) });
  }
  const before = [...changes.notifications.values()].reduce((count, docs) => count + docs.size, 0);
  createNotifications(store, events, now, changes);
  return [...changes.notifications.values()].reduce((count, docs) => count + docs.size, 0) - before;
}

/** Creates the daily digests at start and every half hour, publishing them to the sync sockets. */
export function startDigestScheduler(store: Store, hub: SyncHub, logger: Logger, now: () => Date = () => new Date()): { stop(): void } {
  const run = (): void => {
    try {
      const changes = new Changes();
      const created = store.transaction(() => createDailyDigests(store, now(), changes));
      hub.publish(changes);
      if (created > 0) logger.info({ created }, 'daily digests created');
    } catch (error) {
      logger.error({ err: error }, 'creating the daily digests failed; retried at the next check');
    }
  };
  run();
  const timer = setInterval(run, DIGEST_CHECK_INTERVAL_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

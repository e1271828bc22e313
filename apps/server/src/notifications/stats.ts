import { NOTIFICATION_TYPES, type NotificationStatsRow, type NotificationType } from '@lastro/protocol';
import type { TrackedNotification } from '../db/notifications.js';

type StatsChannel = NotificationStatsRow['channel'];

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Counts, per type and channel, the delivered notifications, how many were opened, and the
 * median seconds from delivery to opening. Notifications delivered but never presented count
 * under `not_shown`. Types and channels without deliveries are left out.
 */
export function notificationStats(rows: readonly TrackedNotification[]): NotificationStatsRow[] {
  const groups = new Map<string, { type: NotificationType; channel: StatsChannel; delivered: number; openSeconds: number[] }>();
  for (const row of rows) {
    const channel: StatsChannel = row.shownChannel ?? 'not_shown';
    const key = `${row.type}/${channel}`;
    const group = groups.get(key) ?? { type: row.type, channel, delivered: 0, openSeconds: [] };
    group.delivered += 1;
    if (row.openedAt !== null) group.openSeconds.push(Math.max(0, (Date.parse(row.openedAt) - Date.parse(row.deliveredAt)) / 1000));
    groups.set(key, group);
  }
  const typeOrder = (type: NotificationType): number => NOTIFICATION_TYPES.indexOf(type);
  const channelOrder: StatsChannel[] = ['os', 'in_app', 'not_shown'];
  return [...groups.values()]
    .sort((a, b) => typeOrder(a.type) - typeOrder(b.type) || channelOrder.indexOf(a.channel) - channelOrder.indexOf(b.channel))
    .map((group) => ({
      type: group.type,
      channel: group.channel,
      delivered: group.delivered,
      opened: group.openSeconds.length,
      openRate: group.openSeconds.length / group.delivered,
      medianSecondsToOpen: median(group.openSeconds),
    }));
}

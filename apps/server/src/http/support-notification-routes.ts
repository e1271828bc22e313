import type { SupportNotificationStatsResponse } from '@lastro/protocol';
import { notificationStats } from '../notifications/stats.js';
import { checkPeriod, QueryParameters } from './support-params.js';
import { supportHandler } from './support-routes.js';

/**
 * `GET /api/v1/support/notifications/stats?from=&to=`: per notification type and channel, the
 * delivered count, the open rate and the median time to open, for notifications created in
 * [from, to). Without a bound the period is open on that side.
 */
export const handleSupportNotificationStats = supportHandler((ctx, exchange) => {
  const query = new QueryParameters(exchange.query, ['from', 'to']);
  const from = query.dateTime('from');
  const to = query.dateTime('to');
  checkPeriod(from, to);
  const body: SupportNotificationStatsResponse = {
    from: from ?? null,
    to: to ?? null,
    rows: notificationStats(ctx.store.notifications.listDelivered(from, to)),
  };
  exchange.sendJson(200, body);
});

import { describe, expect, it } from 'vitest';
import { notificationStats } from '../src/notifications/stats.js';

const at = (seconds: number): string => new Date(Date.UTC(2026, 11, 4, 12, 0, seconds)).toISOString();

describe('notificationStats', () => {
  it('groups by type and channel with open rate and median time to open', () => {
    const rows = notificationStats([
      { type: 'pix_received', shownChannel: 'os', deliveredAt: at(0), openedAt: at(10) },
      { type: 'pix_received', shownChannel: 'os', deliveredAt: at(0), openedAt: at(30) },
      { type: 'pix_received', shownChannel: 'os', deliveredAt: at(0), openedAt: null },
      { type: 'pix_received', shownChannel: 'in_app', deliveredAt: at(0), openedAt: at(4) },
      { type: 'chat_message', shownChannel: null, deliveredAt: at(0), openedAt: null },
    ]);

    expect(rows).toEqual([
      { type: 'pix_received', channel: 'os', delivered: 3, opened: 2, openRate: 2 / 3, medianSecondsToOpen: 20 },
      { type: 'pix_received', channel: 'in_app', delivered: 1, opened: 1, openRate: 1, medianSecondsToOpen: 4 },
      { type: 'chat_message', channel: 'not_shown', delivered: 1, opened: 0, openRate: 0, medianSecondsToOpen: null },
    ]);
  });

  it('returns nothing without deliveries', () => {
    expect(notificationStats([])).toEqual([]);
  });
});

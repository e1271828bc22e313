import type { ChatQuota } from '@lastro/engine';
import type { ChatMessageDoc } from '@lastro/protocol';

/** A translation key with its interpolation values. */
export interface TranslatedText {
  key: string;
  values: Record<string, string | number>;
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * Formats the time of day of an instant in America/Sao_Paulo on a 24-hour clock ("14:05").
 *
 * @throws RangeError when `iso` is not a date-time that `Date` can parse.
 */
export function formatTimeSaoPaulo(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    throw new RangeError(`invalid date-time ${JSON.stringify(iso)}: use ISO 8601, like "2026-12-04T20:00:00Z"`);
  }
  let format = timeFormats.get(locale);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, { timeZone: 'America/Sao_Paulo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    timeFormats.set(locale, format);
  }
  return format.format(date);
}

/**
 * Describes the chat quota for the composer: how many messages remain this hour, or, when
 * none do, the time in America/Sao_Paulo from which sending is possible again. The remaining
 * number is passed as `count`, so the texts can agree with it ("Resta 1", "Restam 10").
 */
export function describeChatQuota(quota: ChatQuota, locale: string): TranslatedText {
  if (quota.remaining > 0 || quota.retryAt === null) {
    return { key: 'chat.quota.remaining', values: { count: quota.remaining, limit: quota.limit } };
  }
  return { key: 'chat.quota.exhausted', values: { limit: quota.limit, time: formatTimeSaoPaulo(quota.retryAt, locale) } };
}

/**
 * Estimates the server's current time for the quota: the device clock, but never earlier than
 * the newest server timestamp among the messages. The rate limit counts only messages up to
 * "now", so a device clock behind the server's would otherwise leave a just-accepted message
 * out of the count. A device clock ahead of the server's still frees slots early.
 */
export function estimateServerNow(messages: readonly ChatMessageDoc[], deviceNowMs: number): number {
  let now = deviceNowMs;
  for (const message of messages) {
    for (const stamp of [message.createdAt, message.decidedAt]) {
      if (stamp === undefined) continue;
      const ms = Date.parse(stamp);
      if (Number.isFinite(ms) && ms > now) now = ms;
    }
  }
  return now;
}

import type { RendererErrorReport } from '../../renderer/lib/error-report';
import { TokenBucket } from '../../renderer/lib/rate-limiter';
import type { Logger } from '../notifications/logger';

/** Reports logged at once before the limit applies. */
export const REPORT_BURST = 10;
/** After a burst, one more report is logged per interval: at most 10 a minute in the long run. */
export const REPORT_REFILL_INTERVAL_MS = 6_000;

/**
 * Logs renderer error reports with the app version and the time they arrived, at most
 * {@link REPORT_BURST} at once and then one per {@link REPORT_REFILL_INTERVAL_MS}. Dropped
 * reports are counted: the first drop of a burst is logged once, and the next logged report
 * carries the number dropped before it.
 */
export class RendererErrorLog {
  private readonly bucket: TokenBucket;
  private dropped = 0;

  constructor(
    private readonly options: { log: Logger; appVersion: string; now: () => number },
  ) {
    this.bucket = new TokenBucket({ capacity: REPORT_BURST, refillIntervalMs: REPORT_REFILL_INTERVAL_MS, now: options.now });
  }

  record(report: RendererErrorReport): 'logged' | 'dropped' {
    if (!this.bucket.tryTake()) {
      this.dropped++;
      if (this.dropped === 1) {
        this.options.log.warn('too many renderer error reports, dropping them for now', {
          limitPerMinute: Math.round(60_000 / REPORT_REFILL_INTERVAL_MS),
        });
      }
      return 'dropped';
    }
    const droppedBefore = this.dropped;
    this.dropped = 0;
    this.options.log.error('renderer error', {
      kind: report.kind,
      message: report.message,
      stack: report.stack,
      componentStack: report.componentStack,
      location: report.location,
      route: report.route,
      occurredAt: report.occurredAt,
      receivedAt: new Date(this.options.now()).toISOString(),
      appVersion: this.options.appVersion,
      ...(droppedBefore > 0 ? { droppedBefore } : {}),
    });
    return 'logged';
  }
}

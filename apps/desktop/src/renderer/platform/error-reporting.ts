import { buildErrorReport, type ErrorReportInput, type RendererErrorReport } from '../lib/error-report';
import { TokenBucket } from '../lib/rate-limiter';
import type { DesktopShell } from './shell';

/**
 * Reporting of the renderer's own errors: uncaught errors, unhandled promise rejections and
 * errors caught by the React error boundary. On the desktop each report goes to the main
 * process, which writes it to the log file. The web terminal has no bridge, so there the report
 * goes to the console only. Both write it to the console, where the developer tools show it.
 */

/** Prefix of the console line of each report, followed by the report as JSON. */
export const CONSOLE_REPORT_PREFIX = '[lastro] renderer error';

/** Reports sent at once before the renderer's own limit applies. */
const RENDERER_REPORT_BURST = 20;
const RENDERER_REPORT_REFILL_INTERVAL_MS = 3_000;

export type ErrorReportSink = (report: RendererErrorReport) => void;

/** The part of `console` the reporter writes to. */
export interface ReportConsole {
  error(...data: unknown[]): void;
  warn(...data: unknown[]): void;
}

/** Writes each report to the console as one line: the prefix, then the report as JSON. */
export function consoleSink(output: ReportConsole): ErrorReportSink {
  return (report) => output.error(`${CONSOLE_REPORT_PREFIX} ${JSON.stringify(report)}`);
}

/** Sends each report to the main process and writes it to the console; a failed send is logged to the console. */
export function desktopSink(shell: DesktopShell, output: ReportConsole): ErrorReportSink {
  const toConsole = consoleSink(output);
  return (report) => {
    toConsole(report);
    shell.reportRendererError(report).catch((error: unknown) => {
      output.warn('sending the error report to the main process failed', error);
    });
  };
}

export interface ErrorReporter {
  /** Builds and sends a report, unless the rate limit drops it. */
  report(input: Omit<ErrorReportInput, 'route' | 'now'>): 'sent' | 'dropped';
}

export function createErrorReporter(options: {
  sink: ErrorReportSink;
  /** Current location hash. */
  route(): string;
  now(): Date;
  output: ReportConsole;
}): ErrorReporter {
  const bucket = new TokenBucket({
    capacity: RENDERER_REPORT_BURST,
    refillIntervalMs: RENDERER_REPORT_REFILL_INTERVAL_MS,
    now: () => options.now().getTime(),
  });
  let dropped = 0;
  return {
    report(input) {
      if (!bucket.tryTake()) {
        dropped++;
        if (dropped === 1) {
          options.output.warn('too many renderer errors, dropping error reports for now');
        }
        return 'dropped';
      }
      dropped = 0;
      try {
        options.sink(buildErrorReport({ ...input, route: options.route(), now: options.now() }));
      } catch (error) {
        // A failing sink must not raise a new uncaught error, which would report itself again.
        options.output.warn('error reporting failed', error);
      }
      return 'sent';
    },
  };
}

/**
 * Reports every `error` and `unhandledrejection` event that reaches `target` (the window).
 * Returns a function that removes the listeners.
 */
export function installErrorReporting(target: EventTarget, reporter: ErrorReporter): () => void {
  const onError = (event: Event): void => {
    const error: unknown = Reflect.get(event, 'error');
    const message: unknown = Reflect.get(event, 'message');
    const filename: unknown = Reflect.get(event, 'filename');
    const line: unknown = Reflect.get(event, 'lineno');
    const column: unknown = Reflect.get(event, 'colno');
    reporter.report({
      kind: 'error',
      thrown: error,
      // Errors of cross-origin scripts arrive without the error, only as "Script error.".
      fallbackMessage: typeof message === 'string' && message !== '' ? message : 'uncaught error without a message',
      location: typeof filename === 'string' && filename !== '' ? `${filename}:${String(line)}:${String(column)}` : '',
    });
  };
  const onRejection = (event: Event): void => {
    reporter.report({
      kind: 'unhandledrejection',
      thrown: Reflect.get(event, 'reason'),
      fallbackMessage: 'promise rejected without a reason',
    });
  };
  target.addEventListener('error', onError);
  target.addEventListener('unhandledrejection', onRejection);
  return () => {
    target.removeEventListener('error', onError);
    target.removeEventListener('unhandledrejection', onRejection);
  };
}

import { describe, expect, it } from 'vitest';
import { createIpcHandlers, type IpcHandlerContext } from '../src/main/ipc/handlers';
import { IpcArgumentError } from '../src/main/ipc/validate';
import { parseErrorReportArgs, parseUiLanguageArgs } from '../src/main/ipc/validate-shell';
import { REPORT_BURST, REPORT_REFILL_INTERVAL_MS, RendererErrorLog } from '../src/main/logging/renderer-errors';
import {
  buildErrorReport,
  cleanText,
  describeThrown,
  MAX_ERROR_MESSAGE_LENGTH,
  MAX_ERROR_STACK_LENGTH,
  type RendererErrorReport,
} from '../src/renderer/lib/error-report';
import { TokenBucket } from '../src/renderer/lib/rate-limiter';
import { recordingLogger } from './recording-logger';

const report: RendererErrorReport = {
  kind: 'error',
  message: 'TypeError: Cannot read properties of undefined (reading "amount")',
  stack: 'TypeError: Cannot read properties of undefined\n    at WalletPanel (app.js:10:5)',
  componentStack: '',
  location: 'app://index.js:10:5',
  route: '#/loans/emp-00008',
  occurredAt: '2026-03-10T12:00:00.000Z',
};

describe('parseErrorReportArgs', () => {
  it('accepts a valid report', () => {
    expect(parseErrorReportArgs([report])).toEqual([report]);
  });

  it('accepts empty optional texts and an empty route', () => {
    const minimal = { ...report, stack: '', location: '', route: '' };
    expect(parseErrorReportArgs([minimal])).toEqual([minimal]);
  });

  const invalid: Array<[string, unknown[], RegExp]> = [
    ['no argument', [], /expected one error report, received 0/],
    ['two arguments', [report, report], /received 2 arguments/],
    ['a string', ['boom'], /expected an object/],
    ['an array', [[report]], /expected an object/],
    ['an unknown field', [{ ...report, userAgent: 'x' }], /unknown field userAgent/],
    ['an unknown kind', [{ ...report, kind: 'warning' }], /invalid error report kind "warning"/],
    ['a blank message', [{ ...report, message: '  ' }], /non-empty/],
    ['a long message', [{ ...report, message: 'x'.repeat(MAX_ERROR_MESSAGE_LENGTH + 1) }], /2001 characters, the maximum is 2000/],
    ['a long stack', [{ ...report, stack: 'x'.repeat(MAX_ERROR_STACK_LENGTH + 1) }], /maximum is 8000/],
    ['a number as stack', [{ ...report, stack: 42 }], /expected a string, received number/],
    ['a missing componentStack', [{ ...report, componentStack: undefined }], /componentStack: expected a string/],
    ['control characters', [{ ...report, message: 'a\u0007b' }], /remove the control characters/],
    ['a line feed in the route', [{ ...report, route: '#/\n' }], /remove the control characters/],
    ['a route that is no hash', [{ ...report, route: 'https://example.com' }], /expected a location hash/],
    ['a local time', [{ ...report, occurredAt: '2026-03-10 12:00' }], /ISO 8601 UTC time/],
    ['an impossible date', [{ ...report, occurredAt: '2026-13-45T12:00:00Z' }], /ISO 8601 UTC time/],
  ];
  for (const [name, args, message] of invalid) {
    it(`rejects ${name}`, () => {
      expect(() => parseErrorReportArgs(args)).toThrow(IpcArgumentError);
      expect(() => parseErrorReportArgs(args)).toThrow(message);
    });
  }
});

describe('parseUiLanguageArgs', () => {
  it('accepts the UI languages', () => {
    expect(parseUiLanguageArgs(['en'])).toEqual(['en']);
    expect(parseUiLanguageArgs(['pt-BR'])).toEqual(['pt-BR']);
  });

  it('rejects anything else', () => {
    expect(() => parseUiLanguageArgs(['fr'])).toThrow(/invalid UI language "fr": expected one of pt-BR, en/);
    expect(() => parseUiLanguageArgs([])).toThrow(IpcArgumentError);
  });
});

describe('shell IPC handlers', () => {
  function context() {
    const calls = { reports: [] as RendererErrorReport[], languages: [] as string[] };
    const value: IpcHandlerContext = {
      config: {
        serverUrl: 'http://127.0.0.1:8787',
        device: { id: 'device-1', name: 'Lastro em test', platform: 'linux' },
        appVersion: '0.1.0',
        platform: 'linux',
      },
      setTrayState: () => undefined,
      showWindow: () => undefined,
      presentNotification: async () => ({ channel: 'os' }),
      setSecurityAlert: () => undefined,
      getUpdateState: () => ({ status: 'idle' }),
      installUpdate: () => undefined,
      takePendingRoute: () => '#/security',
      setUiLanguage: (language) => void calls.languages.push(language),
      reportRendererError: (received) => void calls.reports.push(received),
    };
    return { handlers: createIpcHandlers(value), calls };
  }

  it('passes a valid report to the main process', () => {
    const { handlers, calls } = context();
    handlers.reportRendererError.invoke([report]);
    expect(calls.reports).toEqual([report]);
  });

  it('drops an invalid report before acting', () => {
    const { handlers, calls } = context();
    expect(() => handlers.reportRendererError.invoke([{ ...report, kind: 'x' }])).toThrow(IpcArgumentError);
    expect(calls.reports).toEqual([]);
  });

  it('stores the UI language', () => {
    const { handlers, calls } = context();
    handlers.setUiLanguage.invoke(['en']);
    expect(() => handlers.setUiLanguage.invoke(['EN'])).toThrow(IpcArgumentError);
    expect(calls.languages).toEqual(['en']);
  });

  it('returns the pending route without arguments', () => {
    const { handlers } = context();
    expect(handlers.takePendingRoute.invoke([])).toBe('#/security');
    expect(() => handlers.takePendingRoute.invoke(['#/'])).toThrow(IpcArgumentError);
  });
});

describe('RendererErrorLog', () => {
  function errorLog() {
    let now = Date.parse('2026-03-10T12:00:00.000Z');
    const log = recordingLogger();
    const errors = new RendererErrorLog({ log, appVersion: '1.2.3', now: () => now });
    return { errors, log, advance: (ms: number) => void (now += ms) };
  }

  it('logs the report with its context', () => {
    const { errors, log } = errorLog();
    expect(errors.record(report)).toBe('logged');
    expect(log.entries).toEqual([
      {
        level: 'error',
        message: 'renderer error',
        data: {
          kind: 'error',
          message: report.message,
          stack: report.stack,
          componentStack: '',
          location: report.location,
          route: '#/loans/emp-00008',
          occurredAt: '2026-03-10T12:00:00.000Z',
          receivedAt: '2026-03-10T12:00:00.000Z',
          appVersion: '1.2.3',
        },
      },
    ]);
  });

  it('drops an error loop after the burst', () => {
    const { errors, log } = errorLog();
    const outcomes = Array.from({ length: 1000 }, () => errors.record(report));
    expect(outcomes.filter((outcome) => outcome === 'logged')).toHaveLength(REPORT_BURST);
    expect(log.entries.filter((entry) => entry.message === 'renderer error')).toHaveLength(REPORT_BURST);
    expect(log.entries.filter((entry) => entry.level === 'warn')).toHaveLength(1);
  });

  it('logs again after the interval and counts the dropped reports', () => {
    const { errors, log, advance } = errorLog();
    for (let index = 0; index < REPORT_BURST + 7; index++) errors.record(report);
    advance(REPORT_REFILL_INTERVAL_MS - 1);
    expect(errors.record(report)).toBe('dropped');
    advance(1);
    expect(errors.record(report)).toBe('logged');
    const last = log.entries.at(-1);
    expect(last?.data?.['droppedBefore']).toBe(8);
    expect(errors.record(report)).toBe('dropped');
  });

  it('caps the long-run rate at ten a minute', () => {
    const { errors, advance } = errorLog();
    let logged = 0;
    // One report a second for ten minutes.
    for (let second = 0; second < 600; second++) {
      if (errors.record(report) === 'logged') logged++;
      advance(1000);
    }
    expect(logged).toBeLessThanOrEqual(REPORT_BURST + 100);
    expect(logged).toBeGreaterThanOrEqual(100);
  });
});

describe('TokenBucket', () => {
  it('refills one token per interval up to the capacity', () => {
    let now = 0;
    const bucket = new TokenBucket({ capacity: 2, refillIntervalMs: 100, now: () => now });
    expect(bucket.tryTake()).toBe(true);
    expect(bucket.tryTake()).toBe(true);
    expect(bucket.tryTake()).toBe(false);
    now = 250;
    expect(bucket.tryTake()).toBe(true);
    expect(bucket.tryTake()).toBe(true);
    expect(bucket.tryTake()).toBe(false);
    now = 10_000;
    expect(bucket.tryTake()).toBe(true);
    expect(bucket.tryTake()).toBe(true);
    expect(bucket.tryTake()).toBe(false);
  });

  it('refills nothing when the clock goes back', () => {
    let now = 1000;
    const bucket = new TokenBucket({ capacity: 1, refillIntervalMs: 100, now: () => now });
    expect(bucket.tryTake()).toBe(true);
    now = 0;
    expect(bucket.tryTake()).toBe(false);
    now = 100;
    expect(bucket.tryTake()).toBe(true);
  });

  it('rejects invalid settings', () => {
    expect(() => new TokenBucket({ capacity: 0, refillIntervalMs: 100, now: () => 0 })).toThrow(/capacity 0/);
    expect(() => new TokenBucket({ capacity: 1, refillIntervalMs: 0, now: () => 0 })).toThrow(/refill interval 0 ms/);
  });
});

describe('buildErrorReport', () => {
  const now = new Date('2026-03-10T12:00:00.000Z');

  it('describes an Error with its stack', () => {
    const error = new TypeError('boom');
    const built = buildErrorReport({ kind: 'error', thrown: error, route: '#/', now });
    expect(built.message).toBe('TypeError: boom');
    expect(built.stack).toContain('boom');
    expect(built.occurredAt).toBe('2026-03-10T12:00:00.000Z');
    expect(parseErrorReportArgs([built])).toEqual([built]);
  });

  it('describes non-Error values', () => {
    expect(describeThrown('plain')).toEqual({ message: 'plain', stack: '' });
    expect(describeThrown({ code: 42 })).toEqual({ message: 'non-Error value thrown: {"code":42}', stack: '' });
    const circular: Record<string, unknown> = {};
    circular['self'] = circular;
    expect(describeThrown(circular).message).toBe('non-Error value thrown: [object Object]');
  });

  it('uses the fallback message without a value', () => {
    const built = buildErrorReport({ kind: 'error', thrown: null, fallbackMessage: 'Script error.', route: '', now });
    expect(built.message).toBe('Script error.');
    expect(built.stack).toBe('');
  });

  it('names an empty message', () => {
    const built = buildErrorReport({ kind: 'unhandledrejection', thrown: '', route: '', now });
    expect(built.message).toBe('(empty message)');
  });

  it('fits oversized and dirty input within the limits', () => {
    const error = new Error(`${'x'.repeat(10_000)}\u0007`);
    error.stack = `line\r\n${'y'.repeat(20_000)}`;
    const built = buildErrorReport({
      kind: 'render',
      thrown: error,
      componentStack: '\n    at Broken\n'.repeat(1000),
      location: 'app.js:1:2\n',
      route: `#/${'z'.repeat(500)}\n`,
      now,
    });
    expect(built.message.length).toBe(MAX_ERROR_MESSAGE_LENGTH);
    expect(built.stack.startsWith('line\ny')).toBe(true);
    expect(parseErrorReportArgs([built])).toEqual([built]);
  });

  it('cleans control characters but keeps line feeds', () => {
    expect(cleanText('a\tb\r\nc\u2028d', 100)).toBe('a b\nc d');
    expect(cleanText('abcdef', 4)).toBe('abc…');
  });
});

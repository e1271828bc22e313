import { describe, expect, it } from 'vitest';
import { parseErrorReportArgs } from '../src/main/ipc/validate-shell';
import type { RendererErrorReport } from '../src/renderer/lib/error-report';
import {
  consoleSink,
  CONSOLE_REPORT_PREFIX,
  createErrorReporter,
  desktopSink,
  installErrorReporting,
  type ReportConsole,
} from '../src/renderer/platform/error-reporting';
import { desktopShell, parsePendingRoute, type DesktopShell } from '../src/renderer/platform/shell';
import type { LastroBridge } from '../src/preload/bridge';

function recordingConsole(): ReportConsole & { errors: unknown[][]; warnings: unknown[][] } {
  const errors: unknown[][] = [];
  const warnings: unknown[][] = [];
  return { errors, warnings, error: (...data) => void errors.push(data), warn: (...data) => void warnings.push(data) };
}

function reporterSetup() {
  const reports: RendererErrorReport[] = [];
  let nowMs = Date.parse('2026-03-10T12:00:00.000Z');
  let hash = '#/loans/emp-00008';
  const output = recordingConsole();
  const reporter = createErrorReporter({
    sink: (report) => void reports.push(report),
    route: () => hash,
    now: () => new Date(nowMs),
    output,
  });
  return {
    reporter,
    reports,
    output,
    advance: (ms: number) => void (nowMs += ms),
    setHash: (value: string) => void (hash = value),
  };
}

/** Builds an `error` event as the browser dispatches it; Node has `Event` but not `ErrorEvent`. */
function errorEvent(fields: { error?: unknown; message?: string; filename?: string; lineno?: number; colno?: number }): Event {
  return Object.assign(new Event('error'), fields);
}

function rejectionEvent(reason: unknown): Event {
  return Object.assign(new Event('unhandledrejection'), { reason });
}

describe('installErrorReporting', () => {
  it('reports uncaught errors with route and location', () => {
    const { reporter, reports } = reporterSetup();
    const target = new EventTarget();
    installErrorReporting(target, reporter);
    target.dispatchEvent(errorEvent({ error: new RangeError('bad index'), message: 'Uncaught RangeError', filename: 'app://index.js', lineno: 12, colno: 5 }));
    expect(reports).toHaveLength(1);
    expect(reports[0]?.kind).toBe('error');
    expect(reports[0]?.message).toBe('RangeError: bad index');
    expect(reports[0]?.stack).toContain('bad index');
    expect(reports[0]?.location).toBe('app://index.js:12:5');
    expect(reports[0]?.route).toBe('#/loans/emp-00008');
    expect(reports[0]?.occurredAt).toBe('2026-03-10T12:00:00.000Z');
  });

  it('reports cross-origin script errors by their message', () => {
    const { reporter, reports } = reporterSetup();
    const target = new EventTarget();
    installErrorReporting(target, reporter);
    target.dispatchEvent(errorEvent({ error: null, message: 'Script error.', filename: '', lineno: 0, colno: 0 }));
    expect(reports[0]?.message).toBe('Script error.');
    expect(reports[0]?.location).toBe('');
  });

  it('reports unhandled rejections', () => {
    const { reporter, reports, setHash } = reporterSetup();
    const target = new EventTarget();
    installErrorReporting(target, reporter);
    setHash('#/security');
    target.dispatchEvent(rejectionEvent(new Error('session list failed')));
    target.dispatchEvent(rejectionEvent('timeout'));
    target.dispatchEvent(rejectionEvent(undefined));
    expect(reports.map((report) => report.message)).toEqual([
      'Error: session list failed',
      'timeout',
      'promise rejected without a reason',
    ]);
    expect(reports.every((report) => report.kind === 'unhandledrejection')).toBe(true);
    expect(reports.every((report) => report.route === '#/security')).toBe(true);
  });

  it('stops after the returned function runs', () => {
    const { reporter, reports } = reporterSetup();
    const target = new EventTarget();
    const uninstall = installErrorReporting(target, reporter);
    uninstall();
    target.dispatchEvent(errorEvent({ error: new Error('late') }));
    target.dispatchEvent(rejectionEvent(new Error('late')));
    expect(reports).toEqual([]);
  });

  it('builds reports that the main process accepts', () => {
    const { reporter, reports } = reporterSetup();
    const target = new EventTarget();
    installErrorReporting(target, reporter);
    target.dispatchEvent(errorEvent({ error: new Error('x'.repeat(50_000)), filename: 'a'.repeat(1000), lineno: 1, colno: 1 }));
    target.dispatchEvent(rejectionEvent({ nested: { deep: [1, 2, 3] } }));
    for (const report of reports) {
      expect(parseErrorReportArgs([report])).toEqual([report]);
    }
  });
});

describe('createErrorReporter', () => {
  it('limits an error loop and recovers later', () => {
    const { reporter, reports, output, advance } = reporterSetup();
    const outcomes = Array.from({ length: 500 }, () => reporter.report({ kind: 'error', thrown: new Error('loop') }));
    expect(outcomes.filter((outcome) => outcome === 'sent')).toHaveLength(20);
    expect(reports).toHaveLength(20);
    expect(output.warnings).toHaveLength(1);
    advance(3_000);
    expect(reporter.report({ kind: 'error', thrown: new Error('later') })).toBe('sent');
    expect(reports.at(-1)?.message).toBe('Error: later');
  });

  it('survives a failing sink', () => {
    const output = recordingConsole();
    const reporter = createErrorReporter({
      sink: () => {
        throw new Error('sink broke');
      },
      route: () => '',
      now: () => new Date('2026-03-10T12:00:00.000Z'),
      output,
    });
    expect(reporter.report({ kind: 'error', thrown: new Error('x') })).toBe('sent');
    expect(output.warnings).toHaveLength(1);
  });

  it('reports render errors with the component stack', () => {
    const { reporter, reports } = reporterSetup();
    reporter.report({ kind: 'render', thrown: new Error('bad prop'), componentStack: '\n    at WalletPanel\n    at App' });
    expect(reports[0]?.kind).toBe('render');
    expect(reports[0]?.componentStack).toBe('\n    at WalletPanel\n    at App');
  });
});

const sample: RendererErrorReport = {
  kind: 'error',
  message: 'Error: boom',
  stack: '',
  componentStack: '',
  location: '',
  route: '#/',
  occurredAt: '2026-03-10T12:00:00.000Z',
};

describe('error report sinks', () => {
  it('writes one JSON line per report to the console', () => {
    const output = recordingConsole();
    consoleSink(output)(sample);
    expect(output.errors).toEqual([[`${CONSOLE_REPORT_PREFIX} ${JSON.stringify(sample)}`]]);
  });

  it('sends to the main process and the console on the desktop', async () => {
    const output = recordingConsole();
    const sent: RendererErrorReport[] = [];
    const shell: DesktopShell = {
      takePendingRoute: async () => null,
      setUiLanguage: async () => undefined,
      reportRendererError: async (report) => void sent.push(report),
    };
    desktopSink(shell, output)(sample);
    await Promise.resolve();
    expect(sent).toEqual([sample]);
    expect(output.errors).toHaveLength(1);
  });

  it('logs a failed send to the console', async () => {
    const output = recordingConsole();
    const shell: DesktopShell = {
      takePendingRoute: async () => null,
      setUiLanguage: async () => undefined,
      reportRendererError: async () => {
        throw new Error('IPC call reportRendererError rejected');
      },
    };
    desktopSink(shell, output)(sample);
    await new Promise((resolve) => setImmediate(resolve));
    expect(output.warnings).toHaveLength(1);
  });
});

describe('desktopShell', () => {
  it('is null in the web terminal', () => {
    expect(desktopShell(undefined)).toBeNull();
  });

  it('is null when the main process lacks a method', () => {
    const bridge = { takePendingRoute: async () => null, setUiLanguage: async () => undefined } as unknown as LastroBridge;
    expect(desktopShell(bridge)).toBeNull();
  });

  it('validates the pending route', async () => {
    const bridge = {
      takePendingRoute: async () => 'javascript:alert(1)',
      setUiLanguage: async () => undefined,
      reportRendererError: async () => undefined,
    } as unknown as LastroBridge;
    expect(await desktopShell(bridge)?.takePendingRoute()).toBeNull();
    expect(parsePendingRoute('#/security')).toBe('#/security');
    expect(parsePendingRoute(42)).toBeNull();
  });
});

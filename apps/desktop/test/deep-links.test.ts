import { describe, expect, it } from 'vitest';
import {
  deepLinksFromArgv,
  deepLinksFromSecondInstance,
  MAX_LINKS_PER_LAUNCH,
  protocolClientRegistration,
  secondInstanceData,
} from '../src/main/deep-links/launch-args';
import {
  deepLinkForRoute,
  deepLinkRoute,
  formatDeepLink,
  MAX_DEEP_LINK_LENGTH,
  parseDeepLink,
  type DeepLinkTarget,
} from '../src/main/deep-links/parse';
import { DeepLinkRouter } from '../src/main/deep-links/router';
import type { NotificationOpened } from '../src/main/notifications/types';
import { parseRoute } from '../src/renderer/lib/routes';
import { recordingLogger } from './recording-logger';

describe('parseDeepLink', () => {
  const accepted: Array<[string, DeepLinkTarget]> = [
    ['lastro://loan/emp-00008', { screen: 'loan', loanId: 'emp-00008' }],
    ['lastro://loan/emp-1b2c3d4e-5f6a', { screen: 'loan', loanId: 'emp-1b2c3d4e-5f6a' }],
    ['lastro://loan/emp-00008/', { screen: 'loan', loanId: 'emp-00008' }],
    ['LASTRO://LOAN/emp-00008', { screen: 'loan', loanId: 'emp-00008' }],
    ['Lastro://Loan/EMP_00008', { screen: 'loan', loanId: 'EMP_00008' }],
    ['lastro://loan/emp%2D00008', { screen: 'loan', loanId: 'emp-00008' }],
    ['lastro://security', { screen: 'security' }],
    ['lastro://security/', { screen: 'security' }],
    ['LASTRO://SECURITY', { screen: 'security' }],
  ];
  for (const [link, target] of accepted) {
    it(`accepts ${link}`, () => {
      expect(parseDeepLink(link)).toEqual({ ok: true, target });
    });
  }

  const rejected: Array<[string, RegExp]> = [
    ['', /must start with lastro:\/\//],
    ['https://lastro.com.br/loan/emp-00008', /must start with lastro:\/\//],
    ['lastro:loan/emp-00008', /must start with lastro:\/\//],
    ['lastro:/loan/emp-00008', /must start with lastro:\/\//],
    ['lastro-x://loan/emp-00008', /must start with lastro:\/\//],
    ['lastro://', /missing screen/],
    ['lastro:///security', /missing screen/],
    ['lastro://loan', /missing loan id/],
    ['lastro://loan/', /missing loan id/],
    ['lastro://loan//', /invalid loan id/],
    ['lastro://loan/emp-00008//', /expected exactly one loan id/],
    ['lastro://loan/emp-00008/chat', /expected exactly one loan id/],
    ['lastro://loan/emp%2F00008', /invalid loan id/],
    ['lastro://loan/emp%252F00008', /invalid loan id/],
    ['lastro://loan/emp%E0%A4%A', /not valid percent-encoding/],
    ['lastro://loan/emp.00008', /invalid loan id/],
    ['lastro://loan/..', /invalid loan id/],
    ['lastro://loan/empréstimo', /invalid loan id/],
    [`lastro://loan/${'a'.repeat(65)}`, /invalid loan id/],
    ['lastro://loan/emp-00008?tab=notes', /no query/],
    ['lastro://security?', /no query/],
    ['lastro://loan/emp-00008#chat', /no fragment/],
    ['lastro://user:pass@loan/emp-00008', /no user name or password/],
    ['lastro://loan:8080/emp-00008', /no port/],
    ['lastro://loan\\emp-00008', /backslash/],
    ['lastro://security/sessions', /takes no path/],
    ['lastro://wallet', /unknown screen "wallet"/],
    ['lastro://login', /unknown screen "login"/],
    ['lastro://loan/emp 00008', /spaces or control characters/],
    [' lastro://security', /spaces or control characters/],
    ['lastro://security\n', /spaces or control characters/],
    ['lastro://loan/emp-00008\u0000', /spaces or control characters/],
    [`lastro://loan/${'a'.repeat(MAX_DEEP_LINK_LENGTH)}`, /longer than 512 characters/],
  ];
  for (const [link, reason] of rejected) {
    it(`rejects ${JSON.stringify(link.slice(0, 60))}`, () => {
      const result = parseDeepLink(link);
      expect(result.ok).toBe(false);
      expect(result.ok ? '' : result.reason).toMatch(reason);
    });
  }
});

describe('deep-link routes', () => {
  it('maps targets to routes the renderer opens', () => {
    expect(deepLinkRoute({ screen: 'loan', loanId: 'emp-00008' })).toBe('#/loans/emp-00008');
    expect(parseRoute(deepLinkRoute({ screen: 'loan', loanId: 'emp-00008' }))).toEqual({ name: 'loan', loanId: 'emp-00008' });
    expect(deepLinkRoute({ screen: 'security' })).toBe('#/security');
    expect(parseRoute(deepLinkRoute({ screen: 'security' }))).toEqual({ name: 'security' });
  });

  it('formats links that parse back to the target', () => {
    const targets: DeepLinkTarget[] = [{ screen: 'loan', loanId: 'emp-1b2c3d4e-5f6a' }, { screen: 'security' }];
    for (const target of targets) {
      expect(parseDeepLink(formatDeepLink(target))).toEqual({ ok: true, target });
    }
  });

  it('finds the link of loan and security routes only', () => {
    expect(deepLinkForRoute('#/loans/emp-00008')).toBe('lastro://loan/emp-00008');
    expect(deepLinkForRoute('#/security')).toBe('lastro://security');
    expect(deepLinkForRoute('#/loans/emp-00008/chat/user-1')).toBeNull();
    expect(deepLinkForRoute('#/notifications')).toBeNull();
    expect(deepLinkForRoute('#/')).toBeNull();
    expect(deepLinkForRoute('#/nowhere')).toBeNull();
  });
});

describe('deepLinksFromArgv', () => {
  it('finds a link among Electron and Chromium arguments', () => {
    const argv = [
      '/opt/Lastro/lastro',
      '--original-process-start-time=13350000000000000',
      'lastro://loan/emp-00008',
      '--no-sandbox',
    ];
    expect(deepLinksFromArgv(argv)).toEqual(['lastro://loan/emp-00008']);
  });

  it('finds a link in a development command line', () => {
    const argv = ['/repo/node_modules/electron/dist/electron', '/repo/apps/desktop', 'LASTRO://security'];
    expect(deepLinksFromArgv(argv)).toEqual(['LASTRO://security']);
  });

  it('returns nothing without a link', () => {
    expect(deepLinksFromArgv(['/opt/Lastro/lastro', '--flag', 'https://lastro.com.br', 'lastrox://loan/1'])).toEqual([]);
    expect(deepLinksFromArgv([])).toEqual([]);
  });

  it('keeps only the first links of a long command line', () => {
    const argv = Array.from({ length: 10 }, (_, index) => `lastro://loan/emp-${index}`);
    expect(deepLinksFromArgv(argv)).toHaveLength(MAX_LINKS_PER_LAUNCH);
    expect(deepLinksFromArgv(argv)[0]).toBe('lastro://loan/emp-0');
  });

  it('skips values that are not strings', () => {
    expect(deepLinksFromArgv([42, null, { href: 'lastro://security' }, 'lastro://security'])).toEqual(['lastro://security']);
  });
});

describe('second-instance arguments', () => {
  it('sends the links of the second launch', () => {
    expect(secondInstanceData(['/opt/Lastro/lastro', 'lastro://security'])).toEqual({ deepLinks: ['lastro://security'] });
  });

  it('prefers the links in additionalData', () => {
    const links = deepLinksFromSecondInstance(['/opt/Lastro/lastro', 'lastro://security'], {
      deepLinks: ['lastro://loan/emp-00008'],
    });
    expect(links).toEqual(['lastro://loan/emp-00008']);
  });

  it('falls back to argv for malformed additionalData', () => {
    const argv = ['/opt/Lastro/lastro', 'lastro://security'];
    expect(deepLinksFromSecondInstance(argv, null)).toEqual(['lastro://security']);
    expect(deepLinksFromSecondInstance(argv, { deepLinks: 'lastro://loan/x' })).toEqual(['lastro://security']);
    expect(deepLinksFromSecondInstance(argv, { deepLinks: ['lastro://loan/x', 7] })).toEqual(['lastro://security']);
  });

  it('drops non-links from additionalData', () => {
    expect(deepLinksFromSecondInstance([], { deepLinks: ['--flag', 'lastro://security'] })).toEqual(['lastro://security']);
  });

  it('returns nothing for a plain second launch', () => {
    expect(deepLinksFromSecondInstance(['/opt/Lastro/lastro'], { deepLinks: [] })).toEqual([]);
  });
});

describe('protocolClientRegistration', () => {
  const resolvePath = (path: string): string => (path.startsWith('/') ? path : `/home/ana/lastro/${path}`);

  it('registers the packaged executable alone', () => {
    const registration = protocolClientRegistration({
      defaultApp: false,
      platform: 'linux',
      devOptIn: undefined,
      execPath: '/opt/Lastro/lastro',
      argv: ['/opt/Lastro/lastro'],
      resolvePath,
    });
    expect(registration).toEqual({ ok: true, scheme: 'lastro' });
  });

  it('registers Electron with the app path on Windows when asked', () => {
    const registration = protocolClientRegistration({
      defaultApp: true,
      platform: 'win32',
      devOptIn: '1',
      execPath: '/repo/node_modules/electron/dist/electron',
      argv: ['/repo/node_modules/electron/dist/electron', '--inspect=9229', 'apps/desktop', 'lastro://security'],
      resolvePath,
    });
    expect(registration).toEqual({
      ok: true,
      scheme: 'lastro',
      executable: { path: '/repo/node_modules/electron/dist/electron', args: ['/home/ana/lastro/apps/desktop'] },
    });
  });

  it('leaves the handler alone in other development runs', () => {
    const argv = ['/repo/node_modules/electron/dist/electron', 'apps/desktop'];
    const base = { defaultApp: true, execPath: argv[0]!, argv, resolvePath };

    const linux = protocolClientRegistration({ ...base, platform: 'linux', devOptIn: '1' });
    const windowsByDefault = protocolClientRegistration({ ...base, platform: 'win32', devOptIn: undefined });

    expect(linux.ok).toBe(false);
    expect(windowsByDefault.ok).toBe(false);
    expect(windowsByDefault.ok ? '' : windowsByDefault.reason).toContain('LASTRO_DEV_PROTOCOL=1');
  });

  it('rejects a development command line without an app path', () => {
    const registration = protocolClientRegistration({
      defaultApp: true,
      platform: 'win32',
      devOptIn: '1',
      execPath: '/repo/node_modules/electron/dist/electron',
      argv: ['/repo/node_modules/electron/dist/electron', '--inspect', 'lastro://security'],
      resolvePath,
    });
    expect(registration.ok).toBe(false);
  });
});

function router() {
  const log = recordingLogger();
  const calls = { shown: 0, navigated: [] as string[], opened: [] as NotificationOpened[] };
  const value = new DeepLinkRouter({
    showWindow: () => void (calls.shown += 1),
    sendNavigate: (route) => void calls.navigated.push(route),
    sendNotificationOpened: (opened) => void calls.opened.push(opened),
    log,
  });
  return { router: value, calls, log };
}

describe('DeepLinkRouter', () => {
  it('keeps a link that arrives before the renderer listens', () => {
    const { router: deepLinks, calls } = router();
    expect(deepLinks.open('lastro://loan/emp-00008', 'argv')).toBe('#/loans/emp-00008');
    expect(calls.navigated).toEqual([]);
    expect(deepLinks.takePendingRoute()).toBe('#/loans/emp-00008');
    expect(deepLinks.takePendingRoute()).toBeNull();
  });

  it('keeps only the latest early link', () => {
    const { router: deepLinks } = router();
    deepLinks.open('lastro://loan/emp-00008', 'open-url');
    deepLinks.open('lastro://security', 'open-url');
    expect(deepLinks.takePendingRoute()).toBe('#/security');
  });

  it('sends links at once while the renderer listens', () => {
    const { router: deepLinks, calls } = router();
    expect(deepLinks.takePendingRoute()).toBeNull();
    deepLinks.open('lastro://security', 'second-instance');
    expect(calls.navigated).toEqual(['#/security']);
    expect(calls.shown).toBe(1);
  });

  it('keeps links again after the page reloads', () => {
    const { router: deepLinks, calls } = router();
    deepLinks.takePendingRoute();
    deepLinks.queue.rendererReset();
    deepLinks.open('lastro://loan/emp-00008', 'second-instance');
    expect(calls.navigated).toEqual([]);
    expect(deepLinks.takePendingRoute()).toBe('#/loans/emp-00008');
  });

  it('ignores and logs invalid links', () => {
    const { router: deepLinks, calls, log } = router();
    deepLinks.takePendingRoute();
    expect(deepLinks.open('lastro://loan/../../etc', 'second-instance')).toBeNull();
    expect(calls.navigated).toEqual([]);
    expect(calls.shown).toBe(0);
    expect(deepLinks.queue.pendingRoute).toBeNull();
    expect(log.entries).toHaveLength(1);
    expect(log.entries[0]?.level).toBe('warn');
    expect(log.entries[0]?.data?.['reason']).toMatch(/expected exactly one loan id/);
    expect(log.entries[0]?.data?.['source']).toBe('second-instance');
  });

  it('cuts long invalid links in the log', () => {
    const { router: deepLinks, log } = router();
    deepLinks.open(`lastro://${'x'.repeat(5000)}`, 'argv');
    expect(String(log.entries[0]?.data?.['link']).length).toBeLessThanOrEqual(120);
  });

  it('opens loan notifications through their deep link', () => {
    const { router: deepLinks, calls } = router();
    deepLinks.openNotification({ id: 'loan_status:emp-00008:7', route: '#/loans/emp%2D00008' });
    expect(calls.opened).toEqual([{ id: 'loan_status:emp-00008:7', route: '#/loans/emp-00008' }]);
    expect(calls.shown).toBe(1);
  });

  it('opens login alerts on the Security screen', () => {
    const { router: deepLinks, calls } = router();
    deepLinks.openNotification({ id: 'login:s-1', route: '#/security' });
    expect(calls.opened).toEqual([{ id: 'login:s-1', route: '#/security' }]);
  });

  it('passes routes without a deep link unchanged', () => {
    const { router: deepLinks, calls } = router();
    deepLinks.openNotification({ id: 'chat:1', route: '#/loans/emp-00008/chat/user-1' });
    deepLinks.openNotification({ id: 'pix:E1', route: '#/notifications' });
    expect(calls.opened).toEqual([
      { id: 'chat:1', route: '#/loans/emp-00008/chat/user-1' },
      { id: 'pix:E1', route: '#/notifications' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { guardRoute } from '../src/renderer/lib/route-guard';
import { parseRoute } from '../src/renderer/lib/routes';

describe('guardRoute', () => {
  const decide = (phase: Parameters<typeof guardRoute>[0], hash: string, afterSignIn: string | null) =>
    guardRoute(phase, parseRoute(hash), hash, afterSignIn);

  it('sends signed-out users to the login page and remembers a deep link', () => {
    expect(decide('signedOut', '#/loans/emp-00008', null)).toEqual({ redirect: '#/login', afterSignIn: '#/loans/emp-00008' });
    expect(decide('signedOut', '#/security', '#/loans/emp-00008')).toEqual({ redirect: '#/login', afterSignIn: '#/security' });
  });

  it('does not remember the dashboard or unknown pages', () => {
    expect(decide('signedOut', '#/', '#/security')).toEqual({ redirect: '#/login', afterSignIn: '#/security' });
    expect(decide('signedOut', '#/nowhere', null)).toEqual({ redirect: '#/login', afterSignIn: null });
  });

  it('stays on the login page while signed out', () => {
    expect(decide('signedOut', '#/login', '#/security')).toEqual({ redirect: null, afterSignIn: '#/security' });
  });

  it('opens the remembered screen after the sign-in', () => {
    expect(decide('signedIn', '#/login', '#/loans/emp-00008')).toEqual({ redirect: '#/loans/emp-00008', afterSignIn: null });
    expect(decide('signedIn', '#/', '#/security')).toEqual({ redirect: '#/security', afterSignIn: null });
    expect(decide('signedIn', '#/login', null)).toEqual({ redirect: '#/', afterSignIn: null });
    expect(decide('signedIn', '#/', null)).toEqual({ redirect: null, afterSignIn: null });
  });

  it('leaves signed-in routes alone and forgets the remembered screen', () => {
    expect(decide('signedIn', '#/security', '#/loans/emp-00008')).toEqual({ redirect: null, afterSignIn: null });
  });

  it('waits while starting', () => {
    expect(decide('starting', '#/loans/emp-00008', null)).toEqual({ redirect: null, afterSignIn: null });
    expect(decide('starting', '#/loans/emp-00008', '#/security')).toEqual({ redirect: null, afterSignIn: '#/security' });
  });
});

import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from '../src/renderer/lib/routes';

describe('parseRoute', () => {
  it('maps the empty hash and "#/" to the dashboard', () => {
    expect(parseRoute('')).toEqual({ name: 'dashboard' });
    expect(parseRoute('#/')).toEqual({ name: 'dashboard' });
    expect(parseRoute('#')).toEqual({ name: 'dashboard' });
  });

  it('maps "#/login" to the login screen', () => {
    expect(parseRoute('#/login')).toEqual({ name: 'login' });
  });

  it('reads the loan id of a loan route', () => {
    expect(parseRoute('#/loans/loan_0001')).toEqual({ name: 'loan', loanId: 'loan_0001' });
  });

  it('rejects loan ids with invalid characters or length', () => {
    expect(parseRoute('#/loans/a%20b')).toEqual({ name: 'notFound', hash: '#/loans/a%20b' });
    expect(parseRoute(`#/loans/${'x'.repeat(65)}`).name).toBe('notFound');
    expect(parseRoute('#/loans/%E0%A4%A').name).toBe('notFound');
    expect(parseRoute('#/loans/').name).toBe('notFound');
    expect(parseRoute('#/loans/a/b').name).toBe('notFound');
  });

  it('maps unknown paths to notFound', () => {
    expect(parseRoute('#/settings')).toEqual({ name: 'notFound', hash: '#/settings' });
  });
});

describe('routeHash', () => {
  it('round-trips through parseRoute', () => {
    for (const route of [{ name: 'login' }, { name: 'dashboard' }, { name: 'loan', loanId: 'L-42' }] as const) {
      expect(parseRoute(routeHash(route))).toEqual(route);
    }
  });
});

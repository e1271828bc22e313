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

  it('maps "#/support" to the support console, and nothing below it', () => {
    expect(parseRoute('#/support')).toEqual({ name: 'support' });
    expect(parseRoute('#/support/')).toEqual({ name: 'notFound', hash: '#/support/' });
    expect(parseRoute('#/support/x').name).toBe('notFound');
    expect(routeHash({ name: 'support' })).toBe('#/support');
  });

  it('maps "#/chats" to the conversation list', () => {
    expect(parseRoute('#/chats')).toEqual({ name: 'chats' });
  });

  it('reads the loan and investor ids of a conversation route', () => {
    expect(parseRoute('#/loans/emp-00008/chat/0f8e2a4c-1b7d-4c2e-9a51-3d6f7b8c9e01')).toEqual({
      name: 'chat',
      loanId: 'emp-00008',
      investorId: '0f8e2a4c-1b7d-4c2e-9a51-3d6f7b8c9e01',
    });
  });

  it('rejects conversation routes with invalid ids', () => {
    expect(parseRoute('#/loans/emp-00008/chat/').name).toBe('notFound');
    expect(parseRoute('#/loans/emp-00008/chat/a%20b').name).toBe('notFound');
    expect(parseRoute('#/loans/a%20b/chat/inv-1').name).toBe('notFound');
    expect(parseRoute(`#/loans/emp-00008/chat/${'x'.repeat(65)}`).name).toBe('notFound');
    expect(parseRoute('#/loans/emp-00008/chat/%E0%A4%A').name).toBe('notFound');
    expect(parseRoute('#/loans/emp-00008/chat/inv-1/extra').name).toBe('notFound');
    expect(parseRoute('#/chats/extra').name).toBe('notFound');
  });

  it('maps unknown paths to notFound', () => {
    expect(parseRoute('#/settings')).toEqual({ name: 'notFound', hash: '#/settings' });
  });
});

describe('routeHash', () => {
  it('round-trips through parseRoute', () => {
    for (const route of [{ name: 'login' }, { name: 'dashboard' }, { name: 'loan', loanId: 'L-42' }, { name: 'support' }] as const) {
      expect(parseRoute(routeHash(route))).toEqual(route);
    }
  });

  it('maps the notifications centre and the Security screen', () => {
    expect(parseRoute('#/notifications')).toEqual({ name: 'notifications' });
    expect(parseRoute('#/security')).toEqual({ name: 'security' });
    expect(routeHash({ name: 'notifications' })).toBe('#/notifications');
    expect(routeHash({ name: 'security' })).toBe('#/security');
    expect(parseRoute('#/security/extra')).toEqual({ name: 'notFound', hash: '#/security/extra' });
  });

  it('round-trips chat routes through parseRoute', () => {
    for (const route of [{ name: 'chats' }, { name: 'chat', loanId: 'emp-00008', investorId: 'inv_7' }] as const) {
      expect(parseRoute(routeHash(route))).toEqual(route);
    }
  });
});

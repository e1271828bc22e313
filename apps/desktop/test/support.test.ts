import { LastroError } from '@lastro/engine';
import { describe, expect, it } from 'vitest';
import {
  auditSearchFailure,
  checkAuditPeriod,
  countWaitingHeld,
  formatSupportTime,
  heldIdsKey,
  saoPauloInputToRfc3339,
  supportErrorKey,
} from '../src/renderer/lib/support';

describe('support console helpers', () => {
  it('reads a datetime-local value as São Paulo time', () => {
    expect(saoPauloInputToRfc3339('2026-12-01T08:30')).toBe('2026-12-01T08:30:00-03:00');
    expect(saoPauloInputToRfc3339('2026-12-01T08:30:15')).toBe('2026-12-01T08:30:15-03:00');
    expect(saoPauloInputToRfc3339('  ')).toBeUndefined();
    expect(saoPauloInputToRfc3339('01/12/2026')).toBeNull();
  });

  it('formats times like the rest of the app', () => {
    expect(formatSupportTime('2026-12-04T22:56:05.120Z', 'pt-BR')).toBe('04/12/2026 19:56');
    expect(formatSupportTime('2026-12-04T02:59:59Z', 'en')).toBe('12/03/2026, 23:59');
    expect(formatSupportTime('ontem', 'pt-BR')).toBe('ontem');
  });

  it('maps errors to support console messages', () => {
    expect(supportErrorKey({ kind: 'invalid_request', status: 409 })).toBe('supportConsole.errors.alreadyDecided');
    expect(supportErrorKey({ kind: 'invalid_request', status: 400 })).toBe('supportConsole.errors.invalidRequest');
    expect(supportErrorKey({ kind: 'forbidden' })).toBe('supportConsole.errors.forbidden');
    expect(supportErrorKey({ kind: 'network' })).toBe('supportConsole.errors.unreachable');
    expect(supportErrorKey(new Error('x'))).toBe('supportConsole.errors.unexpected');
  });
});

describe('checkAuditPeriod', () => {
  it('converts both bounds', () => {
    expect(checkAuditPeriod('2026-12-01T08:30', '2026-12-02T08:30', 'pt-BR')).toEqual({
      from: '2026-12-01T08:30:00-03:00',
      to: '2026-12-02T08:30:00-03:00',
    });
  });

  it('accepts an open period', () => {
    expect(checkAuditPeriod('', '', 'pt-BR')).toEqual({});
    expect(checkAuditPeriod('2026-12-01T08:30', '', 'pt-BR')).toEqual({ from: '2026-12-01T08:30:00-03:00' });
  });

  it('rejects a start after the end, naming both', () => {
    expect(checkAuditPeriod('2026-12-05T10:00', '2026-12-01T09:00', 'pt-BR')).toEqual({
      error: { key: 'supportConsole.search.periodOrder', values: { from: '05/12/2026 10:00', to: '01/12/2026 09:00' } },
    });
  });

  it('rejects an empty period of equal bounds', () => {
    expect(checkAuditPeriod('2026-12-05T10:00', '2026-12-05T10:00', 'pt-BR')).toHaveProperty('error.key', 'supportConsole.search.periodOrder');
  });

  it('rejects an incomplete bound', () => {
    expect(checkAuditPeriod('2026-12-05', '', 'pt-BR')).toEqual({ error: { key: 'supportConsole.search.invalidPeriod' } });
  });
});

describe('auditSearchFailure', () => {
  it('names an unknown user', () => {
    const error = new LastroError('not_found', 'no user has the e-mail x@y', { field: 'user', status: 404 });
    expect(auditSearchFailure(error, ' x@y ')).toEqual({ key: 'supportConsole.search.userNotFound', values: { user: 'x@y' } });
  });

  it('keeps other failures generic', () => {
    expect(auditSearchFailure(new LastroError('not_found', 'gone', { status: 404 }), 'x@y')).toEqual({ key: 'supportConsole.errors.notFound' });
    expect(auditSearchFailure(new LastroError('network', 'down'), 'x@y')).toEqual({ key: 'supportConsole.errors.unreachable' });
  });
});

describe('held message count', () => {
  it('joins the queue and the live store', () => {
    const live = [
      { id: 'a', status: 'held' as const },
      { id: 'b', status: 'accepted' as const },
    ];
    expect(countWaitingHeld(live, ['a', 'c'])).toBe(2);
  });

  it('drops messages the live store shows decided', () => {
    expect(countWaitingHeld([{ id: 'a', status: 'rejected' }], ['a', 'b'])).toBe(1);
  });

  it('keys the held ids regardless of order', () => {
    const first = heldIdsKey([{ id: 'b', status: 'held' }, { id: 'a', status: 'held' }, { id: 'c', status: 'accepted' }]);
    expect(first).toBe('a,b');
    expect(heldIdsKey([{ id: 'a', status: 'held' }, { id: 'b', status: 'held' }])).toBe(first);
  });
});

import { describe, expect, it } from 'vitest';
import { formatSupportTime, saoPauloInputToRfc3339, supportErrorKey } from '../src/renderer/lib/support';

describe('support console helpers', () => {
  it('reads a datetime-local value as São Paulo time', () => {
    expect(saoPauloInputToRfc3339('2026-12-01T08:30')).toBe('2026-12-01T08:30:00-03:00');
    expect(saoPauloInputToRfc3339('2026-12-01T08:30:15')).toBe('2026-12-01T08:30:15-03:00');
    expect(saoPauloInputToRfc3339('  ')).toBeUndefined();
    expect(saoPauloInputToRfc3339('01/12/2026')).toBeNull();
  });

  it('formats times in America/Sao_Paulo with seconds', () => {
    expect(formatSupportTime('2026-12-04T20:00:05.120Z', 'pt-BR')).toBe('04/12/2026 17:00:05');
    expect(formatSupportTime('2026-12-04T02:59:59Z', 'en')).toBe('03/12/2026 23:59:59');
  });

  it('maps errors to support console messages', () => {
    expect(supportErrorKey({ kind: 'invalid_request', status: 409 })).toBe('supportConsole.errors.alreadyDecided');
    expect(supportErrorKey({ kind: 'invalid_request', status: 400 })).toBe('supportConsole.errors.invalidRequest');
    expect(supportErrorKey({ kind: 'forbidden' })).toBe('supportConsole.errors.forbidden');
    expect(supportErrorKey({ kind: 'network' })).toBe('supportConsole.errors.unreachable');
    expect(supportErrorKey(new Error('x'))).toBe('supportConsole.errors.unexpected');
  });
});

import { describe, expect, it } from 'vitest';
import { colourForUser, initialsOf, parsePresenceUser, peersOf } from '../src/renderer/lib/collab/presence';
import {
  backoffDelay,
  decideAfterClose,
  decideAfterTicketFailure,
  DEFAULT_BACKOFF,
  DOCUMENT_FAILURE_BACKOFF,
  INITIAL_RECONNECT_STATE,
} from '../src/renderer/lib/collab/reconnect-policy';
import { chatPresenceRoom, collabSocketUrl, notesRoom } from '../src/renderer/lib/collab/rooms';
import { CollabTicketError, parseTicketResponse } from '../src/renderer/lib/collab/tickets';

describe('backoffDelay', () => {
  it('grows and is capped', () => {
    expect(backoffDelay(0, DEFAULT_BACKOFF, 1)).toBe(500);
    expect(backoffDelay(1, DEFAULT_BACKOFF, 1)).toBe(1000);
    expect(backoffDelay(20, DEFAULT_BACKOFF, 1)).toBe(30_000);
    expect(backoffDelay(20, DEFAULT_BACKOFF, 0)).toBe(15_000);
  });
});

describe('decideAfterClose', () => {
  it('retries after a network loss with back-off', () => {
    const first = decideAfterClose(1006, INITIAL_RECONNECT_STATE, 1);
    expect(first.decision).toEqual({ action: 'retry', delayMs: 500 });
    const second = decideAfterClose(1006, first.state, 1);
    expect(second.decision).toEqual({ action: 'retry', delayMs: 1000 });
  });

  it('retries a local close', () => {
    expect(decideAfterClose(null, INITIAL_RECONNECT_STATE, 1).decision.action).toBe('retry');
  });

  it('backs off longer after 4500', () => {
    expect(decideAfterClose(4500, INITIAL_RECONNECT_STATE, 1).decision).toEqual({ action: 'retry', delayMs: DOCUMENT_FAILURE_BACKOFF.baseMs });
  });

  it('retries 4401 once with a fresh ticket', () => {
    const first = decideAfterClose(4401, INITIAL_RECONNECT_STATE, 1);
    expect(first.decision).toEqual({ action: 'retry', delayMs: 0 });
    expect(decideAfterClose(4401, first.state, 1).decision).toEqual({ action: 'stop', reason: 'sessionExpired' });
  });

  it('stops on a second 4403', () => {
    const first = decideAfterClose(4403, INITIAL_RECONNECT_STATE, 1);
    expect(first.decision.action).toBe('retry');
    expect(decideAfterClose(4403, first.state, 1).decision).toEqual({ action: 'stop', reason: 'forbidden' });
  });

  it('stops on 4400', () => {
    expect(decideAfterClose(4400, INITIAL_RECONNECT_STATE, 1).decision).toEqual({ action: 'stop', reason: 'invalid' });
  });

  it('retries rate limits and slow reads', () => {
    for (const code of [1001, 4509, 4529]) {
      expect(decideAfterClose(code, INITIAL_RECONNECT_STATE, 1).decision.action).toBe('retry');
    }
  });
});

describe('decideAfterTicketFailure', () => {
  it('stops on refusals', () => {
    expect(decideAfterTicketFailure('unauthorized', INITIAL_RECONNECT_STATE, 1).decision).toEqual({ action: 'stop', reason: 'sessionExpired' });
    expect(decideAfterTicketFailure('forbidden', INITIAL_RECONNECT_STATE, 1).decision).toEqual({ action: 'stop', reason: 'forbidden' });
    expect(decideAfterTicketFailure('notFound', INITIAL_RECONNECT_STATE, 1).decision).toEqual({ action: 'stop', reason: 'notFound' });
    expect(decideAfterTicketFailure('invalidRequest', INITIAL_RECONNECT_STATE, 1).decision).toEqual({ action: 'stop', reason: 'invalid' });
  });

  it('retries a request that got no answer', () => {
    const result = decideAfterTicketFailure(undefined, INITIAL_RECONNECT_STATE, 1);
    expect(result.decision).toEqual({ action: 'retry', delayMs: 500 });
    expect(result.state.failures).toBe(1);
  });
});

describe('parseTicketResponse', () => {
  it('accepts a ticket', () => {
    expect(parseTicketResponse({ ticket: 'abc', expiresAt: '2025-01-01T12:00:00.000Z' })).toEqual({
      ticket: 'abc',
      expiresAt: '2025-01-01T12:00:00.000Z',
    });
  });

  it('rejects malformed bodies naming the field', () => {
    expect(() => parseTicketResponse(null)).toThrow(CollabTicketError);
    expect(() => parseTicketResponse({ expiresAt: '2025-01-01T12:00:00.000Z' })).toThrow(/"ticket"/);
    expect(() => parseTicketResponse({ ticket: 'abc', expiresAt: 'soon' })).toThrow(/"expiresAt"/);
  });
});

describe('collab rooms', () => {
  it('builds room names', () => {
    expect(notesRoom('emp-00008')).toBe('loan:emp-00008:notes');
    expect(chatPresenceRoom('emp-00008', 'u_1')).toBe('chat:emp-00008:u_1:presence');
  });

  it('rejects ids the server would refuse', () => {
    expect(() => notesRoom('emp:8')).toThrow(/invalid loan id "emp:8"/);
    expect(() => chatPresenceRoom('emp-00008', '')).toThrow(/invalid investor id/);
  });

  it('derives the socket URL from the server URL', () => {
    expect(collabSocketUrl('http://127.0.0.1:8080')).toBe('ws://127.0.0.1:8080/collab');
    expect(collabSocketUrl('https://lastro.example/')).toBe('wss://lastro.example/collab');
    expect(() => collabSocketUrl('ftp://lastro.example')).toThrow(/http or https/);
  });
});

describe('presence states', () => {
  it('lists other users once, with typing from any window', () => {
    const states = new Map<number, unknown>([
      [1, { user: { id: 'ana', name: 'Ana Ribeiro' } }],
      [2, { user: { id: 'bruno', name: 'Bruno Costa' }, typing: false }],
      [3, { user: { id: 'bruno', name: 'Bruno Costa' }, typing: true }],
      [4, {}],
      [5, { user: { id: 'x', name: '   ' } }],
    ]);
    expect(peersOf(states, 'ana')).toEqual([{ id: 'bruno', name: 'Bruno Costa', colour: colourForUser('bruno'), typing: true }]);
  });

  it('derives the colour instead of trusting the peer', () => {
    expect(parsePresenceUser({ user: { id: 'ana', name: 'Ana', colour: 'red; background: url(x)' } })?.colour).toBe(colourForUser('ana'));
  });

  it('makes initials', () => {
    expect(initialsOf('Ana Ribeiro')).toBe('AR');
    expect(initialsOf('Bruno')).toBe('B');
    expect(initialsOf('élio de souza')).toBe('ÉS');
  });
});

import { CLOSE_CODES } from '@lastro/protocol';
import { describe, expect, it } from 'vitest';
import {
  INITIAL_MACHINE_STATE,
  STABLE_CONNECTION_MS,
  transition,
  type ConnectionEvent,
  type MachineState,
} from '../src/connection-machine.js';

const T0 = Date.parse('2026-01-10T12:00:00.000Z');
const half = () => 0.5;

function run(events: ConnectionEvent[], start: MachineState = INITIAL_MACHINE_STATE): MachineState {
  return events.reduce((state, event) => transition(state, event, half).state, start);
}

const online: MachineState = run([
  { type: 'start', now: T0 },
  { type: 'ready', now: T0 + 10 },
]);

describe('connection machine', () => {
  it('connects on start', () => {
    const result = transition(INITIAL_MACHINE_STATE, { type: 'start', now: T0 }, half);
    expect(result.state.connection).toEqual({ status: 'connecting', attempt: 1 });
    expect(result.commands).toEqual([{ type: 'openSocket' }]);
  });

  it('goes online on ready', () => {
    expect(online.connection).toEqual({ status: 'online', since: new Date(T0 + 10).toISOString() });
  });

  it('schedules a jittered retry when a connection drops', () => {
    const result = transition(online, { type: 'closed', now: T0 + 1000, code: 1006, reason: 'ECONNRESET' }, half);
    expect(result.state.connection).toEqual({
      status: 'reconnecting',
      attempt: 1,
      nextRetryAt: new Date(T0 + 1000 + 250).toISOString(),
      lastError: 'connection closed with code 1006: ECONNRESET',
    });
    expect(result.commands).toEqual([{ type: 'scheduleRetry', delayMs: 250 }]);
  });

  it('grows the delay with consecutive failures', () => {
    let state = run([{ type: 'start', now: T0 }]);
    const delays: number[] = [];
    for (let failure = 0; failure < 4; failure += 1) {
      const closed = transition(state, { type: 'closed', now: T0, code: 1006, reason: '' }, half);
      const command = closed.commands[0];
      expect(command?.type).toBe('scheduleRetry');
      delays.push(command?.type === 'scheduleRetry' ? command.delayMs : -1);
      state = transition(closed.state, { type: 'retryDue', now: T0 }, half).state;
      expect(state.connection).toEqual({ status: 'connecting', attempt: failure + 2 });
    }
    expect(delays).toEqual([250, 500, 1000, 2000]);
  });

  it('resets the back-off after a stable connection', () => {
    const failing = run([
      { type: 'closed', now: T0 + 20, code: 1006, reason: '' },
      { type: 'retryDue', now: T0 + 30 },
      { type: 'closed', now: T0 + 40, code: 1006, reason: '' },
      { type: 'retryDue', now: T0 + 50 },
      { type: 'ready', now: T0 + 60 },
    ], online);
    expect(failing.failures).toBe(2);

    const shortLived = transition(failing, { type: 'closed', now: T0 + 100, code: 1001, reason: '' }, half);
    expect(shortLived.state.failures).toBe(3);

    const stable = transition(failing, { type: 'closed', now: T0 + 60 + STABLE_CONNECTION_MS, code: 1001, reason: '' }, half);
    expect(stable.state.failures).toBe(1);
    expect(stable.commands).toEqual([{ type: 'scheduleRetry', delayMs: 250 }]);
  });

  it.each([
    [CLOSE_CODES.unauthorized, { status: 'unauthorized', message: 'nope' }],
    [CLOSE_CODES.sessionRevoked, { status: 'unauthorized', message: 'nope', revoked: true }],
    [CLOSE_CODES.protocolVersionUnsupported, { status: 'incompatible', message: 'nope' }],
  ] as const)('stops on close code %i', (code, connection) => {
    const result = transition(online, { type: 'closed', now: T0 + 100, code, reason: 'nope' }, half);
    expect(result.state.connection).toEqual(connection);
    expect(result.commands).toEqual([]);

    const later = transition(result.state, { type: 'retryDue', now: T0 + 200 }, half);
    expect(later.state).toBe(result.state);
    expect(later.commands).toEqual([]);
  });

  it('waits for the network while offline', () => {
    const offline = transition(online, { type: 'networkOffline', now: T0 + 100 }, half);
    expect(offline.state.connection).toEqual({ status: 'offline' });
    expect(offline.commands).toEqual([{ type: 'cancelRetry' }, { type: 'closeSocket', reason: 'network offline' }]);

    const ignoredRetry = transition(offline.state, { type: 'retryDue', now: T0 + 200 }, half);
    expect(ignoredRetry.commands).toEqual([]);

    const back = transition(offline.state, { type: 'networkOnline', now: T0 + 300 }, half);
    expect(back.state.connection).toEqual({ status: 'connecting', attempt: 1 });
    expect(back.commands).toEqual([{ type: 'openSocket' }]);
  });

  it('stops on rejected credentials', () => {
    const result = transition(online, { type: 'credentialsRejected', now: T0, message: 'token expired' }, half);
    expect(result.state.connection).toEqual({ status: 'unauthorized', message: 'token expired' });
    expect(result.commands).toContainEqual({ type: 'closeSocket', reason: 'session rejected' });
  });

  it('restarts from a terminal state on start', () => {
    const rejected = run([{ type: 'closed', now: T0, code: CLOSE_CODES.unauthorized, reason: '' }], online);
    expect(rejected.connection.status).toBe('unauthorized');
    const result = transition(rejected, { type: 'start', now: T0 }, half);
    expect(result.state.connection).toEqual({ status: 'connecting', attempt: 1 });
    expect(result.commands).toEqual([{ type: 'openSocket' }]);
  });

  it('returns to idle on stop', () => {
    const result = transition(online, { type: 'stop', now: T0 }, half);
    expect(result.state).toEqual(INITIAL_MACHINE_STATE);
    expect(result.commands).toEqual([{ type: 'cancelRetry' }, { type: 'closeSocket', reason: 'client closed' }]);
  });

  it('ignores a close after stop', () => {
    const idle = run([{ type: 'stop', now: T0 }], online);
    const result = transition(idle, { type: 'closed', now: T0, code: 1006, reason: '' }, half);
    expect(result.state).toBe(idle);
    expect(result.commands).toEqual([]);
  });
});

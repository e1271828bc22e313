import { CLOSE_CODES } from '@lastro/protocol';
import { backoffDelayMs } from './backoff.js';
import type { ConnectionState } from './types.js';

/**
 * A connection that stays online at least this long resets the back-off, so a server that
 * accepts and then drops every connection still gets growing delays.
 */
export const STABLE_CONNECTION_MS = 10_000;

/** Machine state: the connection state the UI shows, plus the count of consecutive failed connections. */
export interface MachineState {
  readonly connection: ConnectionState;
  /** Connections that failed or dropped since the last stable one; the back-off grows with it. */
  readonly failures: number;
}

/** Inputs of the machine. `now` is epoch milliseconds, supplied by the driver so the machine stays pure. */
export type ConnectionEvent =
  | { type: 'start'; now: number }
  | { type: 'ready'; now: number }
  | { type: 'closed'; now: number; code: number; reason: string }
  | { type: 'retryDue'; now: number }
  | { type: 'networkOffline'; now: number }
  | { type: 'networkOnline'; now: number }
  | { type: 'credentialsRejected'; now: number; message: string }
  | { type: 'stop'; now: number };

/** Side effects the driver performs after a transition. */
export type ConnectionCommand =
  | { type: 'openSocket' }
  | { type: 'closeSocket'; reason: string }
  | { type: 'scheduleRetry'; delayMs: number }
  | { type: 'cancelRetry' };

export interface Transition {
  state: MachineState;
  commands: ConnectionCommand[];
}

/** The machine before the first login. */
export const INITIAL_MACHINE_STATE: MachineState = { connection: { status: 'idle' }, failures: 0 };

function describeClose(code: number, reason: string): string {
  return reason ? `connection closed with code ${code}: ${reason}` : `connection closed with code ${code}`;
}

function unchanged(state: MachineState): Transition {
  return { state, commands: [] };
}

/** Failure of the current socket: wait with back-off, or stop for good on a terminal close code. */
function onClosed(state: MachineState, event: Extract<ConnectionEvent, { type: 'closed' }>, random: () => number): Transition {
  const { connection } = state;
  if (connection.status !== 'connecting' && connection.status !== 'online') {
    return unchanged(state);
  }
  if (event.code === CLOSE_CODES.unauthorized || event.code === CLOSE_CODES.sessionRevoked) {
    const message = event.reason || 'the server rejected the session; log in again';
    const revoked = event.code === CLOSE_CODES.sessionRevoked;
    return { state: { connection: { status: 'unauthorized', message, ...(revoked ? { revoked } : {}) }, failures: 0 }, commands: [] };
  }
  if (event.code === CLOSE_CODES.protocolVersionUnsupported) {
    const message = event.reason || 'the server does not support this protocol version; update the app';
    return { state: { connection: { status: 'incompatible', message }, failures: 0 }, commands: [] };
  }

  const wasStable = connection.status === 'online' && event.now - Date.parse(connection.since) >= STABLE_CONNECTION_MS;
  const failures = (wasStable ? 0 : state.failures) + 1;
  const delayMs = backoffDelayMs(failures - 1, random);
  return {
    state: {
      connection: {
        status: 'reconnecting',
        attempt: failures,
        nextRetryAt: new Date(event.now + delayMs).toISOString(),
        lastError: describeClose(event.code, event.reason),
      },
      failures,
    },
    commands: [{ type: 'scheduleRetry', delayMs }],
  };
}

/**
 * Computes the next state of the sync connection and the side effects to run. Pure: time
 * and randomness come in as arguments, so every transition is unit-testable.
 */
export function transition(state: MachineState, event: ConnectionEvent, random: () => number): Transition {
  const status = state.connection.status;
  const connecting = (failures: number): MachineState => ({
    connection: { status: 'connecting', attempt: failures + 1 },
    failures,
  });

  switch (event.type) {
    case 'start':
      // A new login or resume clears a terminal state and starts from a fresh back-off.
      if (status === 'connecting' || status === 'online' || status === 'reconnecting' || status === 'offline') {
        return unchanged(state);
      }
      return { state: connecting(0), commands: [{ type: 'openSocket' }] };

    case 'ready':
      if (status !== 'connecting') return unchanged(state);
      return {
        state: { connection: { status: 'online', since: new Date(event.now).toISOString() }, failures: state.failures },
        commands: [],
      };

    case 'closed':
      return onClosed(state, event, random);

    case 'retryDue':
      if (status !== 'reconnecting') return unchanged(state);
      return { state: connecting(state.failures), commands: [{ type: 'openSocket' }] };

    case 'networkOffline':
      if (status !== 'connecting' && status !== 'online' && status !== 'reconnecting') return unchanged(state);
      return {
        state: { connection: { status: 'offline' }, failures: state.failures },
        commands: [{ type: 'cancelRetry' }, { type: 'closeSocket', reason: 'network offline' }],
      };

    case 'networkOnline':
      if (status !== 'offline') return unchanged(state);
      return { state: connecting(state.failures), commands: [{ type: 'openSocket' }] };

    case 'credentialsRejected':
      if (status === 'idle') return unchanged(state);
      return {
        state: { connection: { status: 'unauthorized', message: event.message }, failures: 0 },
        commands: [{ type: 'cancelRetry' }, { type: 'closeSocket', reason: 'session rejected' }],
      };

    case 'stop':
      return {
        state: INITIAL_MACHINE_STATE,
        commands: [{ type: 'cancelRetry' }, { type: 'closeSocket', reason: 'client closed' }],
      };
  }
}

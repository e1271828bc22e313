/**
 * When a collaboration socket reconnects, and when it gives up. The provider's own retry is
 * cancelled after every close, because it would reuse a spent ticket; these rules decide
 * instead. Close codes are those of docs/protocol.md, section "Close codes".
 */
import type { TicketRefusal } from './tickets';

/** Reason a room stopped connecting for good. */
export type CollabRefusalReason =
  /** The session ended, or fresh tickets were rejected too: log in again. */
  | 'sessionExpired'
  /** The user may not join this room. */
  | 'forbidden'
  /** The loan or organisation does not exist. */
  | 'notFound'
  /** The server rejected the request or a message as malformed. */
  | 'invalid';

export type ReconnectDecision = { action: 'retry'; delayMs: number } | { action: 'stop'; reason: CollabRefusalReason };

/** Counters of the attempts since the last connection that synced. */
export interface ReconnectState {
  /** Failed attempts in a row; sets the back-off. */
  failures: number;
  /** Sockets closed with 4401 or 4403 in a row. */
  ticketRejections: number;
}

export const INITIAL_RECONNECT_STATE: ReconnectState = { failures: 0, ticketRejections: 0 };

export interface BackoffOptions {
  /** Delay before the first retry, in milliseconds. */
  baseMs: number;
  /** Upper bound of the delay, in milliseconds. */
  maxMs: number;
}

/** Back-off after network failures, server shutdown and rate limits. */
export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 30_000 };
/** Back-off after 4500, a document the server could not load or store: an operator must act. */
export const DOCUMENT_FAILURE_BACKOFF: BackoffOptions = { baseMs: 15_000, maxMs: 300_000 };

export const CLOSE_BAD_MESSAGE = 4400;
export const CLOSE_BAD_TICKET = 4401;
export const CLOSE_WRONG_ROOM = 4403;
export const CLOSE_DOCUMENT_FAILED = 4500;

/**
 * Computes the delay before attempt number `failures + 1`: exponential from `baseMs`, capped at
 * `maxMs`, then spread over its upper half by `random` (a value in [0, 1)) so that clients
 * dropped together do not return together.
 */
export function backoffDelay(failures: number, options: BackoffOptions, random: number): number {
  const exponential = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(failures, 30));
  return Math.round(exponential / 2 + (exponential / 2) * random);
}

/**
 * Decides what follows a closed socket. `code` is null when the client closed the socket
 * itself, which includes the provider's watchdog after 30 s without messages.
 */
export function decideAfterClose(
  code: number | null,
  state: ReconnectState,
  random: number,
): { decision: ReconnectDecision; state: ReconnectState } {
  if (code === CLOSE_BAD_TICKET || code === CLOSE_WRONG_ROOM) {
    // A ticket may expire between the request and the socket, so one fresh ticket is tried.
    // When that one is rejected too, retrying cannot help.
    const ticketRejections = state.ticketRejections + 1;
    if (ticketRejections >= 2) {
      const reason: CollabRefusalReason = code === CLOSE_BAD_TICKET ? 'sessionExpired' : 'forbidden';
      return { decision: { action: 'stop', reason }, state: { ...state, ticketRejections } };
    }
    return { decision: { action: 'retry', delayMs: 0 }, state: { failures: state.failures + 1, ticketRejections } };
  }
  if (code !== null && code >= 4400 && code < 4500) {
    // 4400 and other 44xx codes: the client sent something the server cannot read.
    return { decision: { action: 'stop', reason: 'invalid' }, state };
  }
  const options = code === CLOSE_DOCUMENT_FAILED ? DOCUMENT_FAILURE_BACKOFF : DEFAULT_BACKOFF;
  return {
    decision: { action: 'retry', delayMs: backoffDelay(state.failures, options, random) },
    state: { ...state, failures: state.failures + 1 },
  };
}

/**
 * Decides what follows a failed ticket request: a refusal stops (401 means the session ended),
 * anything else (offline, timeout, 5xx) is retried with back-off.
 */
export function decideAfterTicketFailure(
  refusal: TicketRefusal | undefined,
  state: ReconnectState,
  random: number,
): { decision: ReconnectDecision; state: ReconnectState } {
  switch (refusal) {
    case 'unauthorized':
      return { decision: { action: 'stop', reason: 'sessionExpired' }, state };
    case 'forbidden':
      return { decision: { action: 'stop', reason: 'forbidden' }, state };
    case 'notFound':
      return { decision: { action: 'stop', reason: 'notFound' }, state };
    case 'invalidRequest':
      return { decision: { action: 'stop', reason: 'invalid' }, state };
    case undefined:
      return {
        decision: { action: 'retry', delayMs: backoffDelay(state.failures, DEFAULT_BACKOFF, random) },
        state: { ...state, failures: state.failures + 1 },
      };
  }
}

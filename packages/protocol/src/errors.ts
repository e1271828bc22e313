import { Type, type Static } from '@sinclair/typebox';
import { StringEnum } from './string-enum.js';

/**
 * Error kinds shared by HTTP error bodies, socket `error` frames and close reasons.
 * A kind is never reused for a different meaning once released.
 */
export const ERROR_KINDS = [
  /** The request or frame does not match its schema; `field` names the first invalid value. */
  'invalid_request',
  /** Missing, unknown, expired or revoked credentials. */
  'unauthorized',
  /** Authenticated, but this user may not do this (for example writing a server-owned collection). */
  'forbidden',
  /** The addressed resource does not exist. */
  'not_found',
  /** The request does not fit the resource's current state, such as reviewing a message that is no longer held. */
  'conflict',
  /** The client speaks a protocol version older than `MIN_SUPPORTED_PROTOCOL_VERSION` or newer than the server. */
  'protocol_version_unsupported',
  /** Too many requests or frames; `retryAfterMs` gives when to try again. */
  'rate_limited',
  /** A frame or body is larger than the server accepts. */
  'payload_too_large',
  /** The session was revoked; log in again. */
  'session_revoked',
  /** An unexpected server failure; the request may be retried later. */
  'internal',
] as const;

export type ErrorKind = (typeof ERROR_KINDS)[number];

export const ErrorKindSchema = StringEnum(ERROR_KINDS);

/** Body of every non-2xx HTTP response. */
export const ErrorBodySchema = Type.Object({
  error: Type.Object({
    kind: ErrorKindSchema,
    message: Type.String(),
    field: Type.Optional(Type.String()),
    retryAfterMs: Type.Optional(Type.Integer({ minimum: 0 })),
  }),
});
export type ErrorBody = Static<typeof ErrorBodySchema>;

/**
 * WebSocket close codes used by the server (4000–4999 is the range reserved for applications).
 * Clients use them to choose between reconnecting and stopping.
 */
export const CLOSE_CODES = {
  /** Normal shutdown by either side; reconnect if the client still wants data. */
  normal: 1000,
  /** Server is restarting; reconnect with back-off. */
  goingAway: 1001,
  /** Authentication failed or timed out; do not reconnect with the same token. */
  unauthorized: 4001,
  /** Protocol version not supported; do not reconnect until the app is updated. */
  protocolVersionUnsupported: 4002,
  /** The session was revoked; do not reconnect with the same token. */
  sessionRevoked: 4003,
  /** The client sent an invalid frame or too many frames; reconnect with back-off. */
  policyViolation: 4008,
  /** The client read too slowly and its send buffer overflowed; reconnect and resume by checkpoint. */
  slowConsumer: 4009,
} as const;

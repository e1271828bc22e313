import { randomUUID } from 'node:crypto';
import {
  CLOSE_CODES,
  MIN_SUPPORTED_PROTOCOL_VERSION,
  PROTOCOL_VERSION,
  type AuthFrame,
  type ReadyFrame,
  type ServerFrame,
} from '@lastro/protocol';
import type { WebSocket, WebSocketBehavior } from 'uWebSockets.js';
import { ChangeSet } from '../changes.js';
import type { ServerContext } from '../context.js';
import { principalForToken } from '../http/authenticate.js';
import { parseFrame } from './frames.js';
import { closeSlowConsumer, endSocket } from './hub.js';
import { handlePull } from './pull.js';
import { ensurePreferences } from './push-preferences.js';
import { handlePush } from './push.js';
import { TokenBucket } from './rate-limit.js';
import type { SocketData } from './socket-data.js';

/** Limits of one sync connection. */
export interface SyncLimits {
  /** Milliseconds a new socket has to send its auth frame before it is closed with 4001. */
  authTimeoutMs: number;
  /** Largest frame accepted, in bytes; uWebSockets.js drops the connection on a larger frame (the client sees 1006). */
  maxPayloadLength: number;
  /**
   * Bytes buffered for a slow reader before it is closed with 4009. uWebSockets.js gets twice
   * this as its own limit, so the close frame still fits in the buffer.
   */
  maxBackpressure: number;
  /** Sustained frames per second per connection. */
  framesPerSecond: number;
  /** Frames a connection may send in a burst. */
  frameBurst: number;
  /** Invalid frames after which the connection is closed with 4008. */
  maxInvalidFrames: number;
  /** Seconds without traffic before a socket is dropped; uWebSockets.js pings before that. */
  idleTimeoutSeconds: number;
}

export const DEFAULT_SYNC_LIMITS: SyncLimits = {
  authTimeoutMs: 10_000,
  maxPayloadLength: 64 * 1024,
  maxBackpressure: 4 * 1024 * 1024,
  framesPerSecond: 50,
  frameBurst: 100,
  maxInvalidFrames: 5,
  idleTimeoutSeconds: 120,
};

/** Sends a frame; a socket whose send buffer passed the limit is closed as a slow consumer. */
function sendFrame(ws: WebSocket<SocketData>, frame: ServerFrame): void {
  const data = ws.getUserData();
  if (data.closed) {
    return;
  }
  // 0: sent, 1: buffered under backpressure, 2: dropped because uWebSockets.js's own limit was passed.
  const status = ws.send(JSON.stringify(frame), false);
  if (status === 2 || ws.getBufferedAmount() > data.maxBufferedBytes) {
    closeSlowConsumer(ws);
  }
}

/**
 * Detects an auth frame with an unsupported protocol version before schema validation, so
 * an old client gets 4002 and a clear reason even when its frame fails today's schema.
 */
function unsupportedVersion(raw: string): number | undefined {
  try {
    const value = JSON.parse(raw) as { type?: unknown; protocolVersion?: unknown };
    if (value !== null && typeof value === 'object' && value.type === 'auth' && typeof value.protocolVersion === 'number') {
      const version = value.protocolVersion;
      if (version < MIN_SUPPORTED_PROTOCOL_VERSION || version > PROTOCOL_VERSION) {
        return version;
      }
    }
  } catch {
    // Invalid JSON is reported by parseClientFrame.
  }
  return undefined;
}

function handleAuth(ctx: ServerContext, ws: WebSocket<SocketData>, frame: AuthFrame): void {
  const data = ws.getUserData();
  if (data.principal !== undefined) {
    sendFrame(ws, { type: 'error', kind: 'invalid_request', message: 'already authenticated; send auth only once per socket' });
    return;
  }
  const principal = principalForToken(ctx, frame.token);
  if (principal === undefined) {
    data.log.info('socket auth failed: invalid or revoked token');
    sendFrame(ws, { type: 'error', kind: 'unauthorized', message: 'invalid or revoked session token: log in again' });
    endSocket(ws, CLOSE_CODES.unauthorized, 'unauthorized');
    return;
  }

  // Before the socket counts as authenticated, so a failure here leaves the auth frame retryable.
  if (ctx.store.preferences.find(principal.user.id) === undefined) {
    const changes = new ChangeSet();
    ctx.store.transaction(() => ensurePreferences(ctx.store, principal.user.id, new Date().toISOString(), changes));
    ctx.sync.publish(changes);
  }

  clearTimeout(data.authTimer);
  data.principal = {
    userId: principal.user.id,
    sessionId: principal.session.id,
    role: principal.user.role,
    name: principal.user.name,
  };
  data.log = data.log.child({ userId: principal.user.id, sessionId: principal.session.id });
  ctx.sync.authenticated(ws, principal.session.id);

  // Subscribe before `ready`, so no change committed after `ready` is missed, and take the
  // stream indexes in the same step, so the next frame of each stream is index + 1.
  const streams = ctx.sync.subscribe(ws, principal.user.id);

  const ready: ReadyFrame = {
    type: 'ready',
    protocolVersion: PROTOCOL_VERSION,
    sessionId: principal.session.id,
    user: { id: principal.user.id, role: principal.user.role, name: principal.user.name },
    serverTime: new Date().toISOString(),
    streams,
  };
  sendFrame(ws, ready);
  data.log.info('socket authenticated');
}

/**
 * Reads the `requestId` of a frame that failed validation or was rate-limited, so the client
 * can match the error to its request. Returns undefined unless it is a valid request id.
 */
function requestIdOf(raw: string): string | undefined {
  try {
    const value = JSON.parse(raw) as { requestId?: unknown } | null;
    const requestId = value?.requestId;
    return typeof requestId === 'string' && requestId.length >= 1 && requestId.length <= 64 ? requestId : undefined;
  } catch {
    return undefined;
  }
}

function handleInvalidFrame(
  ctx: ServerContext,
  ws: WebSocket<SocketData>,
  raw: string,
  failure: { field: string; message: string },
  limits: SyncLimits,
): void {
  const data = ws.getUserData();
  data.invalidFrames += 1;
  ctx.metrics.socketFrames.inc({ type: 'invalid' });
  data.log.info({ field: failure.field, invalidFrames: data.invalidFrames }, 'invalid frame');
  const requestId = requestIdOf(raw);
  sendFrame(ws, {
    type: 'error',
    ...(requestId === undefined ? {} : { requestId }),
    kind: 'invalid_request',
    message: `invalid frame: ${failure.message}`,
  });
  if (data.invalidFrames >= limits.maxInvalidFrames) {
    endSocket(ws, CLOSE_CODES.policyViolation, 'too many invalid frames');
  }
}

function handleMessage(ctx: ServerContext, ws: WebSocket<SocketData>, raw: string, limits: SyncLimits): void {
  const data = ws.getUserData();
  const retryAfterMs = data.frames.take();
  if (retryAfterMs > 0) {
    const requestId = requestIdOf(raw);
    sendFrame(ws, {
      type: 'error',
      ...(requestId === undefined ? {} : { requestId }),
      kind: 'rate_limited',
      message: `too many frames: the limit is ${limits.framesPerSecond} per second; retry after ${retryAfterMs} ms`,
      retryAfterMs,
    });
    return;
  }

  const version = unsupportedVersion(raw);
  if (version !== undefined) {
    data.log.info({ protocolVersion: version }, 'socket rejected: unsupported protocol version');
    sendFrame(ws, {
      type: 'error',
      kind: 'protocol_version_unsupported',
      message: `protocol version ${version} is not supported; this server speaks ${MIN_SUPPORTED_PROTOCOL_VERSION} to ${PROTOCOL_VERSION}, so update the app`,
    });
    endSocket(ws, CLOSE_CODES.protocolVersionUnsupported, 'protocol version not supported');
    return;
  }

  const parsed = parseFrame(raw);
  if (!parsed.ok) {
    handleInvalidFrame(ctx, ws, raw, parsed, limits);
    return;
  }
  const frame = parsed.value;
  ctx.metrics.socketFrames.inc({ type: frame.type });
  if (frame.type === 'auth') {
    handleAuth(ctx, ws, frame);
    return;
  }
  const principal = data.principal;
  if (principal === undefined) {
    sendFrame(ws, { type: 'error', requestId: frame.requestId, kind: 'unauthorized', message: 'send the auth frame first' });
    endSocket(ws, CLOSE_CODES.unauthorized, 'unauthorized');
    return;
  }
  if (frame.type === 'pull') {
    sendFrame(ws, handlePull(ctx.store, principal.userId, frame));
    return;
  }
  sendFrame(ws, handlePush(ctx, { id: principal.userId, role: principal.role, sessionId: principal.sessionId }, frame, data.log));
}

/** Creates the `/sync` WebSocket behaviour: authentication, validation, limits, pull and push. */
export function createSyncBehavior(ctx: ServerContext, limits: SyncLimits): WebSocketBehavior<SocketData> {
  return {
    maxPayloadLength: limits.maxPayloadLength,
    maxBackpressure: 2 * limits.maxBackpressure,
    closeOnBackpressureLimit: false,
    idleTimeout: limits.idleTimeoutSeconds,
    sendPingsAutomatically: true,

    upgrade: (res, req, context) => {
      const ip = Buffer.from(res.getRemoteAddressAsText()).toString();
      const connectionId = randomUUID();
      const data: SocketData = {
        connectionId,
        ip,
        closed: false,
        frames: new TokenBucket(limits.frameBurst, limits.framesPerSecond),
        invalidFrames: 0,
        maxBufferedBytes: limits.maxBackpressure,
        log: ctx.logger.child({ connectionId }),
      };
      res.upgrade(
        data,
        req.getHeader('sec-websocket-key'),
        req.getHeader('sec-websocket-protocol'),
        req.getHeader('sec-websocket-extensions'),
        context,
      );
    },

    open: (ws) => {
      const data = ws.getUserData();
      ctx.sync.opened(ws);
      data.log.debug({ ip: data.ip }, 'socket opened');
      data.authTimer = setTimeout(() => {
        if (data.closed || data.principal !== undefined) {
          return;
        }
        data.log.info('socket auth timed out');
        sendFrame(ws, { type: 'error', kind: 'unauthorized', message: `no auth frame within ${limits.authTimeoutMs} ms` });
        endSocket(ws, CLOSE_CODES.unauthorized, 'auth timed out');
      }, limits.authTimeoutMs);
    },

    message: (ws, message, isBinary) => {
      const data = ws.getUserData();
      if (data.closed) {
        return;
      }
      if (isBinary) {
        handleInvalidFrame(ctx, ws, '', { field: '/', message: 'binary frames are not accepted; send JSON text frames' }, limits);
        return;
      }
      // Decoding copies the bytes, because uWebSockets.js reuses `message` once this handler returns.
      const raw = Buffer.from(message).toString('utf8');
      try {
        handleMessage(ctx, ws, raw, limits);
      } catch (error) {
        data.log.error({ err: error }, 'sync frame handler failed');
        sendFrame(ws, { type: 'error', kind: 'internal', message: 'internal error; retry later' });
      }
    },

    dropped: (ws) => closeSlowConsumer(ws),

    close: (ws, code) => {
      const data = ws.getUserData();
      data.closed = true;
      clearTimeout(data.authTimer);
      ctx.sync.closed(ws);
      data.log.debug({ code }, 'socket closed');
    },
  };
}

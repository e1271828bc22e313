import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { HttpRequest, WebSocket, WebSocketBehavior } from 'uWebSockets.js';
import type { ServerContext } from '../context.js';
import type { Metrics } from '../metrics.js';
import { TokenBucket } from '../sync/rate-limit.js';
import type { CollabHub } from './hub.js';
import { decodeClientMessage, InvalidMessageError } from './messages.js';
import { COLLAB_CLOSE_CODES, type CollabOptions } from './options.js';
import { DocumentLoadError } from './persistence.js';
import { CollabRoom, DocumentStorageError, type CollabConnection } from './relay.js';
import type { TicketGrant } from './tickets.js';

/** Path prefix of the socket; the room name follows it, URL-encoded. */
export const COLLAB_PATH_PREFIX = '/collab/';

/** Per-connection state kept in the uWebSockets.js user data. */
export interface CollabSocketData {
  connectionId: string;
  /** Set when the socket starts closing or has closed; nothing may be sent afterwards. */
  closed: boolean;
  log: Logger;
  /** The redeemed ticket, or undefined when the upgrade was rejected. */
  grant?: TicketGrant;
  /** Close code and reason sent at once on open, for a rejected ticket. */
  rejection?: { code: number; reason: string };
  messages: TokenBucket;
  metrics: Metrics;
  connection?: CollabConnection;
  room?: CollabRoom;
  /** Set when a message was dropped under backpressure and the socket is about to be closed. */
  dropping?: boolean;
  /** Topics the socket subscribed to, left when it starts closing. */
  topics: string[];
}

type CollabSocket = WebSocket<CollabSocketData>;

/** Starts the closing handshake unless the socket is already closing or closed. */
function endSocket(ws: CollabSocket, code: number, reason: string): void {
  const data = ws.getUserData();
  if (data.closed) {
    return;
  }
  data.closed = true;
  // Leaves the room's topics first, so no broadcast is queued behind the close frame.
  for (const topic of data.topics) {
    ws.unsubscribe(topic);
  }
  ws.end(code, reason);
}

/**
 * Checks the `ticket` query parameter of an upgrade request and spends the ticket. Returns the
 * grant, or the close code and reason to send once the socket opens.
 */
function checkTicket(
  ctx: ServerContext,
  hub: CollabHub,
  req: HttpRequest,
  log: Logger,
): { grant: TicketGrant } | { rejection: { code: number; reason: string } } {
  const rawRoom = req.getUrl().slice(COLLAB_PATH_PREFIX.length);
  let room: string;
  try {
    room = decodeURIComponent(rawRoom);
  } catch {
    log.info({ room: rawRoom.slice(0, 200) }, 'collab upgrade rejected: room name is not valid URL encoding');
    return { rejection: { code: COLLAB_CLOSE_CODES.forbidden, reason: 'room name is not valid URL encoding' } };
  }
  const ticket = new URLSearchParams(req.getQuery() ?? '').get('ticket');
  if (ticket === null || ticket === '') {
    log.info({ room }, 'collab upgrade rejected: missing ticket');
    return { rejection: { code: COLLAB_CLOSE_CODES.ticketRejected, reason: 'missing ticket: add ?ticket= from POST /api/v1/collab/tickets' } };
  }
  const redeemed = hub.tickets.redeem(ticket, room);
  if (!redeemed.ok) {
    const ids = { room, reason: redeemed.reason, userId: redeemed.grant?.userId, ticketRoom: redeemed.grant?.room };
    log.info(ids, 'collab upgrade rejected: ticket not accepted');
    if (redeemed.reason === 'other_room') {
      return { rejection: { code: COLLAB_CLOSE_CODES.forbidden, reason: 'ticket is for another room: request a ticket for this room' } };
    }
    return { rejection: { code: COLLAB_CLOSE_CODES.ticketRejected, reason: `ticket ${redeemed.reason}: request a new ticket` } };
  }
  const session = ctx.store.sessions.findById(redeemed.grant.sessionId);
  if (session === undefined || session.revokedAt !== null) {
    log.info({ room, userId: redeemed.grant.userId, sessionId: redeemed.grant.sessionId }, 'collab upgrade rejected: session ended');
    return { rejection: { code: COLLAB_CLOSE_CODES.ticketRejected, reason: 'session ended: log in again' } };
  }
  return { grant: redeemed.grant };
}

function closeSlowConsumer(ws: CollabSocket): void {
  const data = ws.getUserData();
  if (!data.closed) {
    data.metrics.collabSlowConsumers.inc();
    data.log.warn({ buffered: ws.getBufferedAmount() }, 'collab slow consumer; closing');
    endSocket(ws, COLLAB_CLOSE_CODES.slowConsumer, 'slow consumer: reconnect with a new ticket');
  }
}

/**
 * Closes a socket with more than `maxBackpressure` bytes in its send buffer. uWebSockets.js's own
 * limit is twice that, so the close frame still fits behind what is buffered.
 */
function closeIfSlow(ws: CollabSocket, maxBackpressure: number): void {
  if (!ws.getUserData().closed && ws.getBufferedAmount() > maxBackpressure) {
    closeSlowConsumer(ws);
  }
}

function createConnection(ws: CollabSocket, grant: TicketGrant, maxBackpressure: number): CollabConnection {
  const data = ws.getUserData();
  return {
    connectionId: data.connectionId,
    userId: grant.userId,
    sessionId: grant.sessionId,
    access: grant.access,
    log: data.log,
    refusedWriteLogged: false,
    send: (message) => {
      if (data.closed) {
        return;
      }
      // 0: sent, 1: buffered under backpressure, 2: dropped because uWebSockets.js's own limit was passed.
      if (ws.send(message, true) === 2) {
        closeSlowConsumer(ws);
      } else {
        closeIfSlow(ws, maxBackpressure);
      }
    },
    closeIfSlow: () => closeIfSlow(ws, maxBackpressure),
    subscribe: (topic) => {
      if (!data.closed) {
        ws.subscribe(topic);
        data.topics.push(topic);
      }
    },
    publish: (topic, message) => {
      if (data.closed) {
        return false;
      }
      ws.publish(topic, message, true);
      return true;
    },
    end: (code, reason) => endSocket(ws, code, reason),
  };
}

function handleMessage(hub: CollabHub, ws: CollabSocket, message: ArrayBuffer, isBinary: boolean, options: CollabOptions): void {
  const data = ws.getUserData();
  const { connection, room } = data;
  if (data.closed || connection === undefined || room === undefined) {
    return;
  }
  const retryAfterMs = data.messages.take();
  if (retryAfterMs > 0) {
    data.log.info({ documentName: room.documentName, retryAfterMs }, 'collab connection over its message rate; closing');
    endSocket(ws, COLLAB_CLOSE_CODES.rateLimited, `too many messages: the limit is ${options.messagesPerSecond} per second`);
    return;
  }
  if (!isBinary) {
    data.log.info({ documentName: room.documentName }, 'collab text message rejected');
    endSocket(ws, COLLAB_CLOSE_CODES.invalidMessage, 'text messages are not accepted: send binary y-websocket messages');
    return;
  }
  try {
    // Copied, because uWebSockets.js reuses `message` once this handler returns.
    room.handleMessage(connection, decodeClientMessage(new Uint8Array(message.slice(0))));
    hub.updateApplied(room);
  } catch (error) {
    if (error instanceof InvalidMessageError) {
      data.log.info({ documentName: room.documentName, err: error.message }, 'invalid collab message; closing');
      endSocket(ws, COLLAB_CLOSE_CODES.invalidMessage, error.message.slice(0, 120));
      return;
    }
    if (error instanceof DocumentStorageError) {
      hub.resetRoom(room, error);
      return;
    }
    data.log.error({ err: error, documentName: room.documentName }, 'collab message handler failed; closing');
    endSocket(ws, COLLAB_CLOSE_CODES.documentUnavailable, 'internal error: reconnect later');
  }
}

/** Creates the `/collab/*` WebSocket behaviour: ticket check, y-websocket protocol and limits. */
export function createCollabBehavior(ctx: ServerContext, hub: CollabHub): WebSocketBehavior<CollabSocketData> {
  const options = hub.options;
  return {
    maxPayloadLength: options.maxPayloadLength,
    // The connection closes itself past `options.maxBackpressure` (see closeIfSlow); past twice
    // that, uWebSockets.js drops messages and calls `dropped`.
    maxBackpressure: 2 * options.maxBackpressure,
    closeOnBackpressureLimit: false,
    idleTimeout: options.idleTimeoutSeconds,
    sendPingsAutomatically: true,

    upgrade: (res, req, context) => {
      const connectionId = randomUUID();
      const log = ctx.logger.child({ component: 'collab', connectionId });
      const checked = checkTicket(ctx, hub, req, log);
      const data: CollabSocketData = {
        connectionId,
        closed: false,
        log: 'grant' in checked ? log.child({ userId: checked.grant.userId, sessionId: checked.grant.sessionId, room: checked.grant.room }) : log,
        messages: new TokenBucket(options.messageBurst, options.messagesPerSecond),
        metrics: ctx.metrics,
        topics: [],
        ...checked,
      };
      // A rejected ticket still upgrades and is closed on open with a 44xx code, because
      // y-websocket's provider stops reconnecting on 4400-4499 but retries a refused upgrade forever.
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
      if (data.rejection !== undefined || data.grant === undefined) {
        const rejection = data.rejection ?? { code: COLLAB_CLOSE_CODES.ticketRejected, reason: 'ticket rejected' };
        endSocket(ws, rejection.code, rejection.reason);
        return;
      }
      const connection = createConnection(ws, data.grant, options.maxBackpressure);
      try {
        data.room = hub.join(data.grant, connection);
        data.connection = connection;
        ctx.metrics.collabConnections.inc();
        data.log.info({ documentName: data.grant.documentName, access: data.grant.access }, 'collab connection opened');
      } catch (error) {
        if (error instanceof DocumentLoadError) {
          data.log.error({ err: error, documentName: data.grant.documentName }, 'collab document cannot be loaded; connection closed');
        } else {
          data.log.error({ err: error, documentName: data.grant.documentName }, 'collab room join failed; connection closed');
        }
        endSocket(ws, COLLAB_CLOSE_CODES.documentUnavailable, 'document unavailable: the server could not load it');
      }
    },

    message: (ws, message, isBinary) => handleMessage(hub, ws, message, isBinary, options),

    dropped: (ws) => {
      const data = ws.getUserData();
      if (data.closed || data.dropping) {
        return;
      }
      data.dropping = true;
      data.log.warn({ buffered: ws.getBufferedAmount() }, 'collab message dropped under backpressure');
      // uWebSockets.js calls this while it drains a topic. Leaving the topic now would change the
      // subscriber list it iterates, so the socket is closed right after.
      setImmediate(() => closeSlowConsumer(ws));
    },

    close: (ws, code) => {
      const data = ws.getUserData();
      data.closed = true;
      if (data.room !== undefined && data.connection !== undefined) {
        hub.leave(data.room, data.connection);
        ctx.metrics.collabConnections.dec();
      }
      data.log.debug({ code }, 'collab connection closed');
    },
  };
}

import {
  CHAT_CONTACT_KINDS,
  DEFAULT_SUPPORT_AUDIT_LIMIT,
  DEFAULT_SUPPORT_HELD_LIMIT,
  MAX_SUPPORT_HELD_LIMIT,
  SUPPORT_EXPORT_FORMATS,
  type ChatContactKind,
  type SupportAuditRecord,
  type SupportAuditSearchResponse,
  type SupportAuditVerifyResponse,
  type SupportChatMessage,
  type SupportHeldMessagesResponse,
  type SupportReviewResponse,
  type SupportRoomMessagesResponse,
  type SupportUser,
} from '@lastro/protocol';
import { MAX_AUDIT_SEARCH_LIMIT } from '../audit/search.js';
import type { AuditRecord } from '../audit/record.js';
import { ChangeSet } from '../changes.js';
import { collectChatMessage } from '../chat/documents.js';
import { notifyChanges } from '../notifications/collect.js';
import { ChatError } from '../chat/errors.js';
import { listRoomMessages } from '../chat/read.js';
import type { ChatMessage } from '../chat/repository.js';
import { rejectHeldMessage, releaseHeldMessage } from '../chat/review.js';
import type { ServerContext } from '../context.js';
import type { Store } from '../db/store.js';
import { authenticate, type Principal } from './authenticate.js';
import type { HttpExchange } from './exchange.js';
import { checkPeriod, InvalidParameterError, pathSegment, QueryParameters } from './support-params.js';

/**
 * The support API (`/api/v1/support/*`): audit search, export and verification, and the
 * review of held chat messages. Every route needs the Bearer session of a `support` user.
 * Audit and review logic lives in `audit/` and `chat/`; these handlers only check the
 * request, call it, and shape the response.
 */

/** Authenticates the request and checks the role; sends 401 or 403 and returns undefined otherwise. */
function authenticateSupport(ctx: ServerContext, exchange: HttpExchange): Principal | undefined {
  const principal = authenticate(ctx, exchange);
  if (principal === undefined) {
    return undefined;
  }
  if (principal.user.role !== 'support') {
    exchange.sendError(403, 'forbidden', `the support API needs the role support; this account's role is ${principal.user.role}`);
    return undefined;
  }
  return principal;
}

/**
 * Runs a support handler: authenticates, then responds 400 for an {@link InvalidParameterError}
 * and maps {@link ChatError} codes to HTTP statuses. Anything else propagates to the route's
 * 500 handler.
 */
export function supportHandler(handler: (ctx: ServerContext, exchange: HttpExchange, principal: Principal) => void) {
  return (ctx: ServerContext, exchange: HttpExchange): void => {
    const principal = authenticateSupport(ctx, exchange);
    if (principal === undefined) {
      return;
    }
    try {
      handler(ctx, exchange, principal);
    } catch (error) {
      if (error instanceof InvalidParameterError) {
        exchange.sendError(400, 'invalid_request', error.message, error.parameter);
      } else if (error instanceof ChatError) {
        sendChatError(exchange, error);
      } else {
        throw error;
      }
    }
  };
}

function sendChatError(exchange: HttpExchange, error: ChatError): void {
  switch (error.code) {
    case 'message_not_found':
    case 'room_not_found':
      exchange.sendError(404, 'not_found', error.message);
      return;
    case 'not_held':
      exchange.sendError(409, 'conflict', error.message);
      return;
    case 'not_support':
    case 'not_a_member':
      exchange.sendError(403, 'forbidden', error.message);
      return;
    case 'message_id_conflict':
      exchange.sendError(409, 'conflict', error.message);
      return;
  }
}

/** Looks up users by id once per response. */
function userDirectory(store: Store): { lookup(id: string | null): SupportUser | undefined; all(): Record<string, SupportUser> } {
  const users = new Map<string, SupportUser | undefined>();
  const lookup = (id: string | null): SupportUser | undefined => {
    if (id === null) return undefined;
    if (!users.has(id)) {
      const user = store.users.findById(id);
      users.set(id, user === undefined ? undefined : { name: user.name, email: user.email, role: user.role });
    }
    return users.get(id);
  };
  const all = (): Record<string, SupportUser> => {
    const result: Record<string, SupportUser> = {};
    for (const [id, user] of users) if (user !== undefined) result[id] = user;
    return result;
  };
  return { lookup, all };
}

function isContactKind(kind: string): kind is ChatContactKind {
  return (CHAT_CONTACT_KINDS as readonly string[]).includes(kind);
}

function supportMessage(message: ChatMessage, sender: SupportUser | undefined): SupportChatMessage {
  return {
    id: message.id,
    roomId: message.roomId,
    loanId: message.loanId,
    investorId: message.investorId,
    senderId: message.senderId,
    ...(sender === undefined ? {} : { sender }),
    text: message.text,
    status: message.status,
    reason: message.reason,
    contactKinds: message.contactKinds.filter(isContactKind),
    sentAt: message.sentAt,
    createdAt: message.createdAt,
    decidedAt: message.decidedAt,
    decidedBy: message.decidedBy,
  };
}

function supportAuditRecord(record: AuditRecord): SupportAuditRecord {
  return { ...record };
}

const SEARCH_PARAMETERS = ['user', 'room', 'from', 'to', 'text', 'limit', 'beforeSeq', 'afterSeq'] as const;

/**
 * `GET /api/v1/support/audit?user=&room=&from=&to=&text=&limit=&beforeSeq=`: matching audit
 * records, newest first. `user` is a user id or an e-mail address; `from` is included and
 * `to` excluded; `text` matches without case and accents.
 */
export const handleSupportAuditSearch = supportHandler((ctx, exchange) => {
  const query = new QueryParameters(exchange.query, SEARCH_PARAMETERS);
  if (query.text('afterSeq', 20) !== undefined) {
    throw new InvalidParameterError(
      'afterSeq',
      'results are newest first, so pages go back in time: pass the previous response\'s nextBeforeSeq as beforeSeq',
    );
  }
  const user = query.text('user', 254);
  const roomId = query.text('room', 256);
  const from = query.dateTime('from');
  const to = query.dateTime('to');
  checkPeriod(from, to);
  const text = query.text('text', 500);
  const limit = query.integer('limit', 1, MAX_AUDIT_SEARCH_LIMIT, DEFAULT_SUPPORT_AUDIT_LIMIT)!;
  const beforeSeq = query.integer('beforeSeq', 1, Number.MAX_SAFE_INTEGER);

  let userId = user;
  if (user !== undefined && user.includes('@')) {
    const found = ctx.store.users.findByEmail(user);
    if (found === undefined) {
      exchange.sendError(404, 'not_found', `no user has the e-mail ${user}: check the address, or search by user id`, 'user');
      return;
    }
    userId = found.id;
  }

  const records = ctx.store.chatAudit.search({
    ...(userId === undefined ? {} : { userId }),
    ...(roomId === undefined ? {} : { roomId }),
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
    ...(text === undefined ? {} : { text }),
    ...(beforeSeq === undefined ? {} : { beforeSeq }),
    limit,
  });
  const users = userDirectory(ctx.store);
  for (const record of records) {
    users.lookup(record.userId);
    users.lookup(record.actorId);
  }
  const last = records.at(-1);
  const body: SupportAuditSearchResponse = {
    records: records.map(supportAuditRecord),
    nextBeforeSeq: records.length === limit && last !== undefined && last.seq > 1 ? last.seq : null,
    users: users.all(),
  };
  exchange.sendJson(200, body);
});

/** Compact form of a bound for a file name, such as 20261201T030000Z. */
function fileNamePart(bound: string | undefined, fallback: string): string {
  if (bound === undefined) return fallback;
  return new Date(bound.toUpperCase().replace(/(\.\d{3})\d+/, '$1').replace(/:60(?=[.Zz+-])/, ':59')).toISOString().replace(/\.\d{3}/, '').replace(/[-:]/g, '');
}

/** Bounds used when the export request leaves one out: the whole log. */
const EXPORT_FROM = '1970-01-01T00:00:00Z';
const EXPORT_TO = '9999-12-31T23:59:59Z';

/**
 * `GET /api/v1/support/audit/export?from=&to=&format=csv|json`: the records of [from, to) in
 * seq order as a CSV (RFC 4180) or JSON Lines file, with every stored field. Without `from`
 * the export starts at the first record; without `to` it runs to the last.
 */
export const handleSupportAuditExport = supportHandler((ctx, exchange, principal) => {
  const query = new QueryParameters(exchange.query, ['from', 'to', 'format']);
  const from = query.dateTime('from');
  const to = query.dateTime('to');
  checkPeriod(from, to);
  const format = query.oneOf('format', SUPPORT_EXPORT_FORMATS, 'csv');

  const chunks: string[] = [];
  const count = ctx.store.chatAudit.export({ from: from ?? EXPORT_FROM, to: to ?? EXPORT_TO, format }, (chunk) => chunks.push(chunk));
  const fileName = `lastro-chat-audit_${fileNamePart(from, 'inicio')}_${fileNamePart(to, 'fim')}.${format === 'csv' ? 'csv' : 'jsonl'}`;
  exchange.log.info({ from: from ?? null, to: to ?? null, format, records: count, supportUserId: principal.user.id }, 'audit exported');
  exchange.send(200, chunks.join(''), {
    'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
    'content-disposition': `attachment; filename="${fileName}"`,
    'x-audit-records': String(count),
    'cache-control': 'no-store',
  });
});

/** `GET /api/v1/support/audit/verify`: checks the hash chain and names the first broken record. */
export const handleSupportAuditVerify = supportHandler((ctx, exchange) => {
  new QueryParameters(exchange.query, []);
  const result = ctx.store.chatAudit.verify();
  let body: SupportAuditVerifyResponse;
  if (result.ok) {
    body = { ok: true, records: result.records, lastHash: result.lastHash };
  } else {
    const intact = result.problem === 'gap' ? result.expected - 1 : result.seq - 1;
    body = {
      ok: false,
      records: intact,
      firstBroken: { seq: result.seq, reason: result.problem, expected: String(result.expected), actual: String(result.actual) },
    };
    exchange.log.warn({ seq: result.seq, problem: result.problem }, 'audit chain broken');
  }
  exchange.sendJson(200, body);
});

/** `GET /api/v1/support/chat/held?limit=`: held messages waiting for review, oldest first. */
export const handleSupportHeldMessages = supportHandler((ctx, exchange) => {
  const query = new QueryParameters(exchange.query, ['limit']);
  const limit = query.integer('limit', 1, MAX_SUPPORT_HELD_LIMIT, DEFAULT_SUPPORT_HELD_LIMIT)!;
  const users = userDirectory(ctx.store);
  const messages = ctx.store.chat.listHeldMessages(limit).map((message) => supportMessage(message, users.lookup(message.senderId)));
  const body: SupportHeldMessagesResponse = { messages };
  exchange.sendJson(200, body);
});

/**
 * `POST /api/v1/support/chat/messages/:id/release` or `.../reject`: decides a held message,
 * then publishes it, so the sender (and, once released, both room members) see it live.
 */
function reviewHandler(release: boolean) {
  return supportHandler((ctx, exchange, principal) => {
    new QueryParameters(exchange.query, []);
    const messageId = pathSegment(exchange.url, 6, 'message id');
    const review = { messageId, supportUserId: principal.user.id };
    const now = new Date();
    const changes = new ChangeSet();
    const decided = ctx.store.transaction(() => {
      const message = release ? releaseHeldMessage(ctx.store, review, now) : rejectHeldMessage(ctx.store, review, now);
      collectChatMessage(ctx.store, message, changes);
      notifyChanges(ctx.store, changes, now);
      return message;
    });
    ctx.sync.publish(changes);
    exchange.log.info({ messageId, roomId: decided.roomId, status: decided.status }, release ? 'held message released' : 'held message rejected');
    const body: SupportReviewResponse = { message: supportMessage(decided, userDirectory(ctx.store).lookup(decided.senderId)) };
    exchange.sendJson(200, body);
  });
}

export const handleSupportRelease = reviewHandler(true);
export const handleSupportReject = reviewHandler(false);

/** `GET /api/v1/support/chat/rooms/:roomId/messages`: every stored attempt of a room, of any status. */
export const handleSupportRoomMessages = supportHandler((ctx, exchange, principal) => {
  new QueryParameters(exchange.query, []);
  const roomId = pathSegment(exchange.url, 6, 'room id');
  const users = userDirectory(ctx.store);
  const messages = listRoomMessages(ctx.store, roomId, principal.user.id).map((message) =>
    supportMessage(message, users.lookup(message.senderId)),
  );
  const body: SupportRoomMessagesResponse = { roomId, messages };
  exchange.sendJson(200, body);
});

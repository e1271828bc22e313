import type { ServerContext } from '../context.js';
import { authenticate } from '../http/authenticate.js';
import type { HttpExchange } from '../http/exchange.js';
import { authoriseRoom, MAX_ROOM_LENGTH } from './rooms.js';

const TICKET_BODY_LIMIT = 2 * 1024;

/** Response of `POST /api/v1/collab/tickets`. */
export interface CollabTicketResponse {
  /** Opens one `/collab/ROOM?ticket=...` connection. */
  ticket: string;
  /** ISO 8601 time after which the ticket is rejected. */
  expiresAt: string;
}

type BodyCheck = { ok: true; room: string; organisationId: string | undefined } | { ok: false; field: string; message: string };

function checkBody(value: unknown): BodyCheck {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, field: '/', message: 'request body must be a JSON object; send {"room":"loan:LOAN_ID:notes"}' };
  }
  const body = value as Record<string, unknown>;
  for (const key of Object.keys(body)) {
    if (key !== 'room' && key !== 'organisationId') {
      return { ok: false, field: `/${key}`, message: `unknown field "${key.slice(0, 64)}"; send only "room" and, for support users, "organisationId"` };
    }
  }
  if (typeof body.room !== 'string' || body.room === '') {
    return { ok: false, field: '/room', message: 'missing room: send {"room":"loan:LOAN_ID:notes"} or {"room":"chat:LOAN_ID:INVESTOR_ID:presence"}' };
  }
  if (body.room.length > MAX_ROOM_LENGTH) {
    return { ok: false, field: '/room', message: `room is longer than ${MAX_ROOM_LENGTH} characters; send a room name of the documented form` };
  }
  if (body.organisationId !== undefined && (typeof body.organisationId !== 'string' || body.organisationId === '')) {
    return { ok: false, field: '/organisationId', message: 'organisationId must be a non-empty string; send the id of an organisation or omit it' };
  }
  return { ok: true, room: body.room, organisationId: body.organisationId as string | undefined };
}

/**
 * `POST /api/v1/collab/tickets`: issues a single-use ticket that opens one `/collab` connection
 * to `room` for the caller's session.
 */
export async function handleCreateCollabTicket(ctx: ServerContext, exchange: HttpExchange): Promise<void> {
  const principal = authenticate(ctx, exchange);
  if (principal === undefined) {
    return;
  }
  const body = await exchange.readJson(TICKET_BODY_LIMIT);
  if (body === undefined) {
    return;
  }
  const checked = checkBody(body.value);
  if (!checked.ok) {
    exchange.log.info({ field: checked.field }, 'collab ticket request invalid');
    exchange.sendError(400, 'invalid_request', `invalid collab ticket request: ${checked.message}`, checked.field);
    return;
  }
  const decision = authoriseRoom(ctx.store, principal.user, checked.room, checked.organisationId);
  if (!decision.ok) {
    exchange.log.info({ room: checked.room, status: decision.status }, 'collab ticket refused');
    exchange.sendError(decision.status, decision.kind, decision.message, decision.field);
    return;
  }
  const { ticket, expiresAt } = ctx.collab.tickets.issue({ ...decision.grant, userId: principal.user.id, sessionId: principal.session.id });
  exchange.log.info({ room: checked.room, documentName: decision.grant.documentName, access: decision.grant.access }, 'collab ticket issued');
  const response: CollabTicketResponse = { ticket, expiresAt: new Date(expiresAt).toISOString() };
  exchange.sendJson(201, response);
}

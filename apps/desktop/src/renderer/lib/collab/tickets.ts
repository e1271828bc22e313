/**
 * Tickets for the `/collab` socket: `POST /api/v1/collab/tickets` with the session token.
 * A ticket opens one connection and expires after 60 s, so every connection attempt requests
 * a fresh one.
 */

/** Reason the server rejected a ticket request, from the HTTP status of the response. */
export type TicketRefusal = 'unauthorized' | 'forbidden' | 'notFound' | 'invalidRequest';

/** A ticket request that failed: rejected by the server, or without a usable response (network or server error). */
export class CollabTicketError extends Error {
  constructor(
    message: string,
    /** Set when the server refused the request; unset for failures worth retrying. */
    readonly refusal: TicketRefusal | undefined,
    readonly status: number | undefined,
  ) {
    super(message);
    this.name = 'CollabTicketError';
  }
}

export interface TicketRequest {
  serverUrl: string;
  /** Session token, sent as `Authorization: Bearer`. */
  token: string;
  room: string;
  /** Only for support users reading the notes of an organisation. */
  organisationId?: string;
  fetch?: typeof globalThis.fetch;
}

export interface CollabTicket {
  ticket: string;
  expiresAt: string;
}

function refusalOf(status: number): TicketRefusal | undefined {
  switch (status) {
    case 400:
      return 'invalidRequest';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'notFound';
    default:
      return undefined;
  }
}

/** Reads the server's error message from an error body `{"error":{"message"}}`, if present. */
function errorMessageOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const error: unknown = Reflect.get(body, 'error');
  if (typeof error !== 'object' || error === null) return undefined;
  const message: unknown = Reflect.get(error, 'message');
  return typeof message === 'string' ? message : undefined;
}

/** Checks a 201 body; throws naming the field that is missing or malformed. */
export function parseTicketResponse(body: unknown): CollabTicket {
  if (typeof body !== 'object' || body === null) {
    throw new CollabTicketError('invalid collab ticket response: expected a JSON object {"ticket","expiresAt"}', undefined, 201);
  }
  const ticket: unknown = Reflect.get(body, 'ticket');
  const expiresAt: unknown = Reflect.get(body, 'expiresAt');
  if (typeof ticket !== 'string' || ticket === '') {
    throw new CollabTicketError('invalid collab ticket response: "ticket" is missing or not a string', undefined, 201);
  }
  if (typeof expiresAt !== 'string' || Number.isNaN(Date.parse(expiresAt))) {
    throw new CollabTicketError('invalid collab ticket response: "expiresAt" is missing or not an ISO 8601 time', undefined, 201);
  }
  return { ticket, expiresAt };
}

/** Requests a ticket for `room`; throws {@link CollabTicketError}. */
export async function requestCollabTicket(request: TicketRequest): Promise<CollabTicket> {
  const fetchFn = request.fetch ?? globalThis.fetch.bind(globalThis);
  const body: Record<string, string> = { room: request.room };
  if (request.organisationId !== undefined) {
    body.organisationId = request.organisationId;
  }
  const url = `${request.serverUrl.replace(/\/+$/, '')}/api/v1/collab/tickets`;
  let response: Response;
  try {
    response = await fetchFn(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${request.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new CollabTicketError(`collab ticket request for ${request.room} failed: ${String(error)}`, undefined, undefined);
  }
  const payload: unknown = await response.json().catch(() => undefined);
  if (response.status === 201) {
    return parseTicketResponse(payload);
  }
  const serverMessage = errorMessageOf(payload) ?? `HTTP ${response.status}`;
  throw new CollabTicketError(
    `collab ticket for ${request.room} rejected with ${response.status}: ${serverMessage}`,
    refusalOf(response.status),
    response.status,
  );
}

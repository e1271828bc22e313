import type { Store } from '../db/store.js';
import type { UserRecord } from '../db/users.js';

/** Access level of a connection in a room. */
export type RoomAccess = 'write' | 'read';

/** A user's right to one room, as a ticket carries it. */
export interface RoomGrant {
  /** The room name the client uses in the socket path, such as "loan:emp-00008:notes". */
  room: string;
  /**
   * The server-side document: "notes:org:<organisationId>:<loanId>",
   * "notes:user:<userId>:<loanId>" or "presence:chat:<loanId>:<investorId>".
   */
  documentName: string;
  /** Notes are a stored Yjs document; presence rooms relay awareness only and store nothing. */
  kind: 'notes' | 'presence';
  /** `read` connections receive the document but their document updates are not applied. */
  access: RoomAccess;
}

/** Result of {@link authoriseRoom}: a grant, or the HTTP status and message of the refusal. */
export type RoomDecision =
  | { ok: true; grant: RoomGrant }
  | { ok: false; status: 400 | 403 | 404; kind: 'invalid_request' | 'forbidden' | 'not_found'; field?: string; message: string };

/** Loan, user and organisation ids inside room names: letters, digits, "_" and "-". */
const ID = '[A-Za-z0-9_-]{1,64}';
const NOTES_ROOM = new RegExp(`^loan:(${ID}):notes$`);
const PRESENCE_ROOM = new RegExp(`^chat:(${ID}):(${ID}):presence$`);
const ORGANISATION_ID = new RegExp(`^${ID}$`);

/** Maximum length of a room name, in characters. */
export const MAX_ROOM_LENGTH = 200;

/** Room names of the form the server serves. */
export type ParsedRoom = { kind: 'notes'; loanId: string } | { kind: 'presence'; loanId: string; investorId: string };

/** Parses a room name; returns undefined unless it is "loan:LOAN_ID:notes" or "chat:LOAN_ID:INVESTOR_ID:presence". */
export function parseRoomName(room: string): ParsedRoom | undefined {
  if (room.length > MAX_ROOM_LENGTH) {
    return undefined;
  }
  const notes = NOTES_ROOM.exec(room);
  if (notes !== null) {
    return { kind: 'notes', loanId: notes[1]! };
  }
  const presence = PRESENCE_ROOM.exec(room);
  if (presence !== null) {
    return { kind: 'presence', loanId: presence[1]!, investorId: presence[2]! };
  }
  return undefined;
}

/** Decides whether `user` may join `room`. `organisationId` is only read for support users on notes rooms. */
export function authoriseRoom(store: Store, user: UserRecord, room: string, organisationId: string | undefined): RoomDecision {
  const parsed = parseRoomName(room);
  if (parsed === undefined) {
    return {
      ok: false,
      status: 400,
      kind: 'invalid_request',
      field: '/room',
      message: `invalid room ${JSON.stringify(room.slice(0, MAX_ROOM_LENGTH))}: use "loan:LOAN_ID:notes" or "chat:LOAN_ID:INVESTOR_ID:presence"`,
    };
  }
  const borrowerId = store.chat.findLoanBorrower(parsed.loanId);
  if (borrowerId === undefined) {
    return { ok: false, status: 404, kind: 'not_found', field: '/room', message: `loan ${parsed.loanId} not found; check the loan id in the room name` };
  }
  return parsed.kind === 'notes'
    ? authoriseNotes(store, user, room, parsed.loanId, organisationId)
    : authorisePresence(user, room, parsed.loanId, parsed.investorId, borrowerId);
}

function authoriseNotes(store: Store, user: UserRecord, room: string, loanId: string, organisationId: string | undefined): RoomDecision {
  if (user.role === 'investor') {
    const documentName =
      user.organisationId === null ? `notes:user:${user.id}:${loanId}` : `notes:org:${user.organisationId}:${loanId}`;
    return { ok: true, grant: { room, documentName, kind: 'notes', access: 'write' } };
  }
  if (user.role === 'support') {
    if (organisationId === undefined) {
      return {
        ok: false,
        status: 403,
        kind: 'forbidden',
        field: '/organisationId',
        message: 'support users read the notes of one organisation: add "organisationId" to the request body',
      };
    }
    if (!ORGANISATION_ID.test(organisationId) || !store.users.organisationExists(organisationId)) {
      return {
        ok: false,
        status: 404,
        kind: 'not_found',
        field: '/organisationId',
        message: `organisation ${JSON.stringify(organisationId.slice(0, 64))} not found; send the id of an existing organisation`,
      };
    }
    return { ok: true, grant: { room, documentName: `notes:org:${organisationId}:${loanId}`, kind: 'notes', access: 'read' } };
  }
  return { ok: false, status: 403, kind: 'forbidden', message: `loan notes are for investors; this account's role is ${user.role}` };
}

function authorisePresence(user: UserRecord, room: string, loanId: string, investorId: string, borrowerId: string | null): RoomDecision {
  const isRoomInvestor = user.role === 'investor' && user.id === investorId;
  const isLoanBorrower = user.role === 'borrower' && borrowerId !== null && user.id === borrowerId;
  if (!isRoomInvestor && !isLoanBorrower) {
    return {
      ok: false,
      status: 403,
      kind: 'forbidden',
      message: `only investor ${investorId} and the borrower of loan ${loanId} may join the presence of chat:${loanId}:${investorId}`,
    };
  }
  return {
    ok: true,
    grant: { room, documentName: `presence:chat:${loanId}:${investorId}`, kind: 'presence', access: 'read' },
  };
}

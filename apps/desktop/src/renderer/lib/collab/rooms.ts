/** Room names of the `/collab` endpoint, as docs/protocol.md defines them. */

/** Loan, user and organisation ids as the server accepts them inside room names. */
const ROOM_ID = /^[A-Za-z0-9_-]{1,64}$/;

function requireRoomId(value: string, what: string): string {
  if (!ROOM_ID.test(value)) {
    throw new Error(`invalid ${what} ${JSON.stringify(value.slice(0, 80))}: use 1-64 letters, digits, "_" or "-"`);
  }
  return value;
}

/** Returns the room of a loan's shared notes: `loan:LOAN_ID:notes`. */
export function notesRoom(loanId: string): string {
  return `loan:${requireRoomId(loanId, 'loan id')}:notes`;
}

/** Returns the typing presence room of the chat room of `investorId` on `loanId`: `chat:LOAN_ID:INVESTOR_ID:presence`. */
export function chatPresenceRoom(loanId: string, investorId: string): string {
  return `chat:${requireRoomId(loanId, 'loan id')}:${requireRoomId(investorId, 'investor id')}:presence`;
}

/**
 * Base URL of the collaboration socket for a server URL: `ws(s)://HOST:PORT/collab`.
 * The provider appends `/ROOM?ticket=...`.
 */
export function collabSocketUrl(serverUrl: string): string {
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    throw new Error(`invalid server URL ${JSON.stringify(serverUrl)}: use an absolute http(s) URL such as http://127.0.0.1:8080`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`invalid server URL ${JSON.stringify(serverUrl)}: the protocol must be http or https`);
  }
  const socketProtocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const path = url.pathname.replace(/\/+$/, '');
  return `${socketProtocol}//${url.host}${path}/collab`;
}

import { nextSeq, type SqliteDatabase } from '../db/database.js';

/** Status of a stored chat message. `held` waits for a support user to release or reject it. */
export type ChatMessageStatus = 'accepted' | 'rejected' | 'held';

/** A chat room between one investor and the borrower of one loan. */
export interface ChatRoom {
  id: string;
  loanId: string;
  investorId: string;
  borrowerId: string;
  createdAt: string;
}

/** One message attempt as stored in `chat_messages`. */
export interface ChatMessage {
  /** The client's message id. */
  id: string;
  roomId: string;
  loanId: string;
  /** The room's investor. */
  investorId: string;
  senderId: string;
  sessionId: string;
  /** The normalised text. */
  text: string;
  status: ChatMessageStatus;
  /** Snake-case code of a rejection or hold, or null for a message accepted on arrival. */
  reason: string | null;
  /** For `rate_limited`: server time from which the sender may send again, else null. */
  retryAt: string | null;
  /** For `off_platform_contact`: the kinds of contact data found, else empty. */
  contactKinds: string[];
  /** Device clock when the user pressed send. */
  sentAt: string;
  /** Server time of the attempt. */
  createdAt: string;
  /** Server time of the latest decision: the attempt itself, or a support release or rejection. */
  decidedAt: string;
  /** The support user who released or rejected a held message, else null. */
  decidedBy: string | null;
  /** Server sequence of the latest change, for sync. */
  seq: number;
}

/** A message as {@link ChatRepository.insertMessage} takes it; the repository assigns `seq`. */
export type NewChatMessage = Omit<ChatMessage, 'seq'>;

/** Chat rooms and messages (tables `chat_rooms` and `chat_messages`). */
export interface ChatRepository {
  findRoom(roomId: string): ChatRoom | undefined;
  insertRoom(room: ChatRoom): void;
  /** Returns the loan's `borrower_user_id` (null when the loan has none), or undefined for an unknown loan. */
  findLoanBorrower(loanId: string): string | null | undefined;
  findMessage(messageId: string): ChatMessage | undefined;
  /** Stores a message with the next server sequence and returns it. */
  insertMessage(message: NewChatMessage): ChatMessage;
  /**
   * Sets the decision of a held message with the next server sequence. Returns the updated
   * message, or undefined when the message is no longer held.
   */
  decideHeldMessage(
    messageId: string,
    decision: { status: 'accepted' | 'rejected'; reason: string | null; decidedAt: string; decidedBy: string },
  ): ChatMessage | undefined;
  /**
   * Lists the `created_at` of the sender's messages in every room with `created_at` after
   * `after`, leaving out attempts whose reason is in `uncountedReasons`.
   */
  listSendTimes(senderId: string, after: string, uncountedReasons: readonly string[]): string[];
  /** Lists a room's messages in `created_at` order, then in insertion order. */
  listRoomMessages(roomId: string): ChatMessage[];
  /** Lists up to `limit` held messages of every room, oldest first, for support review. */
  listHeldMessages(limit: number): ChatMessage[];
}

/** A `chat_messages` row as SQLite returns it. */
export interface ChatMessageRow {
  id: string;
  room_id: string;
  loan_id: string;
  investor_id: string;
  sender_id: string;
  session_id: string;
  text: string;
  status: ChatMessageStatus;
  reason: string | null;
  retry_at: string | null;
  contact_kinds: string | null;
  sent_at: string;
  created_at: string;
  decided_at: string;
  decided_by: string | null;
  seq: number;
}

interface ChatRoomRow {
  id: string;
  loan_id: string;
  investor_id: string;
  borrower_id: string;
  created_at: string;
}

export function messageFromRow(row: ChatMessageRow): ChatMessage {
  return {
    id: row.id,
    roomId: row.room_id,
    loanId: row.loan_id,
    investorId: row.investor_id,
    senderId: row.sender_id,
    sessionId: row.session_id,
    text: row.text,
    status: row.status,
    reason: row.reason,
    retryAt: row.retry_at,
    contactKinds: row.contact_kinds === null || row.contact_kinds === '' ? [] : row.contact_kinds.split(','),
    sentAt: row.sent_at,
    createdAt: row.created_at,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
    seq: row.seq,
  };
}

function roomFromRow(row: ChatRoomRow): ChatRoom {
  return {
    id: row.id,
    loanId: row.loan_id,
    investorId: row.investor_id,
    borrowerId: row.borrower_id,
    createdAt: row.created_at,
  };
}

export function createSqliteChatRepository(db: SqliteDatabase): ChatRepository {
  const findRoom = db.prepare('SELECT * FROM chat_rooms WHERE id = ?');
  const insertRoom = db.prepare(
    `INSERT INTO chat_rooms (id, loan_id, investor_id, borrower_id, created_at)
     VALUES (@id, @loanId, @investorId, @borrowerId, @createdAt)`,
  );
  const findLoan = db.prepare('SELECT borrower_user_id FROM loans WHERE id = ?');
  const findMessage = db.prepare('SELECT * FROM chat_messages WHERE id = ?');
  const insertMessage = db.prepare(
    `INSERT INTO chat_messages (id, room_id, loan_id, investor_id, sender_id, session_id, text, status, reason, retry_at,
       contact_kinds, sent_at, created_at, decided_at, decided_by, seq)
     VALUES (@id, @roomId, @loanId, @investorId, @senderId, @sessionId, @text, @status, @reason, @retryAt,
       @contactKinds, @sentAt, @createdAt, @decidedAt, @decidedBy, @seq)
     RETURNING *`,
  );
  const decideHeld = db.prepare(
    `UPDATE chat_messages SET status = @status, reason = @reason, decided_at = @decidedAt, decided_by = @decidedBy, seq = @seq
     WHERE id = @messageId AND status = 'held'
     RETURNING *`,
  );
  const listRoom = db.prepare('SELECT * FROM chat_messages WHERE room_id = ? ORDER BY created_at, rowid');
  const listHeld = db.prepare("SELECT * FROM chat_messages WHERE status = 'held' ORDER BY created_at, rowid LIMIT ?");

  return {
    findRoom: (roomId) => {
      const row = findRoom.get(roomId) as ChatRoomRow | undefined;
      return row === undefined ? undefined : roomFromRow(row);
    },
    insertRoom: (room) => {
      insertRoom.run(room);
    },
    findLoanBorrower: (loanId) => {
      const row = findLoan.get(loanId) as { borrower_user_id: string | null } | undefined;
      return row === undefined ? undefined : row.borrower_user_id;
    },
    findMessage: (messageId) => {
      const row = findMessage.get(messageId) as ChatMessageRow | undefined;
      return row === undefined ? undefined : messageFromRow(row);
    },
    insertMessage: (message) =>
      messageFromRow(
        insertMessage.get({
          ...message,
          contactKinds: message.contactKinds.length === 0 ? null : message.contactKinds.join(','),
          seq: nextSeq(db),
        }) as ChatMessageRow,
      ),
    decideHeldMessage: (messageId, decision) => {
      // The sequence is taken only when the message is still held, so a lost race wastes none.
      if ((findMessage.get(messageId) as ChatMessageRow | undefined)?.status !== 'held') {
        return undefined;
      }
      const row = decideHeld.get({ messageId, ...decision, seq: nextSeq(db) }) as ChatMessageRow | undefined;
      return row === undefined ? undefined : messageFromRow(row);
    },
    listSendTimes: (senderId, after, uncountedReasons) => {
      // The reason list is a short constant, so one placeholder per code is fine.
      const placeholders = uncountedReasons.map(() => '?').join(', ');
      const rows = db
        .prepare(
          `SELECT created_at FROM chat_messages
           WHERE sender_id = ? AND created_at > ?
             AND (reason IS NULL OR reason NOT IN (${placeholders === '' ? "''" : placeholders}))`,
        )
        .all(senderId, after, ...uncountedReasons) as { created_at: string }[];
      return rows.map((row) => row.created_at);
    },
    listRoomMessages: (roomId) => (listRoom.all(roomId) as ChatMessageRow[]).map(messageFromRow),
    listHeldMessages: (limit) => (listHeld.all(limit) as ChatMessageRow[]).map(messageFromRow),
  };
}

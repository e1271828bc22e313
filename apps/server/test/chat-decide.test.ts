import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDatabase } from '../src/db/database.js';
import { createSqliteStore, type Store } from '../src/db/store.js';
import {
  chatRoomId,
  ChatError,
  decideChatMessage,
  listRoomMessages,
  rejectHeldMessage,
  releaseHeldMessage,
  type ChatMessageAttempt,
} from '../src/chat/index.js';

const START = Date.parse('2026-12-01T10:00:00.000Z');
const MINUTE = 60_000;
const LOAN = 'loan-1';
const LOAN_WITHOUT_BORROWER = 'loan-2';
const ROOM = chatRoomId(LOAN, 'investor-1');
const PIX_TEXT = 'Pode me pagar direto na chave pix 7d9f0c2e-4b1a-4c6e-9f3a-2b8d5e1c0a47';

function at(minutes: number): Date {
  return new Date(START + minutes * MINUTE);
}

function seedUsersAndLoans(db: SqliteDatabase): void {
  const insertUser = db.prepare(
    `INSERT INTO users (id, email, name, role, organisation_id, password_hash, created_at)
     VALUES (?, ?, ?, ?, NULL, 'unused', '2026-12-01T00:00:00.000Z')`,
  );
  for (const [id, role] of [
    ['investor-1', 'investor'],
    ['investor-2', 'investor'],
    ['investor-3', 'investor'],
    ['borrower-1', 'borrower'],
    ['support-1', 'support'],
  ] as const) {
    insertUser.run(id, `${id}@lastro.test`, id, role);
  }
  const insertLoan = db.prepare(
    `INSERT INTO loans (id, borrower_user_id, borrower_name, purpose, state, amount, funded, rate_monthly_bps,
       term_months, grade, status, created_at, updated_at, seq)
     VALUES (?, ?, 'Carla M.', 'capital de giro', 'SP', 1000000, 0, 250, 12, 'B', 'open',
       '2026-12-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z', ?)`,
  );
  insertLoan.run(LOAN, 'borrower-1', 1);
  insertLoan.run(LOAN_WITHOUT_BORROWER, null, 2);
}

describe('chat decisions', () => {
  let dataDir: string;
  let db: SqliteDatabase;
  let store: Store;
  let nextId = 0;

  function send(overrides: Partial<ChatMessageAttempt> = {}, now: Date = at(0)) {
    nextId += 1;
    return decideChatMessage(
      store,
      {
        messageId: `message-${nextId}`,
        loanId: LOAN,
        senderId: 'investor-1',
        sessionId: 'session-1',
        text: 'Qual é a renda mensal?',
        ...overrides,
      },
      now,
    );
  }

  function countRows(table: 'chat_audit' | 'chat_messages' | 'chat_rooms'): number {
    return (db.prepare(`SELECT COUNT(*) AS count FROM ${table}`).get() as { count: number }).count;
  }

  function auditDecisions(): { message_id: string; decision: string; reason: string | null; actor_id: string | null }[] {
    return db.prepare('SELECT message_id, decision, reason, actor_id FROM chat_audit ORDER BY seq').all() as {
      message_id: string;
      decision: string;
      reason: string | null;
      actor_id: string | null;
    }[];
  }

  /** Returns the ChatError code thrown by `work`, failing when it does not throw one. */
  function errorCode(work: () => unknown): string {
    try {
      work();
    } catch (error) {
      expect(error).toBeInstanceOf(ChatError);
      return (error as ChatError).code;
    }
    throw new Error('expected a ChatError, but nothing was thrown');
  }

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'lastro-chat-test-'));
    db = openDatabase(dataDir);
    store = createSqliteStore(db);
    seedUsersAndLoans(db);
    nextId = 0;
  });

  afterEach(() => {
    // Every scenario leaves a valid chain with one record per attempt or support decision.
    expect(store.chatAudit.verify().ok).toBe(true);
    store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('membership', () => {
    it('first investor message creates the room', () => {
      expect(countRows('chat_rooms')).toBe(0);

      const decision = send({ text: '  Qual é a renda mensal?  ' });

      const { message, ...summary } = decision;
      expect(summary).toEqual({
        messageId: 'message-1',
        roomId: ROOM,
        status: 'accepted',
        reason: null,
        retryAt: null,
        createdAt: at(0).toISOString(),
        repeated: false,
      });
      expect(message).toMatchObject({ loanId: LOAN, investorId: 'investor-1', sentAt: at(0).toISOString(), contactKinds: [] });
      expect(message.seq).toBeGreaterThan(0);
      expect(store.chat.findRoom(ROOM)).toEqual({
        id: ROOM,
        loanId: LOAN,
        investorId: 'investor-1',
        borrowerId: 'borrower-1',
        createdAt: at(0).toISOString(),
      });
      expect(store.chat.findMessage('message-1')?.text).toBe('Qual é a renda mensal?');
      expect(auditDecisions()).toEqual([{ message_id: 'message-1', decision: 'accepted', reason: null, actor_id: null }]);
    });

    it('borrower replies into the room', () => {
      send();

      const reply = send({ senderId: 'borrower-1', investorId: 'investor-1', text: 'Cerca de 12 mil reais.' }, at(1));

      expect(reply.status).toBe('accepted');
      expect(reply.roomId).toBe(ROOM);
      expect(listRoomMessages(store, ROOM, 'investor-1').map((message) => message.text)).toEqual([
        'Qual é a renda mensal?',
        'Cerca de 12 mil reais.',
      ]);
      expect(countRows('chat_audit')).toBe(2);
    });

    it('borrower cannot open a room', () => {
      const decision = send({ senderId: 'borrower-1', investorId: 'investor-2' });

      expect(decision.status).toBe('rejected');
      expect(decision.reason).toBe('not_a_member');
      expect(countRows('chat_rooms')).toBe(0);
      expect(auditDecisions()).toEqual([{ message_id: 'message-1', decision: 'rejected', reason: 'not_a_member', actor_id: null }]);
    });

    it('third investor is rejected and cannot read', () => {
      send();

      const intrusion = send({ senderId: 'investor-3', investorId: 'investor-1' }, at(1));

      expect(intrusion.status).toBe('rejected');
      expect(intrusion.reason).toBe('not_a_member');
      expect(intrusion.roomId).toBe(ROOM);
      expect(errorCode(() => listRoomMessages(store, ROOM, 'investor-3'))).toBe('not_a_member');
      // Members do not read the outsider's attempt, but support reads every stored attempt.
      expect(listRoomMessages(store, ROOM, 'borrower-1').map((message) => message.id)).toEqual(['message-1']);
      expect(listRoomMessages(store, ROOM, 'support-1').map((message) => message.id)).toEqual(['message-1', 'message-2']);
      expect(auditDecisions().map((record) => record.reason)).toEqual([null, 'not_a_member']);
    });

    it('support user cannot write', () => {
      send();

      const decision = send({ senderId: 'support-1', investorId: 'investor-1' }, at(1));

      expect(decision.reason).toBe('not_a_member');
      expect(countRows('chat_audit')).toBe(2);
    });

    it('unknown loan and loan without borrower reject', () => {
      expect(send({ loanId: 'loan-missing' }).reason).toBe('chat_unavailable');
      expect(send({ loanId: LOAN_WITHOUT_BORROWER }).reason).toBe('chat_unavailable');
      expect(countRows('chat_rooms')).toBe(0);
      expect(countRows('chat_audit')).toBe(2);
    });

    it('unknown room cannot be read', () => {
      expect(errorCode(() => listRoomMessages(store, ROOM, 'support-1'))).toBe('room_not_found');
    });
  });

  describe('text validation', () => {
    it('empty text is rejected and audited', () => {
      const decision = send({ text: ' \u200B ' });

      expect(decision.status).toBe('rejected');
      expect(decision.reason).toBe('empty');
      expect(auditDecisions()).toEqual([{ message_id: 'message-1', decision: 'rejected', reason: 'empty', actor_id: null }]);
    });

    it('over-long text is rejected and audited', () => {
      const decision = send({ text: 'a'.repeat(2001) });

      expect(decision.status).toBe('rejected');
      expect(decision.reason).toBe('too_long');
      expect(countRows('chat_audit')).toBe(1);
    });

    it('text at the maximum length is accepted', () => {
      expect(send({ text: 'a'.repeat(2000) }).status).toBe('accepted');
    });
  });

  describe('rate limit', () => {
    it('allows 10 per hour and resumes at retryAt', () => {
      for (let minute = 0; minute < 10; minute++) {
        expect(send({}, at(minute)).status).toBe('accepted');
      }

      const limited = send({}, at(30));

      expect(limited.status).toBe('rejected');
      expect(limited.reason).toBe('rate_limited');
      expect(limited.retryAt).toBe(at(60).toISOString());
      expect(send({}, new Date(START + 60 * MINUTE - 1)).reason).toBe('rate_limited');
      expect(send({}, at(60)).status).toBe('accepted');
      expect(countRows('chat_audit')).toBe(13);
    });

    it('counts content-rejected messages', () => {
      for (let minute = 0; minute < 5; minute++) {
        send({ text: 'porra' }, at(minute));
      }
      send({ text: '' }, at(5));
      send({ text: 'a'.repeat(2001) }, at(6));
      for (let minute = 7; minute < 10; minute++) {
        expect(send({}, at(minute)).status).toBe('accepted');
      }

      expect(send({}, at(10)).reason).toBe('rate_limited');
    });

    it('counts held messages', () => {
      for (let minute = 0; minute < 10; minute++) {
        expect(send({ text: PIX_TEXT }, at(minute)).status).toBe('held');
      }

      expect(send({}, at(10)).reason).toBe('rate_limited');
    });

    it('does not count rate-limited or membership-rejected attempts', () => {
      for (let minute = 0; minute < 10; minute++) {
        send({}, at(minute));
      }
      for (let minute = 10; minute < 20; minute++) {
        expect(send({}, at(minute)).reason).toBe('rate_limited');
      }
      // The retries did not extend the wait: the first message leaves the window at minute 60.
      expect(send({}, at(60)).status).toBe('accepted');

      for (let minute = 0; minute < 10; minute++) {
        expect(send({ senderId: 'investor-2', investorId: 'investor-1' }, at(100 + minute)).reason).toBe('not_a_member');
      }
      expect(send({ senderId: 'investor-2' }, at(110)).status).toBe('accepted');
    });

    it('shares the count across sessions and rooms', () => {
      for (let minute = 0; minute < 5; minute++) {
        expect(send({ sessionId: 'session-desktop' }, at(minute)).status).toBe('accepted');
      }
      for (let minute = 5; minute < 10; minute++) {
        expect(send({ sessionId: 'session-laptop' }, at(minute)).status).toBe('accepted');
      }

      expect(send({ sessionId: 'session-laptop' }, at(10)).reason).toBe('rate_limited');
      expect(send({ sessionId: 'session-desktop' }, at(11)).reason).toBe('rate_limited');
      expect(send({ senderId: 'investor-2' }, at(12)).status).toBe('accepted');
    });

    it('counts the borrower across rooms', () => {
      send({ senderId: 'investor-1' }, at(0));
      send({ senderId: 'investor-2' }, at(0));
      for (let minute = 0; minute < 5; minute++) {
        expect(send({ senderId: 'borrower-1', investorId: 'investor-1' }, at(minute)).status).toBe('accepted');
        expect(send({ senderId: 'borrower-1', investorId: 'investor-2' }, at(minute)).status).toBe('accepted');
      }

      expect(send({ senderId: 'borrower-1', investorId: 'investor-1' }, at(6)).reason).toBe('rate_limited');
    });
  });

  describe('screening', () => {
    it('offensive text is rejected', () => {
      const decision = send({ text: 'Que porra de prazo é esse?' });

      expect(decision.status).toBe('rejected');
      expect(decision.reason).toBe('offensive_language');
      expect(auditDecisions()).toEqual([{ message_id: 'message-1', decision: 'rejected', reason: 'offensive_language', actor_id: null }]);
      expect(listRoomMessages(store, ROOM, 'borrower-1')).toEqual([]);
    });

    it('PIX key is held until support releases it', () => {
      const held = send({ text: PIX_TEXT });
      expect(held.status).toBe('held');
      expect(held.reason).toBe('off_platform_contact');
      expect(listRoomMessages(store, ROOM, 'borrower-1')).toEqual([]);
      expect(listRoomMessages(store, ROOM, 'investor-1').map((message) => message.status)).toEqual(['held']);

      const released = releaseHeldMessage(store, { messageId: held.messageId, supportUserId: 'support-1' }, at(5));

      expect(released.status).toBe('accepted');
      expect(released.decidedBy).toBe('support-1');
      expect(released.decidedAt).toBe(at(5).toISOString());
      expect(store.chat.findMessage(held.messageId)).toEqual(released);
      expect(listRoomMessages(store, ROOM, 'borrower-1').map((message) => message.id)).toEqual([held.messageId]);
      expect(auditDecisions()).toEqual([
        { message_id: held.messageId, decision: 'held', reason: 'off_platform_contact', actor_id: null },
        { message_id: held.messageId, decision: 'released', reason: null, actor_id: 'support-1' },
      ]);
    });

    it('PIX key rejected by support', () => {
      const held = send({ text: PIX_TEXT });

      const rejected = rejectHeldMessage(store, { messageId: held.messageId, supportUserId: 'support-1' }, at(5));

      expect(rejected.status).toBe('rejected');
      expect(rejected.reason).toBe('rejected_by_support');
      expect(rejected.decidedBy).toBe('support-1');
      expect(store.chat.findMessage(held.messageId)).toEqual(rejected);
      expect(listRoomMessages(store, ROOM, 'borrower-1')).toEqual([]);
      expect(auditDecisions()[1]).toEqual({
        message_id: held.messageId,
        decision: 'rejected_by_support',
        reason: 'rejected_by_support',
        actor_id: 'support-1',
      });
    });

    it('non-support users cannot review', () => {
      const held = send({ text: PIX_TEXT });

      for (const userId of ['investor-1', 'borrower-1', 'nobody']) {
        expect(errorCode(() => releaseHeldMessage(store, { messageId: held.messageId, supportUserId: userId }, at(1)))).toBe('not_support');
        expect(errorCode(() => rejectHeldMessage(store, { messageId: held.messageId, supportUserId: userId }, at(1)))).toBe('not_support');
      }
      expect(store.chat.findMessage(held.messageId)?.status).toBe('held');
      expect(countRows('chat_audit')).toBe(1);
    });

    it('only held messages can be reviewed', () => {
      const accepted = send();
      const held = send({ text: PIX_TEXT }, at(1));
      releaseHeldMessage(store, { messageId: held.messageId, supportUserId: 'support-1' }, at(2));
      const review = { supportUserId: 'support-1' };

      expect(errorCode(() => releaseHeldMessage(store, { ...review, messageId: accepted.messageId }, at(3)))).toBe('not_held');
      expect(errorCode(() => rejectHeldMessage(store, { ...review, messageId: held.messageId }, at(3)))).toBe('not_held');
      expect(errorCode(() => releaseHeldMessage(store, { ...review, messageId: 'message-missing' }, at(3)))).toBe('message_not_found');
      expect(countRows('chat_audit')).toBe(3);
    });
  });

  describe('atomicity and idempotency', () => {
    it('invalid audit input stores nothing', () => {
      // appendAuditRecord rejects an empty session id after the message row was inserted.
      expect(() => send({ sessionId: '' })).toThrow('invalid audit sessionId');

      expect(countRows('chat_messages')).toBe(0);
      expect(countRows('chat_rooms')).toBe(0);
      expect(countRows('chat_audit')).toBe(0);
    });

    it('missing audit table stores nothing', () => {
      send();
      db.exec('DROP TABLE chat_audit');

      expect(() => send({ senderId: 'investor-2' }, at(1))).toThrow(/chat_audit/);

      expect(countRows('chat_messages')).toBe(1);
      expect(store.chat.findRoom(chatRoomId(LOAN, 'investor-2'))).toBeUndefined();
      // The dropped table cannot be verified, so an empty table replaces it for the shared check.
      db.exec(`CREATE TABLE chat_audit AS SELECT * FROM (SELECT 1 AS seq) WHERE 0`);
    });

    it('repeated message id returns the stored decision', () => {
      const attempt: ChatMessageAttempt = {
        messageId: 'message-repeated',
        loanId: LOAN,
        senderId: 'investor-1',
        sessionId: 'session-1',
        text: PIX_TEXT,
      };
      const first = decideChatMessage(store, attempt, at(0));

      const second = decideChatMessage(store, { ...attempt, sessionId: 'session-2', text: 'outro texto' }, at(1));

      expect(second).toEqual({ ...first, repeated: true });
      expect(countRows('chat_audit')).toBe(1);
      expect(countRows('chat_messages')).toBe(1);

      releaseHeldMessage(store, { messageId: attempt.messageId, supportUserId: 'support-1' }, at(2));
      expect(decideChatMessage(store, attempt, at(3)).status).toBe('accepted');
      expect(countRows('chat_audit')).toBe(2);
    });

    it('message id of another sender is a conflict', () => {
      send();

      expect(errorCode(() => decideChatMessage(store, {
        messageId: 'message-1',
        loanId: LOAN,
        senderId: 'investor-2',
        sessionId: 'session-9',
        text: 'Olá',
      }, at(1)))).toBe('message_id_conflict');
      expect(countRows('chat_audit')).toBe(1);
    });

    it('repeated rejected id is not audited again', () => {
      const attempt: ChatMessageAttempt = { messageId: 'm-x', loanId: LOAN, senderId: 'investor-3', investorId: 'investor-1', sessionId: 's', text: 'Oi' };
      send();
      decideChatMessage(store, attempt, at(1));

      expect(decideChatMessage(store, attempt, at(2))).toMatchObject({ status: 'rejected', reason: 'not_a_member', repeated: true });
      expect(countRows('chat_audit')).toBe(2);
    });
  });
});

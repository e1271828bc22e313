import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  check,
  MAX_SUPPORT_AUDIT_LIMIT,
  SupportAuditSearchResponseSchema,
  SupportAuditVerifyResponseSchema,
  SupportHeldMessagesResponseSchema,
  SupportReviewResponseSchema,
  SupportRoomMessagesResponseSchema,
  type ChatMessageDoc,
  type SupportAuditSearchResponse,
} from '@lastro/protocol';
import { AUDIT_COLUMNS, MAX_AUDIT_SEARCH_LIMIT } from '../src/audit/index.js';
import { openDatabase } from '../src/db/database.js';
import { newCommandId, push, type Frame } from './support/commands.js';
import { login, startTestServer, type TestServer } from './support/server.js';
import { SyncTestClient } from './support/ws-client.js';

type Login = Awaited<ReturnType<typeof login>>;

/** A loan of the demo borrower. */
const LOAN = 'emp-00008';
const HELD_TEXT = 'Me chama no WhatsApp (11) 98765-4321';

function chatMessage(sender: Login, text: string, investorId = sender.user.id) {
  return {
    id: newCommandId(),
    loanId: LOAN,
    investorId,
    senderId: sender.user.id,
    text,
    status: 'pending',
    sentAt: new Date().toISOString(),
    seq: 0,
    _deleted: false,
  };
}

function isChange(frame: Frame<'changes'> | { type: string }, messageId: string, status?: string): boolean {
  return (
    frame.type === 'changes' &&
    (frame as Frame<'changes'>).collection === 'chatMessages' &&
    (frame as Frame<'changes'>).documents.some((doc) => doc.id === messageId && (status === undefined || doc['status'] === status))
  );
}

/** Sends a message over the socket and returns the server's decision. */
async function send(client: SyncTestClient, message: { id: string }): Promise<ChatMessageDoc> {
  const result = await push(client, 'chatMessages', [{ assumedMasterState: null, newDocumentState: message }]);
  expect(result.type).toBe('pushResult');
  const frame = await client.next<Frame<'changes'>>((candidate) => isChange(candidate, message.id));
  return frame.documents.find((doc) => doc.id === message.id) as unknown as ChatMessageDoc;
}

describe('support API', () => {
  let server: TestServer;
  let investor: Login;
  let borrower: Login;
  let supportUser: Login;
  const clients: SyncTestClient[] = [];
  const connect = async (who: Login): Promise<SyncTestClient> => {
    const client = await SyncTestClient.authenticated(server.url, who.token);
    clients.push(client);
    return client;
  };

  /** Calls the API as the support user, as `token`'s user, or without a token for null. */
  async function request(method: string, path: string, token: string | null = supportUser.token) {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: token === null ? {} : { authorization: `Bearer ${token}` },
    });
    const text = await response.text();
    const json = response.headers.get('content-type')?.startsWith('application/json') ? JSON.parse(text) : undefined;
    return { status: response.status, headers: response.headers, text, body: json as any };
  }
  const get = (path: string, token?: string | null) => request('GET', path, token);

  beforeAll(async () => {
    server = await startTestServer({ demo: true, simulator: false });
    investor = await login(server, 'investidor@lastro.demo');
    borrower = await login(server, 'tomador@lastro.demo');
    supportUser = await login(server, 'suporte@lastro.demo');
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    await server.stop();
  });

  it('keeps the protocol limit in step with the audit search', () => {
    expect(MAX_SUPPORT_AUDIT_LIMIT).toBe(MAX_AUDIT_SEARCH_LIMIT);
  });

  describe('access', () => {
    const routes: [string, string][] = [
      ['GET', '/api/v1/support/audit'],
      ['GET', '/api/v1/support/audit/export'],
      ['GET', '/api/v1/support/audit/verify'],
      ['GET', '/api/v1/support/chat/held'],
      ['POST', '/api/v1/support/chat/messages/some-id/release'],
      ['POST', '/api/v1/support/chat/messages/some-id/reject'],
      ['GET', '/api/v1/support/chat/rooms/some-room/messages'],
    ];

    it.each(routes)('%s %s answers 401 without a token', async (method, path) => {
      const response = await request(method, path, null);
      expect(response.status).toBe(401);
      expect(response.body.error.kind).toBe('unauthorized');
    });

    it.each(routes)('%s %s answers 403 to an investor, naming the role', async (method, path) => {
      const response = await request(method, path, investor.token);
      expect(response.status).toBe(403);
      expect(response.body.error).toMatchObject({ kind: 'forbidden' });
      expect(response.body.error.message).toContain('support');
      expect(response.body.error.message).toContain('investor');
    });

    it('answers 403 to a borrower too', async () => {
      const response = await get('/api/v1/support/chat/held', borrower.token);
      expect(response.status).toBe(403);
      expect(response.body.error.message).toContain('borrower');
    });
  });

  describe('held messages', () => {
    it('lists a held message and releases it to both room members live', async () => {
      const investorSocket = await connect(investor);
      const borrowerSocket = await connect(borrower);
      const message = chatMessage(investor, HELD_TEXT);
      expect(await send(investorSocket, message)).toMatchObject({ status: 'held', reason: 'off_platform_contact' });

      const held = await get('/api/v1/support/chat/held');
      expect(held.status).toBe(200);
      expect(check(SupportHeldMessagesResponseSchema, held.body).ok).toBe(true);
      const listed = held.body.messages.find((candidate: { id: string }) => candidate.id === message.id);
      expect(listed).toMatchObject({
        roomId: `chat:${LOAN}:${investor.user.id}`,
        loanId: LOAN,
        senderId: investor.user.id,
        sender: { name: 'Ana Ribeiro', email: 'investidor@lastro.demo', role: 'investor' },
        text: HELD_TEXT,
        status: 'held',
        reason: 'off_platform_contact',
        contactKinds: ['phone'],
      });
      expect(listed.createdAt).toMatch(/Z$/);

      const released = await request('POST', `/api/v1/support/chat/messages/${message.id}/release`);
      expect(released.status).toBe(200);
      expect(check(SupportReviewResponseSchema, released.body).ok).toBe(true);
      expect(released.body.message).toMatchObject({ id: message.id, status: 'accepted', reason: null, decidedBy: supportUser.user.id });

      const atBorrower = await borrowerSocket.next<Frame<'changes'>>((frame) => isChange(frame, message.id, 'accepted'));
      expect(atBorrower.documents.find((doc) => doc.id === message.id)).toMatchObject({ status: 'accepted', text: HELD_TEXT });
      await investorSocket.next((frame) => isChange(frame, message.id, 'accepted'));

      const after = await get('/api/v1/support/chat/held');
      expect(after.body.messages.map((candidate: { id: string }) => candidate.id)).not.toContain(message.id);
    });

    it('rejects a held message for the sender only', async () => {
      const investorSocket = await connect(investor);
      const borrowerSocket = await connect(borrower);
      const message = chatMessage(investor, 'Meu e-mail é ana@example.com, me escreve lá');
      expect(await send(investorSocket, message)).toMatchObject({ status: 'held' });

      const rejected = await request('POST', `/api/v1/support/chat/messages/${message.id}/reject`);

      expect(rejected.status).toBe(200);
      expect(rejected.body.message).toMatchObject({ status: 'rejected', reason: 'rejected_by_support', decidedBy: supportUser.user.id });
      const atSender = await investorSocket.next<Frame<'changes'>>((frame) => isChange(frame, message.id, 'rejected'));
      expect(atSender.documents.find((doc) => doc.id === message.id)).toMatchObject({ status: 'rejected', reason: 'rejected_by_support' });
      // Frames arrive in commit order, so once a later message reaches the borrower, a frame about
      // the rejected one would have arrived before it.
      const later = chatMessage(investor, 'Qual é a carência?');
      await send(investorSocket, later);
      await borrowerSocket.next((frame) => isChange(frame, later.id));
      expect(borrowerSocket.frames.some((frame) => isChange(frame, message.id))).toBe(false);
    });

    it('rejects reviews of decided or unknown messages', async () => {
      const socket = await connect(investor);
      const message = chatMessage(investor, 'Qual é o prazo do empréstimo?');
      expect(await send(socket, message)).toMatchObject({ status: 'accepted' });

      const release = await request('POST', `/api/v1/support/chat/messages/${message.id}/release`);
      expect(release.status).toBe(409);
      expect(release.body.error.message).toContain('not held');
      const reject = await request('POST', `/api/v1/support/chat/messages/${message.id}/reject`);
      expect(reject.status).toBe(409);

      const unknown = await request('POST', `/api/v1/support/chat/messages/${newCommandId()}/release`);
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.kind).toBe('not_found');
    });

    it('reads every attempt of a room, including held and rejected ones', async () => {
      const roomId = `chat:${LOAN}:${investor.user.id}`;
      const response = await get(`/api/v1/support/chat/rooms/${encodeURIComponent(roomId)}/messages`);

      expect(response.status).toBe(200);
      expect(check(SupportRoomMessagesResponseSchema, response.body).ok).toBe(true);
      expect(response.body.roomId).toBe(roomId);
      const statuses = new Set(response.body.messages.map((message: { status: string }) => message.status));
      expect(statuses).toEqual(new Set(['accepted', 'rejected']));

      const missing = await get('/api/v1/support/chat/rooms/chat%3Anope%3Anobody/messages');
      expect(missing.status).toBe(404);
    });

    it('checks the held queue limit', async () => {
      expect((await get('/api/v1/support/chat/held?limit=0')).body.error).toMatchObject({ kind: 'invalid_request', field: 'limit' });
      expect((await get('/api/v1/support/chat/held?limit=501')).status).toBe(400);
      expect((await get('/api/v1/support/chat/held?limit=2')).status).toBe(200);
    });
  });

  describe('audit search', () => {
    const search = async (query: string): Promise<SupportAuditSearchResponse> => {
      const response = await get(`/api/v1/support/audit?${query}`);
      expect(response.status, response.text).toBe(200);
      const parsed = check(SupportAuditSearchResponseSchema, response.body);
      expect(parsed.ok, parsed.ok ? '' : parsed.message).toBe(true);
      return response.body as SupportAuditSearchResponse;
    };

    it('finds attempts by accent-insensitive text, newest first, with the users named', async () => {
      const result = await search(`text=${encodeURIComponent('WHATSAPP')}`);
      expect(result.records.length).toBeGreaterThanOrEqual(2);
      expect(result.records.every((record) => record.text === HELD_TEXT)).toBe(true);
      expect(result.records.map((record) => record.decision)).toEqual(['released', 'held']);
      expect(result.records[0]!.actorId).toBe(supportUser.user.id);
      expect(result.users[investor.user.id]).toEqual({ name: 'Ana Ribeiro', email: 'investidor@lastro.demo', role: 'investor' });
      expect(result.users[supportUser.user.id]).toMatchObject({ role: 'support' });

      const accents = await search(`text=${encodeURIComponent('qual e o PRAZO')}`);
      expect(accents.records.map((record) => record.text)).toContain('Qual é o prazo do empréstimo?');
    });

    it('filters by user id, e-mail and room', async () => {
      const byId = await search(`user=${investor.user.id}`);
      expect(byId.records.length).toBeGreaterThan(0);
      expect(byId.records.every((record) => record.userId === investor.user.id)).toBe(true);
      const byEmail = await search('user=INVESTIDOR%40lastro.demo');
      expect(byEmail.records).toEqual(byId.records);
      expect((await search(`user=${borrower.user.id}`)).records).toEqual([]);

      const room = `chat:${LOAN}:${investor.user.id}`;
      const byRoom = await search(`room=${encodeURIComponent(room)}`);
      expect(byRoom.records.length).toBe(byId.records.length);
      expect((await search('room=chat%3Aother')).records).toEqual([]);

      const unknownEmail = await get('/api/v1/support/audit?user=ninguem%40lastro.demo');
      expect(unknownEmail.status).toBe(404);
      expect(unknownEmail.body.error.field).toBe('user');
    });

    it('filters by period, with from included and to excluded', async () => {
      const all = await search('');
      const oldest = all.records.at(-1)!;
      const beforeOldest = await search(`to=${encodeURIComponent(oldest.recordedAt.replace('Z', '+00:00'))}`);
      expect(beforeOldest.records).toEqual([]);
      const newest = all.records[0]!;
      const onlyNewest = await search(`from=${encodeURIComponent(newest.recordedAt)}&to=2999-01-01T00:00:00Z`);
      expect(onlyNewest.records.map((record) => record.seq)).toContain(newest.seq);
      expect(onlyNewest.records.every((record) => record.recordedAt >= newest.recordedAt)).toBe(true);
      const fromOldest = await search(`from=${encodeURIComponent(oldest.recordedAt)}`);
      expect(fromOldest.records.length).toBe(all.records.length);
      const future = await search('from=2999-01-01T00:00:00-03:00');
      expect(future.records).toEqual([]);
      const past = await search('to=2000-01-01T00:00:00Z');
      expect(past.records).toEqual([]);
    });

    it('pages with limit and beforeSeq', async () => {
      const all = await search('limit=1000');
      expect(all.nextBeforeSeq).toBeNull();
      const first = await search('limit=2');
      expect(first.records.map((record) => record.seq)).toEqual(all.records.slice(0, 2).map((record) => record.seq));
      expect(first.nextBeforeSeq).toBe(first.records[1]!.seq);
      const second = await search(`limit=2&beforeSeq=${first.nextBeforeSeq}`);
      expect(second.records.map((record) => record.seq)).toEqual(all.records.slice(2, 4).map((record) => record.seq));
    });

    it.each([
      ['from=ontem', 'from', 'RFC 3339'],
      ['to=2026-12-01', 'to', 'RFC 3339'],
      ['from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z', 'to', 'later to'],
      ['limit=0', 'limit', '1 to 1000'],
      ['limit=1001', 'limit', '1 to 1000'],
      ['limit=dez', 'limit', '1 to 1000'],
      ['beforeSeq=-1', 'beforeSeq', 'integer'],
      ['afterSeq=3', 'afterSeq', 'beforeSeq'],
      ['form=2026-12-01T00:00:00Z', 'form', 'unknown query parameter'],
      ['user=a&user=b', 'user', 'more than once'],
      [`text=${'x'.repeat(501)}`, 'text', 'longer than 500'],
    ])('answers 400 for %s, naming %s', async (query, field, hint) => {
      const response = await get(`/api/v1/support/audit?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ kind: 'invalid_request', field });
      expect(response.body.error.message).toContain(hint);
    });
  });

  describe('audit export', () => {
    it('exports CSV with a header row and a file name', async () => {
      const response = await get('/api/v1/support/audit/export?from=2000-01-01T00:00:00Z&to=2999-01-01T00:00:00-03:00&format=csv');

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe(
        'attachment; filename="lastro-chat-audit_20000101T000000Z_29990101T030000Z.csv"',
      );
      const lines = response.text.split('\r\n');
      expect(lines[0]).toBe(AUDIT_COLUMNS.join(','));
      expect(lines.at(-1)).toBe('');
      const rows = lines.slice(1, -1);
      expect(rows.length).toBe(Number(response.headers.get('x-audit-records')));
      expect(rows.some((row) => row.includes(HELD_TEXT) && row.includes(',released,'))).toBe(true);
      expect(rows[0]).toMatch(/^1,/);
    });

    it('exports JSON Lines, defaulting to the whole log', async () => {
      const response = await get('/api/v1/support/audit/export?format=json');

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="lastro-chat-audit_inicio_fim.jsonl"');
      const records = response.text.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(records.map((record) => record['seq'])).toEqual(records.map((_, index) => index + 1));
      expect(Object.keys(records[0]!)).toEqual([...AUDIT_COLUMNS]);
    });

    it('accepts lowercase t and z separators, as RFC 3339 allows', async () => {
      const response = await get('/api/v1/support/audit/export?from=2000-01-01t00:00:00z&format=csv');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="lastro-chat-audit_20000101T000000Z_fim.csv"');
    });

    it.each([
      ['format=xml', 'format'],
      ['from=2026-13-01T00:00:00Z', 'from'],
      ['from=2026-12-02T00:00:00Z&to=2026-12-02T00:00:00Z', 'to'],
    ])('answers 400 for %s', async (query, field) => {
      const response = await get(`/api/v1/support/audit/export?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.error.field).toBe(field);
    });
  });

  describe('audit verify', () => {
    it('reports an intact chain with its record count', async () => {
      const response = await get('/api/v1/support/audit/verify');

      expect(response.status).toBe(200);
      expect(check(SupportAuditVerifyResponseSchema, response.body).ok).toBe(true);
      const all = await get('/api/v1/support/audit?limit=1');
      expect(response.body).toEqual({ ok: true, records: all.body.records[0].seq, lastHash: all.body.records[0].hash });
    });

    it('rejects query parameters it does not take', async () => {
      const response = await get('/api/v1/support/audit/verify?full=1');
      expect(response.status).toBe(400);
      expect(response.body.error.field).toBe('full');
    });

    it('names a record edited in the database file', async () => {
      // Runs last in this file: it drops the append-only triggers of the test database.
      const before = (await get('/api/v1/support/audit/verify')).body as { records: number };
      expect(before.records).toBeGreaterThanOrEqual(3);
      const db = openDatabase(server.dataDir);
      try {
        db.exec('DROP TRIGGER chat_audit_no_update; DROP TRIGGER chat_audit_no_delete;');
        db.prepare("UPDATE chat_audit SET text = 'mensagem trocada' WHERE seq = 2").run();
      } finally {
        db.close();
      }

      const response = await get('/api/v1/support/audit/verify');

      expect(response.status).toBe(200);
      expect(check(SupportAuditVerifyResponseSchema, response.body).ok).toBe(true);
      expect(response.body).toMatchObject({ ok: false, records: 1, firstBroken: { seq: 2, reason: 'hash_mismatch' } });
      expect(response.body.firstBroken.actual).toMatch(/^[0-9a-f]{64}$/);
    });
  });
});

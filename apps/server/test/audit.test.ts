import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appendAuditRecord,
  exportAudit,
  GENESIS_HASH,
  searchAudit,
  verifyAuditChain,
  type AuditInput,
  type AuditRecord,
} from '../src/audit/index.js';
import { migrate, openDatabase, type SqliteDatabase } from '../src/db/database.js';
import { MIGRATIONS } from '../src/db/migrations.js';
import { createSqliteStore, type Store } from '../src/db/store.js';

const START = Date.parse('2026-12-01T10:00:00.000Z');

function input(overrides: Partial<AuditInput> = {}): AuditInput {
  return {
    userId: 'investor-1',
    sessionId: 'session-1',
    roomId: 'loan-1',
    messageId: `message-${Math.random().toString(36).slice(2)}`,
    text: 'Qual é a renda mensal?',
    decision: 'accepted',
    reason: null,
    actorId: null,
    ...overrides,
  };
}

/** Drops the append-only triggers, as someone with write access to the database file could. */
function dropTriggers(db: SqliteDatabase): void {
  db.exec('DROP TRIGGER chat_audit_no_update; DROP TRIGGER chat_audit_no_delete; DROP TRIGGER chat_audit_insert_next;');
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

describe('chat audit log', () => {
  let dataDir: string;
  let db: SqliteDatabase;
  let store: Store;

  /** Appends records in one transaction each, one minute apart from START. */
  function appendMany(inputs: AuditInput[]): AuditRecord[] {
    return inputs.map((record, index) =>
      store.transaction(() => appendAuditRecord(db, record, new Date(START + index * 60_000))),
    );
  }

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'lastro-audit-test-'));
    db = openDatabase(dataDir);
    store = createSqliteStore(db);
  });

  afterEach(() => {
    db.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('append and verify', () => {
    it('hashes the documented canonical content (AUDIT-3)', () => {
      const record = store.transaction(() =>
        appendAuditRecord(
          db,
          input({ messageId: 'm1', text: 'Olá, "tudo" bem?', decision: 'held', reason: 'contains_phone_number' }),
          new Date(START),
        ),
      );

      const canonical =
        '{"seq":1,"recorded_at":"2026-12-01T10:00:00.000Z","user_id":"investor-1","session_id":"session-1",' +
        '"room_id":"loan-1","message_id":"m1","text":"Olá, \\"tudo\\" bem?","decision":"held",' +
        '"reason":"contains_phone_number","actor_id":null}';
      expect(record.prevHash).toBe('0'.repeat(64));
      expect(record.hash).toBe(sha256('0'.repeat(64) + canonical));
      expect(db.prepare('SELECT * FROM chat_audit').get()).toEqual({
        seq: 1,
        recorded_at: '2026-12-01T10:00:00.000Z',
        user_id: 'investor-1',
        session_id: 'session-1',
        room_id: 'loan-1',
        message_id: 'm1',
        text: 'Olá, "tudo" bem?',
        decision: 'held',
        reason: 'contains_phone_number',
        actor_id: null,
        prev_hash: '0'.repeat(64),
        hash: record.hash,
      });
    });

    it('chains records and verifies them (AUDIT-2)', () => {
      const heldMessage = input({ decision: 'held', reason: 'contains_link' });
      const records = appendMany([
        input(),
        input({ decision: 'rejected', reason: 'contains_phone_number' }),
        heldMessage,
        input({ messageId: heldMessage.messageId, decision: 'released', actorId: 'support-1' }),
        input({ decision: 'rejected_by_support', reason: 'abusive', actorId: 'support-1' }),
      ]);

      expect(records.map((record) => record.seq)).toEqual([1, 2, 3, 4, 5]);
      for (let index = 1; index < records.length; index += 1) {
        expect(records[index]!.prevHash).toBe(records[index - 1]!.hash);
      }
      expect(verifyAuditChain(db)).toEqual({ ok: true, records: 5, lastHash: records[4]!.hash });
    });

    it('verifies an empty log', () => {
      expect(verifyAuditChain(db)).toEqual({ ok: true, records: 0, lastHash: GENESIS_HASH });
    });

    it('names an edited record (AUDIT-5)', () => {
      const records = appendMany([input(), input(), input(), input()]);
      dropTriggers(db);
      db.prepare("UPDATE chat_audit SET text = 'Qual é a renda anual?' WHERE seq = 3").run();

      const expectedHash = sha256(
        records[1]!.hash +
          JSON.stringify({
            seq: 3,
            recorded_at: records[2]!.recordedAt,
            user_id: 'investor-1',
            session_id: 'session-1',
            room_id: 'loan-1',
            message_id: records[2]!.messageId,
            text: 'Qual é a renda anual?',
            decision: 'accepted',
            reason: null,
            actor_id: null,
          }),
      );

      expect(verifyAuditChain(db)).toEqual({
        ok: false,
        seq: 3,
        problem: 'hash_mismatch',
        expected: expectedHash,
        actual: records[2]!.hash,
      });
    });

    it('names an edited decision', () => {
      appendMany([input(), input({ decision: 'rejected', reason: 'contains_link' }), input()]);
      dropTriggers(db);
      db.prepare("UPDATE chat_audit SET decision = 'accepted', reason = NULL WHERE seq = 2").run();

      expect(verifyAuditChain(db)).toMatchObject({ ok: false, seq: 2, problem: 'hash_mismatch' });
    });

    it('names the gap of a deleted middle record', () => {
      appendMany([input(), input(), input(), input(), input()]);
      dropTriggers(db);
      db.prepare('DELETE FROM chat_audit WHERE seq = 3').run();

      expect(verifyAuditChain(db)).toEqual({ ok: false, seq: 4, problem: 'gap', expected: 3, actual: 4 });
    });

    it('names the gap of a deleted first record', () => {
      appendMany([input(), input()]);
      dropTriggers(db);
      db.prepare('DELETE FROM chat_audit WHERE seq = 1').run();

      expect(verifyAuditChain(db)).toEqual({ ok: false, seq: 2, problem: 'gap', expected: 1, actual: 2 });
    });

    it('names the record after a rehashed edit', () => {
      const records = appendMany([input(), input(), input(), input()]);
      dropTriggers(db);
      const row = db.prepare('SELECT * FROM chat_audit WHERE seq = 2').get() as Record<string, unknown>;
      const edited = { ...row, text: 'Texto trocado' } as Parameters<typeof computeHashOf>[0];
      const rehashed = computeHashOf(edited);
      db.prepare('UPDATE chat_audit SET text = ?, hash = ? WHERE seq = 2').run('Texto trocado', rehashed);

      expect(verifyAuditChain(db)).toEqual({
        ok: false,
        seq: 3,
        problem: 'prev_hash_mismatch',
        expected: rehashed,
        actual: records[1]!.hash,
      });
    });

    it('names an inserted record', () => {
      appendMany([input(), input(), input()]);
      dropTriggers(db);
      // Shift records 2 and 3 up by one and insert a forged record 2 in the free place.
      db.prepare('UPDATE chat_audit SET seq = seq + 10 WHERE seq >= 2').run();
      db.prepare('UPDATE chat_audit SET seq = seq - 9 WHERE seq >= 12').run();
      const first = db.prepare('SELECT hash FROM chat_audit WHERE seq = 1').get() as { hash: string };
      const forged = {
        seq: 2,
        recorded_at: new Date(START + 30_000).toISOString(),
        user_id: 'investor-1',
        session_id: 'session-1',
        room_id: 'loan-1',
        message_id: 'forged',
        text: 'Mensagem inventada',
        decision: 'accepted' as const,
        reason: null,
        actor_id: null,
        prev_hash: first.hash,
      };
      db.prepare(
        `INSERT INTO chat_audit VALUES (@seq, @recorded_at, @user_id, @session_id, @room_id, @message_id, @text, @decision, @reason, @actor_id, @prev_hash, @hash)`,
      ).run({ ...forged, hash: computeHashOf(forged) });

      // The forged record links to record 1, so the break shows at the record that followed it.
      expect(verifyAuditChain(db)).toMatchObject({ ok: false, seq: 3, problem: 'prev_hash_mismatch' });
    });
  });

  describe('append-only triggers (AUDIT-4)', () => {
    beforeEach(() => {
      appendMany([input(), input(), input()]);
    });

    it('rejects UPDATE', () => {
      expect(() => db.prepare("UPDATE chat_audit SET text = 'x' WHERE seq = 2").run()).toThrow(
        'chat_audit is append-only: UPDATE is not allowed',
      );
      expect(db.prepare('SELECT text FROM chat_audit WHERE seq = 2').get()).toEqual({ text: 'Qual é a renda mensal?' });
    });

    it('rejects DELETE', () => {
      expect(() => db.prepare('DELETE FROM chat_audit WHERE seq = 2').run()).toThrow(
        'chat_audit is append-only: DELETE is not allowed',
      );
      expect(() => db.prepare('DELETE FROM chat_audit').run()).toThrow('DELETE is not allowed');
      expect(db.prepare('SELECT COUNT(*) AS count FROM chat_audit').get()).toEqual({ count: 3 });
    });

    it('rejects INSERT OR REPLACE of a stored seq', () => {
      const row = db.prepare('SELECT * FROM chat_audit WHERE seq = 3').get() as Record<string, unknown>;

      expect(() =>
        db
          .prepare(
            `INSERT OR REPLACE INTO chat_audit VALUES (@seq, @recorded_at, @user_id, @session_id, @room_id, @message_id, @text, @decision, @reason, @actor_id, @prev_hash, @hash)`,
          )
          .run({ ...row, text: 'x' }),
      ).toThrow('chat_audit is append-only');
      expect(verifyAuditChain(db)).toMatchObject({ ok: true, records: 3 });
    });

    it.each([
      ['a skipped seq', { seq: 5 }],
      ['a wrong prev_hash', { prev_hash: 'f'.repeat(64) }],
    ])('rejects an insert with %s', (_case, change) => {
      const last = db.prepare('SELECT * FROM chat_audit WHERE seq = 3').get() as Record<string, unknown>;
      const next = { ...last, seq: 4, prev_hash: last.hash, ...change };

      expect(() =>
        db
          .prepare(
            `INSERT INTO chat_audit VALUES (@seq, @recorded_at, @user_id, @session_id, @room_id, @message_id, @text, @decision, @reason, @actor_id, @prev_hash, @hash)`,
          )
          .run(next),
      ).toThrow('seq must be the last seq plus one and prev_hash the last hash');
    });
  });

  describe('transactions (AUDIT-1)', () => {
    const organisationCount = (): number =>
      (db.prepare("SELECT COUNT(*) AS count FROM organisations WHERE id = 'org-1'").get() as { count: number }).count;

    it('commits the record with the decision', () => {
      const record = store.transaction(() => {
        store.users.insertOrganisation({ id: 'org-1', name: 'Gestora', createdAt: new Date().toISOString() });
        return store.chatAudit.append(input());
      });

      expect(organisationCount()).toBe(1);
      expect(searchAudit(db, { limit: 10 })).toEqual([record]);
    });

    it('rolls back the other write when the insert fails', () => {
      appendMany([input()]);
      const pageCount = db.pragma('page_count', { simple: true }) as number;

      expect(() =>
        store.transaction(() => {
          store.users.insertOrganisation({ id: 'org-1', name: 'Gestora', createdAt: new Date().toISOString() });
          // The database may not grow, so a record that needs new pages fails as on a full disk.
          db.pragma(`max_page_count = ${pageCount}`);
          store.chatAudit.append(input({ text: 'x'.repeat(200_000) }));
        }),
      ).toThrow(/full/);

      db.pragma('max_page_count = 1073741823');
      expect(organisationCount()).toBe(0);
      expect(verifyAuditChain(db)).toMatchObject({ ok: true, records: 1 });
      expect(store.transaction(() => store.chatAudit.append(input())).seq).toBe(2);
    });

    it('rolls back the other write when the input is invalid', () => {
      expect(() =>
        store.transaction(() => {
          store.users.insertOrganisation({ id: 'org-1', name: 'Gestora', createdAt: new Date().toISOString() });
          store.chatAudit.append(input({ decision: 'released', actorId: null }));
        }),
      ).toThrow('invalid audit actorId null');

      expect(organisationCount()).toBe(0);
      expect(verifyAuditChain(db)).toMatchObject({ ok: true, records: 0 });
    });

    it('rejects an append outside a transaction', () => {
      expect(() => appendAuditRecord(db, input())).toThrow('appendAuditRecord was called outside a transaction');
      expect(verifyAuditChain(db)).toMatchObject({ ok: true, records: 0 });
    });
  });

  describe('input validation', () => {
    it.each<[string, Partial<AuditInput>, string]>([
      ['empty userId', { userId: '' }, 'invalid audit userId ""'],
      ['empty sessionId', { sessionId: '' }, 'invalid audit sessionId ""'],
      ['empty roomId', { roomId: '' }, 'invalid audit roomId ""'],
      ['empty messageId', { messageId: '' }, 'invalid audit messageId ""'],
      ['lone surrogate in text', { text: 'a\uD800b' }, 'invalid audit text: it contains a lone UTF-16 surrogate'],
      ['unknown decision', { decision: 'deleted' as AuditInput['decision'] }, 'invalid audit decision "deleted"'],
      ['reason not a code', { reason: 'Has a link' }, 'invalid audit reason "Has a link"'],
      ['empty reason', { reason: '' }, 'invalid audit reason ""'],
      ['actor on accepted', { actorId: 'support-1' }, 'invalid audit actorId "support-1"'],
      ['release without actor', { decision: 'released' }, 'invalid audit actorId null'],
      ['support rejection without actor', { decision: 'rejected_by_support' }, 'invalid audit actorId null'],
    ])('rejects %s', (_case, overrides, message) => {
      expect(() => store.transaction(() => appendAuditRecord(db, input(overrides)))).toThrow(message);
      expect(verifyAuditChain(db)).toMatchObject({ ok: true, records: 0 });
    });

    it('accepts an empty text', () => {
      const record = store.transaction(() => appendAuditRecord(db, input({ text: '', decision: 'rejected', reason: 'empty' })));

      expect(record.text).toBe('');
      expect(verifyAuditChain(db)).toMatchObject({ ok: true, records: 1 });
    });

    it('keeps emoji and accents through the hash', () => {
      appendMany([input({ text: 'Ótimo 👍🏽 ação' })]);

      expect(verifyAuditChain(db)).toMatchObject({ ok: true, records: 1 });
    });
  });

  describe('export (AUDIT-6)', () => {
    const range = { from: '2026-12-01T00:00:00Z', to: '2026-12-02T00:00:00Z' };

    it('quotes commas, quotes and newlines in CSV', () => {
      const records = appendMany([
        input({ messageId: 'm1', text: 'plain' }),
        input({ messageId: 'm2', text: 'R$ 1.234,56 por mês' }),
        input({ messageId: 'm3', text: 'ele disse "não"' }),
        input({ messageId: 'm4', text: 'linha 1\nlinha 2\r\nlinha 3' }),
      ]);

      const lines = exportAudit(db, { ...range, format: 'csv' }).split('\r\n');

      expect(lines[0]).toBe('seq,recorded_at,user_id,session_id,room_id,message_id,text,decision,reason,actor_id,prev_hash,hash');
      const tail = (record: AuditRecord) => `accepted,,,${record.prevHash},${record.hash}`;
      const head = (seq: number, message: string) =>
        `${seq},${new Date(START + (seq - 1) * 60_000).toISOString()},investor-1,session-1,loan-1,${message}`;
      expect(lines[1]).toBe(`${head(1, 'm1')},plain,${tail(records[0]!)}`);
      expect(lines[2]).toBe(`${head(2, 'm2')},"R$ 1.234,56 por mês",${tail(records[1]!)}`);
      expect(lines[3]).toBe(`${head(3, 'm3')},"ele disse ""não""",${tail(records[2]!)}`);
      // The CRLF inside the quoted field splits it here, like the record separators.
      expect(`${lines[4]}\r\n${lines[5]}`).toBe(`${head(4, 'm4')},"linha 1\nlinha 2\r\nlinha 3",${tail(records[3]!)}`);
      expect(lines[6]).toBe('');
      expect(lines).toHaveLength(7);
    });

    it('writes reason and actor in CSV', () => {
      appendMany([input({ messageId: 'm1', decision: 'rejected_by_support', reason: 'abusive', actorId: 'support-1' })]);

      const lines = exportAudit(db, { ...range, format: 'csv' }).split('\r\n');

      expect(lines[1]).toContain(',rejected_by_support,abusive,support-1,');
    });

    it('round-trips JSON Lines', () => {
      const records = appendMany([
        input({ text: 'vírgula, "aspas"\ne linha' }),
        input({ decision: 'held', reason: 'contains_link' }),
        input({ decision: 'released', actorId: 'support-1' }),
      ]);

      const output = exportAudit(db, { ...range, format: 'json' });

      expect(output.endsWith('\n')).toBe(true);
      const parsed = output.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(parsed).toEqual(
        records.map((record) => ({
          seq: record.seq,
          recorded_at: record.recordedAt,
          user_id: record.userId,
          session_id: record.sessionId,
          room_id: record.roomId,
          message_id: record.messageId,
          text: record.text,
          decision: record.decision,
          reason: record.reason,
          actor_id: record.actorId,
          prev_hash: record.prevHash,
          hash: record.hash,
        })),
      );
      // An export line has all it takes to recompute the record's hash without the database.
      for (const line of parsed) {
        const { prev_hash: prevHash, hash, ...content } = line;
        expect(sha256(String(prevHash) + JSON.stringify(content))).toBe(hash);
      }
    });

    it('keeps records in [from, to)', () => {
      // Records at 10:00, 10:01, 10:02 and 10:03 UTC.
      appendMany([input({ messageId: 'm1' }), input({ messageId: 'm2' }), input({ messageId: 'm3' }), input({ messageId: 'm4' })]);
      const exported = (from: string, to: string): unknown[] =>
        exportAudit(db, { from, to, format: 'json' })
          .trimEnd()
          .split('\n')
          .filter((line) => line !== '')
          .map((line) => (JSON.parse(line) as { message_id: string }).message_id);

      expect(exported('2026-12-01T10:01:00Z', '2026-12-01T10:03:00Z')).toEqual(['m2', 'm3']);
      expect(exported('2026-12-01T07:01:00-03:00', '2026-12-01T07:03:00.001-03:00')).toEqual(['m2', 'm3', 'm4']);
      expect(exported('2026-12-01T10:01:00.0001Z', '2026-12-01T10:03:00Z')).toEqual(['m3']);
      expect(exported('2026-12-01t10:00:00z', '2026-12-01T10:00:59.999Z')).toEqual(['m1']);
      expect(exported('2026-12-01T10:04:00Z', '2026-12-02T00:00:00Z')).toEqual([]);
      expect(exportAudit(db, { from: '2026-12-02T00:00:00Z', to: '2026-12-03T00:00:00Z', format: 'csv' })).toBe(
        'seq,recorded_at,user_id,session_id,room_id,message_id,text,decision,reason,actor_id,prev_hash,hash\r\n',
      );
    });

    it.each([
      [{ from: 'yesterday', to: '2026-12-02T00:00:00Z', format: 'csv' }, 'invalid from "yesterday"'],
      [{ from: '2026-12-01', to: '2026-12-02T00:00:00Z', format: 'csv' }, 'invalid from "2026-12-01"'],
      [{ from: '2026-12-01T00:00:00Z', to: '2026-02-30T00:00:00Z', format: 'csv' }, 'invalid to "2026-02-30T00:00:00Z"'],
      [{ from: '2026-12-02T00:00:00Z', to: '2026-12-01T00:00:00Z', format: 'json' }, 'is not before to'],
      [{ from: '2026-12-01T00:00:00Z', to: '2026-12-01T00:00:00Z', format: 'json' }, 'is not before to'],
      [{ from: '2026-12-01T00:00:00Z', to: '2026-12-02T00:00:00Z', format: 'xml' }, 'invalid format "xml"'],
    ])('rejects %j', (options, message) => {
      expect(() => exportAudit(db, options as Parameters<typeof exportAudit>[1])).toThrow(message);
    });
  });

  describe('search', () => {
    beforeEach(() => {
      appendMany([
        input({ userId: 'investor-1', roomId: 'loan-1', text: 'Não recebi o contrato' }),
        input({ userId: 'investor-2', roomId: 'loan-1', text: 'Qual o prazo?' }),
        input({ userId: 'investor-1', roomId: 'loan-2', text: 'nao entendi a taxa' }),
        input({ userId: 'investor-1', roomId: 'loan-1', text: 'Obrigado' }),
      ]);
    });

    const seqs = (records: AuditRecord[]): number[] => records.map((record) => record.seq);

    it('returns newest first up to the limit', () => {
      expect(seqs(searchAudit(db, { limit: 10 }))).toEqual([4, 3, 2, 1]);
      expect(seqs(searchAudit(db, { limit: 2 }))).toEqual([4, 3]);
    });

    it('pages with beforeSeq', () => {
      expect(seqs(searchAudit(db, { limit: 2, beforeSeq: 3 }))).toEqual([2, 1]);
    });

    it('filters by user and room', () => {
      expect(seqs(searchAudit(db, { userId: 'investor-1', limit: 10 }))).toEqual([4, 3, 1]);
      expect(seqs(searchAudit(db, { roomId: 'loan-1', limit: 10 }))).toEqual([4, 2, 1]);
      expect(seqs(searchAudit(db, { userId: 'investor-1', roomId: 'loan-1', limit: 10 }))).toEqual([4, 1]);
    });

    it('finds the reviews a support user made', () => {
      appendMany([input({ userId: 'investor-2', roomId: 'loan-1', decision: 'released', actorId: 'support-1', text: 'Qual o prazo?' })]);

      expect(seqs(searchAudit(db, { userId: 'support-1', limit: 10 }))).toEqual([5]);
      expect(seqs(searchAudit(db, { userId: 'investor-2', limit: 10 }))).toEqual([5, 2]);
    });

    it('matches text without case and accents', () => {
      expect(seqs(searchAudit(db, { text: 'NÃO', limit: 10 }))).toEqual([3, 1]);
      expect(seqs(searchAudit(db, { text: 'nao', limit: 1 }))).toEqual([3]);
      expect(seqs(searchAudit(db, { text: 'boleto', limit: 10 }))).toEqual([]);
    });

    it('filters by time range', () => {
      expect(seqs(searchAudit(db, { from: '2026-12-01T10:01:00Z', to: '2026-12-01T10:03:00Z', limit: 10 }))).toEqual([3, 2]);
      expect(seqs(searchAudit(db, { from: '2026-12-01T10:02:00Z', limit: 10 }))).toEqual([4, 3]);
      expect(seqs(searchAudit(db, { to: '2026-12-01T10:01:00Z', limit: 10 }))).toEqual([1]);
    });

    it.each([
      [{ limit: 0 }, 'invalid limit 0'],
      [{ limit: 1001 }, 'invalid limit 1001'],
      [{ limit: 1.5 }, 'invalid limit 1.5'],
      [{ limit: 10, beforeSeq: Number.NaN }, 'invalid beforeSeq NaN'],
      [{ limit: 10, from: 'today' }, 'invalid from "today"'],
    ])('rejects %j', (query, message) => {
      expect(() => searchAudit(db, query)).toThrow(message);
    });
  });
});

describe('migration 4', () => {
  it('adds the chat audit log to a version 3 database', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lastro-audit-migration-test-'));
    const db = new Database(join(dataDir, 'v3.sqlite'));
    try {
      migrate(db, MIGRATIONS.slice(0, 3));
      expect(db.prepare("SELECT COUNT(*) AS count FROM sqlite_master WHERE name = 'chat_audit'").get()).toEqual({ count: 0 });

      migrate(db, MIGRATIONS);

      const newest = MIGRATIONS.at(-1)?.version;
      expect(db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get()).toEqual({ version: newest });
      const triggers = db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'chat_audit' ORDER BY name").all();
      expect(triggers).toEqual([{ name: 'chat_audit_insert_next' }, { name: 'chat_audit_no_delete' }, { name: 'chat_audit_no_update' }]);
      expect(verifyAuditChain(db)).toEqual({ ok: true, records: 0, lastHash: GENESIS_HASH });
    } finally {
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

/** Recomputes a row's hash independently of src/audit, from the format documented in docs/SPEC.md. */
function computeHashOf(row: {
  seq: number;
  recorded_at: string;
  user_id: string;
  session_id: string;
  room_id: string;
  message_id: string;
  text: string;
  decision: string;
  reason: string | null;
  actor_id: string | null;
  prev_hash: string;
}): string {
  const { prev_hash: prevHash, seq, recorded_at, user_id, session_id, room_id, message_id, text, decision, reason, actor_id } = row;
  return sha256(prevHash + JSON.stringify({ seq, recorded_at, user_id, session_id, room_id, message_id, text, decision, reason, actor_id }));
}

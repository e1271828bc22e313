import Database from 'better-sqlite3';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/db/database.js';
import { login, startTestServer, type TestServer } from '../support/server.js';
import { collabUrl, connectProvider, issueTicket, notesText, openProvider, waitFor, waitSynced, type TestProvider } from './support.js';

interface UpdateRow {
  seq: number;
  data: Buffer;
  created_at: string;
}

describe('collab storage', () => {
  let server: TestServer;
  let token: string;
  let db: Database.Database;
  let notesOf: (loanId: string) => string;

  beforeAll(async () => {
    server = await startTestServer({ demo: true, simulator: false, collab: { compactAfterUpdates: 10, maxPayloadLength: 64 * 1024 } });
    token = (await login(server, 'investidor@lastro.demo')).token;
    db = new Database(join(server.dataDir, DATABASE_FILE));
    const { organisation_id: organisationId } = db
      .prepare('SELECT organisation_id FROM users WHERE email = ?')
      .get('investidor@lastro.demo') as { organisation_id: string };
    notesOf = (loanId) => `notes:org:${organisationId}:${loanId}`;
  });

  afterAll(async () => {
    db.close();
    await server.stop();
  });

  const updates = (documentName: string): UpdateRow[] =>
    db.prepare('SELECT seq, data, created_at FROM collab_updates WHERE document_name = ? ORDER BY seq').all(documentName) as UpdateRow[];

  it('corrupt stored update rejects connections', async () => {
    const documentName = notesOf('emp-00002');
    db.prepare('INSERT INTO collab_documents (name, created_at) VALUES (?, ?)').run(documentName, '2026-01-01T00:00:00.000Z');
    db.prepare('INSERT INTO collab_updates (document_name, seq, data, created_at) VALUES (?, 1, ?, ?)').run(
      documentName,
      Buffer.from('this is not a yjs update'),
      '2026-01-01T00:00:00.000Z',
    );
    const before = updates(documentName);
    const documentBefore = db.prepare('SELECT * FROM collab_documents WHERE name = ?').get(documentName);

    const opened = openProvider(server, 'loan:emp-00002:notes', await issueTicket(server, token, 'loan:emp-00002:notes'));
    try {
      await waitFor(() => opened.closeCodes.length > 0, 5000, 'connection closed');
      opened.provider.disconnect();

      expect(opened.closeCodes[0]).toBe(4500);
      expect(opened.provider.synced).toBe(false);
      expect(notesText(opened.doc)).toBe('');
    } finally {
      opened.destroy();
    }
    expect(updates(documentName)).toEqual(before);
    expect(db.prepare('SELECT * FROM collab_documents WHERE name = ?').get(documentName)).toEqual(documentBefore);
    expect(server.logs.some((line) => line.msg === 'collab document cannot be loaded; connection closed' && line.documentName === documentName)).toBe(true);
  });

  it('updates are compacted into a snapshot', async () => {
    const documentName = notesOf('emp-00008');
    const providers: TestProvider[] = [];
    try {
      const writer = await connectProvider(server, token, 'loan:emp-00008:notes');
      providers.push(writer);
      await waitSynced(writer);
      for (let i = 0; i < 25; i++) {
        writer.doc.getText('notes').insert(notesText(writer.doc).length, `${i};`);
      }
      const expected = notesText(writer.doc);
      await waitFor(
        () => (db.prepare('SELECT snapshot_seq FROM collab_documents WHERE name = ?').get(documentName) as { snapshot_seq: number }).snapshot_seq >= 10,
        5000,
        'snapshot written',
      );
      const reader = await connectProvider(server, (await login(server, 'investidor2@lastro.demo')).token, 'loan:emp-00008:notes');
      providers.push(reader);
      await waitFor(() => notesText(reader.doc) === expected, 5000, 'reader sees every edit');

      expect(updates(documentName).length).toBeLessThan(26);
    } finally {
      for (const opened of providers) {
        opened.destroy();
      }
    }
  });

  it('oversized message closes the connection', async () => {
    const ticket = await issueTicket(server, token, 'loan:emp-00048:notes');
    const socket = new WebSocket(`${collabUrl(server)}/loan:emp-00048:notes?ticket=${ticket}`);
    socket.binaryType = 'arraybuffer';
    const messages: ArrayBuffer[] = [];
    socket.on('message', (data: ArrayBuffer) => messages.push(data));
    let closeCode: number | undefined;
    socket.on('close', (code) => {
      closeCode = code;
    });
    await waitFor(() => messages.length > 0, 5000, 'sync step 1 received');

    socket.send(Buffer.alloc(64 * 1024 + 1, 1));
    await waitFor(() => closeCode !== undefined, 5000, 'connection closed');

    expect(socket.readyState).toBe(WebSocket.CLOSED);
    expect(closeCode).not.toBe(1000);
    expect(updates(notesOf('emp-00048')).every((row) => row.data.length < 64 * 1024)).toBe(true);
  });

  it('invalid message closes with 4400', async () => {
    const ticket = await issueTicket(server, token, 'loan:emp-00048:notes');
    const socket = new WebSocket(`${collabUrl(server)}/loan:emp-00048:notes?ticket=${ticket}`);
    const received: unknown[] = [];
    socket.on('message', (data) => received.push(data));
    let closeCode: number | undefined;
    socket.on('close', (code) => {
      closeCode = code;
    });
    await waitFor(() => received.length > 0, 5000, 'sync step 1 received');

    socket.send(Buffer.from([0, 2, 5, 1, 2]));
    await waitFor(() => closeCode !== undefined, 5000, 'connection closed');

    expect(closeCode).toBe(4400);
  });
});

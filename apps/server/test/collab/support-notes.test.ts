import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/db/database.js';
import { login, startTestServer, type TestServer } from '../support/server.js';
import { connectProvider, notesText, waitFor, waitSynced } from './support.js';

const LOAN = 'emp-00021';

describe('support list of loan notes', () => {
  let server: TestServer;
  let investorToken: string;
  let supportToken: string;
  let organisationId: string;
  let organisationName: string;

  const listNotes = async (loanId: string, token: string | null = supportToken, query = '') => {
    const headers: Record<string, string> = token === null ? {} : { authorization: `Bearer ${token}` };
    const response = await fetch(`${server.url}/api/v1/support/loans/${encodeURIComponent(loanId)}/notes${query}`, { headers });
    return { status: response.status, body: (await response.json()) as any };
  };

  beforeAll(async () => {
    server = await startTestServer({ demo: true, simulator: false });
    investorToken = (await login(server, 'investidor@lastro.demo')).token;
    supportToken = (await login(server, 'suporte@lastro.demo')).token;
    const db = new Database(join(server.dataDir, DATABASE_FILE), { readonly: true });
    const row = db
      .prepare('SELECT o.id, o.name FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.email = ?')
      .get('investidor@lastro.demo') as { id: string; name: string };
    db.close();
    organisationId = row.id;
    organisationName = row.name;
  });

  afterAll(async () => {
    await server.stop();
  });

  it('lists nothing before first use', async () => {
    const response = await listNotes(LOAN);

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ loanId: LOAN, notes: [] });
  });

  it('lists organisations, last changed first', async () => {
    const opened = await connectProvider(server, investorToken, `loan:${LOAN}:notes`);
    try {
      await waitSynced(opened);
      // Opening the notes writes the template, which is no change by anyone.
      const templateOnly = await listNotes(LOAN);
      const beforeEdit = Date.now();
      opened.doc.getText('notes').insert(0, 'Garantia conferida.\n');
      await waitFor(() => notesText(opened.doc).startsWith('Garantia'), 5000, 'edit applied');
      // The edit reaches the server asynchronously; poll until it is listed.
      let notes: any[] = [];
      for (let attempt = 0; attempt < 100 && notes.length === 0; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        notes = (await listNotes(LOAN)).body.notes;
      }

      const db = new Database(join(server.dataDir, DATABASE_FILE));
      db.prepare('INSERT INTO organisations (id, name, created_at) VALUES (?, ?, ?)').run('org-quiet', 'Gestora Quieta', '2026-01-01T00:00:00.000Z');
      db.prepare('INSERT INTO collab_documents (name, created_at, updated_at) VALUES (?, ?, ?)').run(
        `notes:org:org-quiet:${LOAN}`,
        '2026-01-02T00:00:00.000Z',
        '2026-01-03T00:00:00.000Z',
      );
      db.close();
      const response = await listNotes(LOAN);

      expect(templateOnly.body.notes).toEqual([]);
      expect(notes).toHaveLength(1);
      expect(Date.parse(notes[0].updatedAt)).toBeGreaterThanOrEqual(beforeEdit);
      expect(response.body.notes).toEqual([
        { organisationId, organisationName, createdAt: notes[0].createdAt, updatedAt: notes[0].updatedAt },
        { organisationId: 'org-quiet', organisationName: 'Gestora Quieta', createdAt: '2026-01-02T00:00:00.000Z', updatedAt: '2026-01-03T00:00:00.000Z' },
      ]);
      expect((await listNotes('emp-00022')).body.notes).toEqual([]);
    } finally {
      opened.destroy();
    }
  });

  it('rejects invalid requests', async () => {
    const investor = await listNotes(LOAN, investorToken);
    const anonymous = await listNotes(LOAN, null);
    const unknown = await listNotes('emp-99999');
    const withQuery = await listNotes(LOAN, supportToken, '?organisation=x');

    expect(investor.status).toBe(403);
    expect(anonymous.status).toBe(401);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('emp-99999');
    expect(withQuery.status).toBe(400);
    expect(withQuery.body.error.field).toBe('organisation');
  });
});

import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/db/database.js';
import { login, startTestServer, type TestServer } from '../support/server.js';
import { connectProvider, issueTicket, notesText, openProvider, requestTicket, waitFor, waitSynced, type TestProvider } from './support.js';

const ROOM = 'loan:emp-00008:notes';

describe('collab refusals', () => {
  let server: TestServer;
  let investor: { token: string; user: { id: string } };
  let secondInvestor: { token: string; user: { id: string } };
  let borrower: { token: string };
  let support: { token: string };
  let organisationId: string;
  const providers: TestProvider[] = [];

  const track = (opened: TestProvider): TestProvider => {
    providers.push(opened);
    return opened;
  };

  beforeAll(async () => {
    server = await startTestServer({ demo: true, simulator: false });
    investor = await login(server, 'investidor@lastro.demo');
    secondInvestor = await login(server, 'investidor2@lastro.demo');
    borrower = await login(server, 'tomador@lastro.demo');
    support = await login(server, 'suporte@lastro.demo');
    const db = new Database(join(server.dataDir, DATABASE_FILE), { readonly: true });
    organisationId = (db.prepare('SELECT organisation_id FROM users WHERE email = ?').get('investidor@lastro.demo') as { organisation_id: string })
      .organisation_id;
    db.close();
  });

  afterEach(() => {
    for (const opened of providers.splice(0)) {
      opened.destroy();
    }
  });

  afterAll(async () => {
    await server.stop();
  });

  it('ticket request needs a session', async () => {
    const response = await requestTicket(server, undefined, { room: ROOM });

    expect(response.status).toBe(401);
  });

  it('ticket request validates the body', async () => {
    const cases: { body: unknown; field: string }[] = [
      { body: [], field: '/' },
      { body: {}, field: '/room' },
      { body: { room: 42 }, field: '/room' },
      { body: { room: 'loan:emp-00008' }, field: '/room' },
      { body: { room: ROOM, extra: true }, field: '/extra' },
      { body: { room: ROOM, organisationId: 7 }, field: '/organisationId' },
    ];
    for (const { body, field } of cases) {
      const response = await requestTicket(server, investor.token, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.field, JSON.stringify(body)).toBe(field);
    }
  });

  it('unknown loan is 404', async () => {
    const response = await requestTicket(server, investor.token, { room: 'loan:emp-99999:notes' });

    expect(response.status).toBe(404);
  });

  it('borrower gets no notes ticket', async () => {
    const response = await requestTicket(server, borrower.token, { room: ROOM });

    expect(response.status).toBe(403);
  });

  it('support needs organisationId', async () => {
    const response = await requestTicket(server, support.token, { room: ROOM });

    expect(response.status).toBe(403);
    expect(response.body.error.field).toBe('/organisationId');
    expect(response.body.error.message).toContain('organisationId');
  });

  it('presence of another investor is 403', async () => {
    const response = await requestTicket(server, secondInvestor.token, { room: `chat:emp-00008:${investor.user.id}:presence` });

    expect(response.status).toBe(403);
  });

  it('reused ticket is rejected', async () => {
    const ticket = await issueTicket(server, investor.token, ROOM);
    const first = track(openProvider(server, ROOM, ticket));
    await waitSynced(first);

    const second = track(openProvider(server, ROOM, ticket));
    await waitFor(() => second.closed !== undefined, 5000, 'second use closed');

    expect(second.closed?.code).toBe(4401);
    expect(second.closed?.reason).toContain('used');
    expect(second.provider.synced).toBe(false);
  });

  it('ticket for another room is rejected', async () => {
    const ticket = await issueTicket(server, investor.token, 'loan:emp-00048:notes');
    const opened = track(openProvider(server, ROOM, ticket));
    await waitFor(() => opened.closed !== undefined, 5000, 'connection closed');

    expect(opened.closed?.code).toBe(4403);
    expect(notesText(opened.doc)).toBe('');
  });

  it('missing ticket is rejected', async () => {
    const opened = track(openProvider(server, ROOM, ''));
    await waitFor(() => opened.closed !== undefined, 5000, 'connection closed');

    expect(opened.closed?.code).toBe(4401);
  });

  it('support edits are not applied', async () => {
    const writer = track(await connectProvider(server, investor.token, ROOM));
    const reader = track(await connectProvider(server, support.token, ROOM, { extra: { organisationId } }));
    await Promise.all([waitSynced(writer), waitSynced(reader)]);
    await waitFor(() => notesText(reader.doc) === notesText(writer.doc), 5000, 'support reads the notes');

    reader.doc.getText('notes').insert(0, 'EDITADO PELO SUPORTE\n');
    await waitFor(
      () => server.logs.some((line) => String(line.msg).startsWith('document change from a read-only connection not applied')),
      5000,
      'refused change logged',
    );
    reader.doc.getText('notes').insert(0, 'SEGUNDA TENTATIVA\n');
    writer.doc.getText('notes').insert(notesText(writer.doc).length, 'Depois do suporte\n');
    await waitFor(() => notesText(reader.doc).includes('Depois do suporte'), 5000, 'support receives later edits');
    const late = track(await connectProvider(server, secondInvestor.token, ROOM));
    await waitSynced(late);

    expect(notesText(writer.doc)).not.toContain('EDITADO PELO SUPORTE');
    expect(notesText(late.doc)).not.toContain('EDITADO PELO SUPORTE');
    expect(notesText(late.doc)).toContain('Depois do suporte');
    expect(notesText(late.doc)).not.toContain('SEGUNDA TENTATIVA');
    expect(server.logs.filter((line) => String(line.msg).startsWith('document change from a read-only connection')).length).toBe(1);
  });
});

describe('collab ticket expiry', () => {
  it('expired ticket is rejected', async () => {
    const server = await startTestServer({ demo: true, simulator: false, collab: { ticketTtlMs: 1 } });
    try {
      const { token } = await login(server, 'investidor@lastro.demo');
      const response = await requestTicket(server, token, { room: ROOM });
      expect(response.status).toBe(201);
      const expiresAt = Date.parse(response.body.expiresAt as string);
      await waitFor(() => Date.now() > expiresAt, 5000, 'ticket expired');

      const opened = openProvider(server, ROOM, response.body.ticket as string);
      try {
        await waitFor(() => opened.closed !== undefined, 5000, 'connection closed');
        expect(opened.closed?.code).toBe(4401);
        expect(opened.closed?.reason).toContain('expired');
      } finally {
        opened.destroy();
      }
    } finally {
      await server.stop();
    }
  });
});

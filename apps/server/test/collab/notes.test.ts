import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NOTES_TEMPLATE } from '../../src/collab/persistence.js';
import { login, startTestServer, type TestServer } from '../support/server.js';
import { connectProvider, notesText, waitFor, waitSynced, type TestProvider } from './support.js';

const ROOM = 'loan:emp-00008:notes';

function countOccurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

describe('collab notes', () => {
  let server: TestServer;
  let first: string;
  let second: string;
  const providers: TestProvider[] = [];

  const connect = async (token: string, room = ROOM): Promise<TestProvider> => {
    const opened = await connectProvider(server, token, room);
    providers.push(opened);
    return opened;
  };

  beforeAll(async () => {
    server = await startTestServer({ demo: true, simulator: false });
    first = (await login(server, 'investidor@lastro.demo')).token;
    second = (await login(server, 'investidor2@lastro.demo')).token;
  });

  afterEach(() => {
    for (const opened of providers.splice(0)) {
      opened.destroy();
    }
  });

  afterAll(async () => {
    await server.stop();
  });

  it('two investors converge and the template appears once', async () => {
    const [a, b] = await Promise.all([connect(first), connect(second)]);
    await Promise.all([waitSynced(a), waitSynced(b)]);

    a.doc.getText('notes').insert(NOTES_TEMPLATE.indexOf('Finalidade:') + 'Finalidade:'.length, ' capital de giro');
    b.doc.getText('notes').insert(NOTES_TEMPLATE.indexOf('Riscos:') + 'Riscos:'.length, ' concentração em um cliente');
    await waitFor(() => notesText(a.doc) === notesText(b.doc) && notesText(a.doc).includes('capital de giro') && notesText(a.doc).includes('concentração'), 5000, 'both edits on both sides');

    const text = notesText(a.doc);
    expect(notesText(b.doc)).toBe(text);
    expect(countOccurrences(text, 'Notas de diligência')).toBe(1);
    expect(text).toContain('Finalidade: capital de giro');
    expect(text).toContain('Riscos: concentração em um cliente');
  });

  it('template is written once for simultaneous first connections', async () => {
    const room = 'loan:emp-00048:notes';
    const opened = await Promise.all([connect(first, room), connect(second, room), connect(first, room)]);
    await Promise.all(opened.map((provider) => waitSynced(provider)));

    for (const provider of opened) {
      expect(notesText(provider.doc)).toBe(NOTES_TEMPLATE);
    }
  });

  it('offline edits merge with edits made meanwhile', async () => {
    const room = 'loan:emp-00002:notes';
    const a = await connect(first, room);
    const b = await connect(second, room);
    await Promise.all([waitSynced(a), waitSynced(b)]);

    a.provider.disconnect();
    await waitFor(() => !a.provider.wsconnected, 5000, 'provider a disconnected');
    a.doc.getText('notes').insert(notesText(a.doc).length, 'Offline: visita agendada\n');
    b.doc.getText('notes').insert(0, 'Online: rating revisado\n');
    await waitFor(() => !notesText(b.doc).includes('Offline'), 5000, 'offline edit stays local');

    await a.reconnect();
    await waitFor(
      () => notesText(a.doc) === notesText(b.doc) && notesText(a.doc).includes('Offline') && notesText(a.doc).includes('Online'),
      5000,
      'offline and online edits on both sides',
    );

    const text = notesText(b.doc);
    expect(countOccurrences(text, 'Offline: visita agendada')).toBe(1);
    expect(countOccurrences(text, 'Online: rating revisado')).toBe(1);
    expect(countOccurrences(text, 'Notas de diligência')).toBe(1);
  });
});

describe('collab notes storage', () => {
  it('text survives a server restart', async () => {
    const server = await startTestServer({ demo: true, simulator: false, collab: { compactAfterUpdates: 5 } });
    const dataDir = server.dataDir;
    let restarted: TestServer | undefined;
    const providers: TestProvider[] = [];
    try {
      const token = (await login(server, 'investidor@lastro.demo')).token;
      const writer = await connectProvider(server, token, ROOM);
      providers.push(writer);
      await waitSynced(writer);
      for (const word of ['um ', 'dois ', 'tres ', 'quatro ', 'cinco ', 'seis ', 'sete ']) {
        writer.doc.getText('notes').insert(notesText(writer.doc).length, word);
      }
      const expected = notesText(writer.doc);
      const reader = await connectProvider(server, (await login(server, 'investidor2@lastro.demo')).token, ROOM);
      providers.push(reader);
      await waitFor(() => notesText(reader.doc) === expected, 5000, 'second investor sees every word');
      writer.destroy();
      reader.destroy();
      providers.length = 0;
      await server.close();

      restarted = await startTestServer({ demo: true, simulator: false, dataDir });
      const again = await connectProvider(restarted, (await login(restarted, 'investidor2@lastro.demo')).token, ROOM);
      providers.push(again);
      await waitSynced(again);

      expect(notesText(again.doc)).toBe(expected);
      expect(expected.startsWith(NOTES_TEMPLATE)).toBe(true);
      expect(expected.endsWith('um dois tres quatro cinco seis sete ')).toBe(true);
    } finally {
      for (const opened of providers) {
        opened.destroy();
      }
      await restarted?.stop();
      await server.stop();
    }
  });
});

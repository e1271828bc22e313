import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestServer, type TestServer } from '../support/server.js';
import { connectProvider, waitFor, waitSynced, type TestProvider } from './support.js';

/** The product requires presence changes to show within 2 s. */
const PRESENCE_BOUND_MS = 2000;

describe('collab presence', () => {
  let server: TestServer;
  let investor: { token: string; user: { id: string } };
  let borrower: { token: string; user: { id: string } };
  let room: string;
  const providers: TestProvider[] = [];

  const connect = async (token: string, name: string): Promise<TestProvider> => {
    const opened = await connectProvider(server, token, room);
    opened.provider.awareness.setLocalStateField('user', { name, typing: false });
    providers.push(opened);
    return opened;
  };
  const sees = (observer: TestProvider, observed: TestProvider): boolean =>
    observer.provider.awareness.getStates().has(observed.doc.clientID);

  beforeAll(async () => {
    server = await startTestServer({ demo: true, simulator: false });
    investor = await login(server, 'investidor@lastro.demo');
    borrower = await login(server, 'tomador@lastro.demo');
    room = `chat:emp-00008:${investor.user.id}:presence`;
  });

  afterEach(() => {
    for (const opened of providers.splice(0)) {
      opened.destroy();
    }
  });

  afterAll(async () => {
    await server.stop();
  });

  it('peer appears, leaves and comes back', async () => {
    const investorSide = await connect(investor.token, 'Ana');
    const borrowerSide = await connect(borrower.token, 'Carla');
    await Promise.all([waitSynced(investorSide), waitSynced(borrowerSide)]);

    await waitFor(() => sees(investorSide, borrowerSide) && sees(borrowerSide, investorSide), PRESENCE_BOUND_MS, 'both peers visible');
    borrowerSide.provider.awareness.setLocalStateField('user', { name: 'Carla', typing: true });
    await waitFor(
      () => (investorSide.provider.awareness.getStates().get(borrowerSide.doc.clientID)?.user as { typing?: boolean } | undefined)?.typing === true,
      PRESENCE_BOUND_MS,
      'typing indicator relayed',
    );

    // Closing the socket directly, as a lost network does, sends no awareness removal of its own.
    borrowerSide.provider.ws?.close();
    await waitFor(() => !sees(investorSide, borrowerSide), PRESENCE_BOUND_MS, 'borrower removed after its connection closed');
    expect(sees(investorSide, investorSide)).toBe(true);

    borrowerSide.provider.disconnect();
    await borrowerSide.reconnect();
    await waitFor(() => sees(investorSide, borrowerSide), PRESENCE_BOUND_MS, 'borrower visible again after reconnecting');
    expect(investorSide.provider.awareness.getStates().get(borrowerSide.doc.clientID)?.user).toEqual({ name: 'Carla', typing: true });
  });

  it('presence room has no document content', async () => {
    const investorSide = await connect(investor.token, 'Ana');
    const borrowerSide = await connect(borrower.token, 'Carla');
    await Promise.all([waitSynced(investorSide), waitSynced(borrowerSide)]);

    investorSide.doc.getText('notes').insert(0, 'not shared');
    await waitFor(() => sees(borrowerSide, investorSide), PRESENCE_BOUND_MS, 'investor visible');
    // A later awareness change travels on the same connection, so once it arrives the text would have too.
    investorSide.provider.awareness.setLocalStateField('marker', 1);
    await waitFor(
      () => borrowerSide.provider.awareness.getStates().get(investorSide.doc.clientID)?.marker === 1,
      PRESENCE_BOUND_MS,
      'marker relayed',
    );

    expect(borrowerSide.doc.getText('notes').toString()).toBe('');
  });
});

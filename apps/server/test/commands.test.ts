import { MIN_INVESTMENT_CENTAVOS } from '@lastro/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  investCommand,
  newCommandId,
  openLoans,
  push,
  pushCommand,
  transactionsOf,
  type Frame,
} from './support/commands.js';
import { DatabaseInspector } from './support/inspect.js';
import { login, startTestServer, type TestServer } from './support/server.js';
import { SyncTestClient } from './support/ws-client.js';

describe('invest commands', () => {
  let server: TestServer;
  let inspector: DatabaseInspector;
  let investor: { token: string; user: { id: string } };
  let secondInvestor: { token: string; user: { id: string } };
  let borrower: { token: string; user: { id: string } };
  const clients: SyncTestClient[] = [];

  const connectAs = async (token: string): Promise<SyncTestClient> => {
    const client = await SyncTestClient.authenticated(server.url, token);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    server = await startTestServer({ demo: true, simulator: false });
    inspector = new DatabaseInspector(server.dataDir);
    investor = await login(server, 'investidor@lastro.demo');
    secondInvestor = await login(server, 'investidor2@lastro.demo');
    borrower = await login(server, 'tomador@lastro.demo');
  });

  afterEach(() => {
    expect(inspector.verify()).toMatchObject({ ok: true });
  });

  afterAll(async () => {
    for (const client of clients) {
      client.close();
    }
    inspector.close();
    await server.stop();
  });

  it('invest moves available to invested (CMD-1, CMD-4)', async () => {
    const owner = await connectAs(investor.token);
    const other = await connectAs(secondInvestor.token);
    const loan = openLoans(inspector).find((candidate) => candidate.remaining >= 10_000)!;
    const before = inspector.wallet(investor.user.id);
    const command = investCommand(loan.id, 5_000);

    const { result, stored } = await pushCommand(owner, command);

    expect(result).toMatchObject({ type: 'pushResult', collection: 'commands', conflicts: [] });
    expect(stored).toMatchObject({
      id: command.id,
      status: 'accepted',
      effect: { availableAfter: before.available - 5_000, loanFundedAfter: loan.funded + 5_000 },
    });
    expect(stored.executedAt).toEqual(expect.any(String));
    expect(stored.seq).toBeGreaterThan(0);
    const wallet = await owner.next<Frame<'changes'>>((frame) => frame.type === 'changes' && frame.collection === 'wallets');
    expect(wallet.documents.at(-1)).toMatchObject({ available: before.available - 5_000, invested: before.invested + 5_000 });
    const position = await owner.next<Frame<'changes'>>((frame) => frame.type === 'changes' && frame.collection === 'positions');
    expect(position.documents).toEqual([expect.objectContaining({ id: loan.id, amount: 5_000 })]);
    const entries = await owner.next<Frame<'changes'>>((frame) => frame.type === 'changes' && frame.collection === 'ledgerEntries');
    expect(entries.documents.map((entry) => [entry.bucket, entry.amount, entry.kind])).toEqual([
      ['available', -5_000, 'investment'],
      ['invested', 5_000, 'investment'],
    ]);
    const loanChange = await other.next<Frame<'changes'>>((frame) => frame.type === 'changes' && frame.collection === 'loans');
    expect(loanChange.documents).toEqual([expect.objectContaining({ id: loan.id, funded: loan.funded + 5_000, status: 'open' })]);
    expect(inspector.wallet(investor.user.id)).toMatchObject({ available: before.available - 5_000, invested: before.invested + 5_000 });
  });

  it('invest of the remaining amount funds the loan (CMD-4)', async () => {
    const owner = await connectAs(secondInvestor.token);
    const loan = openLoans(inspector).find((candidate) => candidate.remaining >= 10_000 && candidate.funded === 0)!;
    inspector.db.prepare('UPDATE loans SET funded = amount - 3000 WHERE id = ?').run(loan.id);

    const { stored } = await pushCommand(owner, investCommand(loan.id, 3_000));

    expect(stored).toMatchObject({ status: 'accepted', effect: { loanFundedAfter: loan.amount } });
    const loanChange = await owner.next<Frame<'changes'>>((frame) => frame.type === 'changes' && frame.collection === 'loans');
    expect(loanChange.documents[0]).toMatchObject({ id: loan.id, funded: loan.amount, status: 'funded' });
  });

  it('remaining amount below the minimum can be taken (CMD-4)', async () => {
    const owner = await connectAs(secondInvestor.token);
    const loan = openLoans(inspector).find((candidate) => candidate.remaining >= 10_000 && candidate.funded === 0)!;
    const remaining = MIN_INVESTMENT_CENTAVOS - 500;
    inspector.db.prepare('UPDATE loans SET funded = amount - ? WHERE id = ?').run(remaining, loan.id);

    const tooLittle = await pushCommand(owner, investCommand(loan.id, remaining - 100));
    const exact = await pushCommand(owner, investCommand(loan.id, remaining));

    expect(tooLittle.stored).toMatchObject({ status: 'rejected', reason: 'below_minimum' });
    expect(exact.stored).toMatchObject({ status: 'accepted', effect: { loanFundedAfter: loan.amount } });
  });

  it.each([
    ['not_allowed', 'borrower'],
    ['loan_not_found', 'unknown loan'],
    ['loan_not_open', 'funded loan'],
    ['below_minimum', 'amount below R$ 25,00'],
    ['above_remaining', 'amount above what the loan needs'],
    ['insufficient_balance', 'amount above available'],
    ['invalid_command', 'no loanId'],
  ])('invest rejected with %s: %s (CMD-4)', async (reason) => {
    const loans = openLoans(inspector);
    const available = inspector.wallet(investor.user.id).available;
    const roomy = loans.find((candidate) => candidate.remaining > available + 10_000)!;
    const small = loans.find((candidate) => candidate.remaining >= MIN_INVESTMENT_CENTAVOS && candidate.remaining < available)!;
    const notOpen = inspector.db.prepare("SELECT id FROM loans WHERE status = 'funded' LIMIT 1").get() as { id: string };
    const commands: Record<string, ReturnType<typeof investCommand> | Record<string, unknown>> = {
      not_allowed: investCommand(roomy.id, 5_000),
      loan_not_found: investCommand('emp-does-not-exist', 5_000),
      loan_not_open: investCommand(notOpen.id, 5_000),
      below_minimum: investCommand(roomy.id, MIN_INVESTMENT_CENTAVOS - 1),
      above_remaining: investCommand(small.id, small.remaining + 100),
      insufficient_balance: investCommand(roomy.id, available + 100),
      invalid_command: { ...investCommand(roomy.id, 5_000), loanId: undefined },
    };
    const client = await connectAs(reason === 'not_allowed' ? borrower.token : investor.token);
    const before = inspector.snapshot();
    const command = commands[reason] as { id: string };

    const { result, stored } = await pushCommand(client, command);

    expect(result).toMatchObject({ type: 'pushResult', conflicts: [] });
    expect(stored).toMatchObject({ status: 'rejected', reason });
    expect(stored.effect).toBeUndefined();
    expect(transactionsOf(inspector, command.id)).toEqual([]);
    const after = inspector.snapshot() as { wallets: unknown; accounts: unknown };
    expect(after.wallets).toEqual((before as { wallets: unknown }).wallets);
    expect(after.accounts).toEqual((before as { accounts: unknown }).accounts);
  });

  it('repeated push returns the stored result (CMD-2)', async () => {
    const client = await connectAs(investor.token);
    const loan = openLoans(inspector).find((candidate) => candidate.remaining >= 10_000)!;
    const command = investCommand(loan.id, 2_500);
    const { stored } = await pushCommand(client, command);
    const walletAfterFirst = inspector.wallet(investor.user.id);

    const retry = await push(client, 'commands', [{ assumedMasterState: null, newDocumentState: command }]);

    expect(retry).toMatchObject({ type: 'pushResult', conflicts: [{ ...stored, _deleted: false }] });
    expect(transactionsOf(inspector, command.id)).toEqual([{ kind: 'investment' }]);
    expect(inspector.wallet(investor.user.id)).toEqual(walletAfterFirst);
  });

  it('concurrent pushes from two sockets execute once (CMD-2)', async () => {
    const first = await connectAs(investor.token);
    const second = await connectAs(investor.token);
    const loan = openLoans(inspector).find((candidate) => candidate.remaining >= 10_000)!;
    const before = inspector.wallet(investor.user.id);
    const command = investCommand(loan.id, 3_000);
    const row = [{ assumedMasterState: null, newDocumentState: command }];

    const results = await Promise.all([push(first, 'commands', row), push(second, 'commands', row)]);

    const conflicts = results.flatMap((result) => (result.type === 'pushResult' ? result.conflicts : []));
    expect(results.map((result) => result.type)).toEqual(['pushResult', 'pushResult']);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ id: command.id, status: 'accepted' });
    for (const client of [first, second]) {
      const change = await client.next<Frame<'changes'>>(
        (frame) => frame.type === 'changes' && frame.collection === 'commands' && frame.documents.some((doc) => doc.id === command.id),
      );
      expect(change.documents.find((doc) => doc.id === command.id)).toEqual(conflicts[0]);
    }
    expect(transactionsOf(inspector, command.id)).toEqual([{ kind: 'investment' }]);
    expect(inspector.wallet(investor.user.id).available).toBe(before.available - 3_000);
  });

  it('modified command gets the stored document (CMD-2)', async () => {
    const client = await connectAs(investor.token);
    const loan = openLoans(inspector).find((candidate) => candidate.remaining >= 10_000)!;
    const { stored } = await pushCommand(client, investCommand(loan.id, 2_500));

    const result = await push(client, 'commands', [
      { assumedMasterState: stored, newDocumentState: { ...stored, status: 'rejected', reason: 'not_allowed', effect: undefined } },
    ]);

    expect(result).toMatchObject({ type: 'pushResult', conflicts: [stored] });
    expect(transactionsOf(inspector, stored.id as string)).toEqual([{ kind: 'investment' }]);
  });

  it('commands run in arrival order, not issuedAt (CMD-7)', async () => {
    const client = await connectAs(secondInvestor.token);
    const available = inspector.wallet(secondInvestor.user.id).available;
    const loan = openLoans(inspector).find((candidate) => candidate.remaining > available)!;
    const amount = Math.floor(available / 2) + 100;
    const first = { ...investCommand(loan.id, amount), issuedAt: '2026-12-04T12:00:00.000Z' };
    const second = { ...investCommand(loan.id, amount), issuedAt: '2026-12-04T11:00:00.000Z' };

    const result = await push(client, 'commands', [
      { assumedMasterState: null, newDocumentState: first },
      { assumedMasterState: null, newDocumentState: second },
    ]);

    expect(result).toMatchObject({ type: 'pushResult', conflicts: [] });
    const change = await client.next<Frame<'changes'>>((frame) => frame.type === 'changes' && frame.collection === 'commands');
    expect(change.documents.map((doc) => [doc.id, doc.status, doc.reason])).toEqual([
      [first.id, 'accepted', undefined],
      [second.id, 'rejected', 'insufficient_balance'],
    ]);
    expect(change.documents[0]!.seq).toBeLessThan(change.documents[1]!.seq as number);
  });

  it('new command with status accepted is invalid (CMD-3)', async () => {
    const client = await connectAs(investor.token);
    const loan = openLoans(inspector)[0]!;
    const command = { ...investCommand(loan.id, 5_000), status: 'accepted' };

    const result = await push(client, 'commands', [{ assumedMasterState: null, newDocumentState: command }]);

    expect(result).toMatchObject({ type: 'error', kind: 'invalid_request', message: expect.stringContaining('/rows/0/newDocumentState/status') });
    expect(inspector.db.prepare('SELECT COUNT(*) AS count FROM commands WHERE id = ?').get(command.id)).toEqual({ count: 0 });
  });

  it('invalid row rejects the whole push (CMD-3)', async () => {
    const client = await connectAs(investor.token);
    const loan = openLoans(inspector).find((candidate) => candidate.remaining >= 10_000)!;
    const valid = investCommand(loan.id, 5_000);
    const invalid = { ...investCommand(loan.id, 5_000), amount: -5 };
    const before = inspector.snapshot();

    const result = await push(client, 'commands', [
      { assumedMasterState: null, newDocumentState: valid },
      { assumedMasterState: null, newDocumentState: invalid },
    ]);

    expect(result).toMatchObject({ type: 'error', kind: 'invalid_request', message: expect.stringContaining('/rows/1/newDocumentState/amount') });
    expect(inspector.db.prepare('SELECT COUNT(*) AS count FROM commands WHERE id IN (?, ?)').get(valid.id, invalid.id)).toEqual({
      count: 0,
    });
    expect(inspector.snapshot()).toEqual(before);
  });

  it('command id of another user is invalid (CMD-3)', async () => {
    const owner = await connectAs(investor.token);
    const other = await connectAs(secondInvestor.token);
    const loan = openLoans(inspector).find((candidate) => candidate.remaining >= 10_000)!;
    const command = investCommand(loan.id, 2_500);
    await pushCommand(owner, command);

    const result = await push(other, 'commands', [{ assumedMasterState: null, newDocumentState: command }]);

    expect(result).toMatchObject({ type: 'error', kind: 'invalid_request', message: expect.stringContaining('/rows/0/newDocumentState/id') });
    expect(JSON.stringify(result)).not.toContain('"status":"accepted"');
  });

  it('pull returns only own commands and positions (SYNC-3)', async () => {
    const owner = await connectAs(investor.token);
    const other = await connectAs(secondInvestor.token);

    const ownCommands = await owner.pull('commands', null, 1000);
    const otherCommands = await other.pull('commands', null, 1000);
    const otherPositions = await other.pull('positions', null, 1000);

    const ownIds = (inspector.db.prepare('SELECT id FROM commands WHERE user_id = ?').all(investor.user.id) as { id: string }[]).map(
      (row) => row.id,
    );
    expect(ownCommands.documents.map((doc) => doc.id).sort()).toEqual([...ownIds].sort());
    expect(otherCommands.documents.some((doc) => ownIds.includes(doc.id as string))).toBe(false);
    const otherLoans = (
      inspector.db.prepare('SELECT loan_id FROM positions WHERE user_id = ? ORDER BY seq').all(secondInvestor.user.id) as { loan_id: string }[]
    ).map((row) => row.loan_id);
    expect(otherPositions.documents.map((doc) => doc.id)).toEqual(otherLoans);
  });

  it.each(['wallets', 'ledgerEntries', 'loans', 'positions'])('push to %s is forbidden (SYNC-6)', async (collection) => {
    const client = await connectAs(investor.token);
    const before = inspector.snapshot();

    const result = await push(client, collection, [{ assumedMasterState: null, newDocumentState: { id: newCommandId() } }]);

    expect(result).toMatchObject({ type: 'error', kind: 'forbidden' });
    expect(inspector.snapshot()).toEqual(before);
  });
});

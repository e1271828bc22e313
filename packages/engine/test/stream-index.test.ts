import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSilentLogger } from '../src/logger.js';
import { StreamIndexTracker } from '../src/stream-index.js';
import { SyncConnection, type ValidatedChanges } from '../src/sync-connection.js';
import { FakeSocket, READY_FRAME } from './fake-socket.js';

const LOAN = {
  id: 'loan-1',
  borrowerName: 'Marina S.',
  purpose: 'Capital de giro',
  state: 'SP',
  amount: 1_000_000,
  funded: 0,
  rateMonthlyBps: 189,
  termMonths: 12,
  grade: 'A',
  status: 'open',
  createdAt: '2026-01-10T12:00:00.000Z',
  updatedAt: '2026-01-10T12:00:00.000Z',
  seq: 50,
  _deleted: false,
};

function loansFrame(index: number, seq = 50): Record<string, unknown> {
  return { type: 'changes', collection: 'loans', documents: [{ ...LOAN, seq }], checkpoint: { seq }, stream: 'loans', index };
}

describe('StreamIndexTracker', () => {
  it('applies consecutive indexes per stream', () => {
    const tracker = new StreamIndexTracker();
    tracker.reset({ loans: 10, user: 0 });
    expect(tracker.accept('loans', 11)).toBe('apply');
    expect(tracker.accept('user', 1)).toBe('apply');
    expect(tracker.accept('loans', 12)).toBe('apply');
  });

  it('resyncs on lost, repeated and reordered frames', () => {
    const tracker = new StreamIndexTracker();
    tracker.reset({ loans: 10, user: 0 });
    expect(tracker.accept('loans', 12)).toBe('resync');
    expect(tracker.accept('loans', 11)).toBe('resync');
    expect(tracker.accept('loans', 12)).toBe('resync');
    expect(tracker.accept('loans', 13)).toBe('apply');
  });

  it('resyncs before any ready frame', () => {
    expect(new StreamIndexTracker().accept('user', 1)).toBe('resync');
  });
});

describe('SyncConnection stream indexes', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.parse('2026-01-10T12:00:00.000Z') });
    FakeSocket.instances = [];
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('drops a frame after a gap and resyncs (ENGINE-1)', () => {
    const connection = new SyncConnection({
      socketUrl: 'ws://127.0.0.1:8787/sync',
      webSocket: FakeSocket,
      random: () => 0.5,
      logger: createSilentLogger(),
    });
    const applied: ValidatedChanges[] = [];
    const resyncs: string[] = [];
    connection.onChanges((changes) => applied.push(changes));
    connection.onResyncNeeded((reason) => resyncs.push(reason));
    connection.start('token-1');
    const socket = FakeSocket.latest();
    socket.open();
    socket.receive(READY_FRAME);

    socket.receive(loansFrame(READY_FRAME.streams.loans + 1, 51));
    socket.receive(loansFrame(READY_FRAME.streams.loans + 3, 53));
    socket.receive(loansFrame(READY_FRAME.streams.loans + 3, 53));
    socket.receive(loansFrame(READY_FRAME.streams.loans + 4, 54));

    expect(applied.map((changes) => changes.checkpoint.seq)).toEqual([51, 54]);
    expect(resyncs).toHaveLength(2);
    connection.dispose();
  });

  it('takes the new base from every ready frame', () => {
    const connection = new SyncConnection({
      socketUrl: 'ws://127.0.0.1:8787/sync',
      webSocket: FakeSocket,
      random: () => 0.5,
      logger: createSilentLogger(),
    });
    const applied: ValidatedChanges[] = [];
    connection.onChanges((changes) => applied.push(changes));
    connection.start('token-1');
    const first = FakeSocket.latest();
    first.open();
    first.receive(READY_FRAME);
    first.receive(loansFrame(READY_FRAME.streams.loans + 1, 51));
    connection.setNetworkAvailable(false);
    connection.setNetworkAvailable(true);
    const second = FakeSocket.latest();
    expect(second).not.toBe(first);
    second.open();
    second.receive({ ...READY_FRAME, streams: { loans: 90, user: 3 } });
    second.receive(loansFrame(91, 60));

    expect(applied.map((changes) => changes.checkpoint.seq)).toEqual([51, 60]);
    connection.dispose();
  });
});

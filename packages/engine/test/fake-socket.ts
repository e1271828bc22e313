import { PROTOCOL_VERSION } from '@lastro/protocol';
import type { WebSocketLike } from '../src/types.js';

/**
 * An in-memory stand-in for the WebSocket transport, driven by the test: it records the
 * frames the engine sends and delivers the frames and closes the test plays as the server.
 */
export class FakeSocket implements WebSocketLike {
  static instances: FakeSocket[] = [];
  readyState = 0;
  readonly sent: unknown[] = [];
  closedByClient: { code?: number; reason?: string } | null = null;
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;

  constructor(readonly url: string) {
    FakeSocket.instances.push(this);
  }

  static latest(): FakeSocket {
    const socket = FakeSocket.instances.at(-1);
    if (socket === undefined) throw new Error('no socket was opened');
    return socket;
  }

  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }

  close(code?: number, reason?: string): void {
    this.closedByClient = { code, reason };
    this.readyState = 3;
  }

  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }

  receive(frame: unknown): void {
    this.onmessage?.({ data: typeof frame === 'string' ? frame : JSON.stringify(frame) });
  }

  drop(code: number, reason = ''): void {
    this.readyState = 3;
    this.onerror?.({ message: reason });
    this.onclose?.({ code, reason });
  }
}

export const READY_FRAME = {
  type: 'ready',
  protocolVersion: PROTOCOL_VERSION,
  sessionId: 'session-1',
  user: { id: 'user-1', role: 'investor', name: 'Ana' },
  serverTime: '2026-01-10T12:00:00.000Z',
  streams: { loans: 40, user: 3 },
};

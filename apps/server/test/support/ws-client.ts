import { WebSocket } from 'ws';
import { PROTOCOL_VERSION, type ServerFrame } from '@lastro/protocol';

/** A raw `ws` client of /sync that queues received frames and records the close. */
export class SyncTestClient {
  readonly frames: ServerFrame[] = [];
  closeCode: number | undefined;
  closeReason = '';
  private readonly socket: WebSocket;
  private readonly opened: Promise<void>;

  constructor(baseUrl: string) {
    this.socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/sync`);
    this.socket.on('message', (data) => this.frames.push(JSON.parse(data.toString()) as ServerFrame));
    this.socket.on('close', (code, reason) => {
      this.closeCode = code;
      this.closeReason = reason.toString();
    });
    this.opened = new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('error', reject);
    });
  }

  static async connect(baseUrl: string): Promise<SyncTestClient> {
    const client = new SyncTestClient(baseUrl);
    await client.opened;
    return client;
  }

  /** Connects, authenticates and waits for `ready`. */
  static async authenticated(baseUrl: string, token: string): Promise<SyncTestClient> {
    const client = await SyncTestClient.connect(baseUrl);
    client.send({ type: 'auth', protocolVersion: PROTOCOL_VERSION, token });
    await client.next((frame) => frame.type === 'ready');
    return client;
  }

  send(frame: unknown): void {
    this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Waits for the first queued or future frame matching `predicate`, and removes it from the queue. */
  async next<F extends ServerFrame>(predicate: (frame: ServerFrame) => boolean, timeoutMs = 5000): Promise<F> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.frames.findIndex(predicate);
      if (index >= 0) {
        return this.frames.splice(index, 1)[0] as F;
      }
      if (Date.now() > deadline) {
        throw new Error(`no matching frame within ${timeoutMs} ms; received ${JSON.stringify(this.frames).slice(0, 500)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  /** Sends a pull and waits for its result. */
  async pull(collection: string, checkpoint: { seq: number } | null, limit: number, requestId = `pull-${Math.random()}`) {
    this.send({ type: 'pull', requestId, collection, checkpoint, limit });
    return this.next<Extract<ServerFrame, { type: 'pullResult' }>>(
      (frame) => frame.type === 'pullResult' && frame.requestId === requestId,
    );
  }

  /** Waits until the server closed the socket; returns the close code. */
  async closed(timeoutMs = 5000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (this.closeCode === undefined) {
      if (Date.now() > deadline) {
        throw new Error(`socket still open after ${timeoutMs} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    return this.closeCode;
  }

  close(): void {
    this.socket.close();
  }

  /** Stops reading from the TCP socket, so the server's send buffer fills up. */
  pauseReading(): void {
    this.socket.pause();
  }

  resumeReading(): void {
    this.socket.resume();
  }
}

/** Polls `condition` until it is true or the timeout passes. */
export async function waitFor(condition: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(`${what} not met within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

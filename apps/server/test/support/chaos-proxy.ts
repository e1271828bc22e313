import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer, type RawData } from 'ws';

/** Probabilities (0 to 1) of what happens to each frame while chaos is on. */
export interface ChaosSettings {
  /** The frame is not forwarded. */
  drop: number;
  /** The frame is forwarded twice. */
  duplicate: number;
  /** The frame is forwarded after a random delay of up to `maxDelayMs`. */
  delay: number;
  maxDelayMs: number;
  /** The frame is held back and forwarded after the next frame in the same direction. */
  reorder: number;
  /** Both sockets of the connection are closed instead of forwarding the frame. */
  cut: number;
  /**
   * A client `push` frame is forwarded, then the client's socket is closed at once and the
   * server's response is never delivered. The server commits, but the client never sees the result.
   */
  cutAfterPush: number;
}

/** A moderate mix that still lets every client make progress. */
export const DEFAULT_CHAOS: ChaosSettings = {
  drop: 0.02,
  duplicate: 0.03,
  delay: 0.1,
  maxDelayMs: 150,
  reorder: 0.03,
  cut: 0.01,
  cutAfterPush: 0.1,
};

export type FrameDirection = 'toServer' | 'toClient';
export type ChaosAction =
  | { kind: 'forward' }
  | { kind: 'drop' }
  | { kind: 'duplicate' }
  | { kind: 'delay'; ms: number }
  | { kind: 'reorder' }
  | { kind: 'cut' }
  | { kind: 'cutAfterPush' };

/** Mulberry32: a small seeded PRNG returning numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** Derives the seed of one connection and direction, so their decisions do not depend on the other connections. */
function deriveSeed(seed: number, connection: number, direction: FrameDirection): number {
  return (Math.imul(seed ^ 0x9e3779b9, 31) + Math.imul(connection + 1, 0x85ebca6b) + (direction === 'toServer' ? 0x27d4eb2f : 0x165667b1)) >>> 0;
}

/**
 * Decides the fate of each frame of one connection and direction from a seeded PRNG. The same
 * seed, connection number and sequence of frames always give the same actions.
 */
export class ChaosPlanner {
  private readonly random: () => number;

  constructor(seed: number, connection: number, private readonly direction: FrameDirection) {
    this.random = seededRandom(deriveSeed(seed, connection, direction));
  }

  decide(isPush: boolean, settings: ChaosSettings | null): ChaosAction {
    // Always draw the same number of values per frame, so a change of settings keeps the stream aligned.
    const draws = [this.random(), this.random()];
    if (settings === null) return { kind: 'forward' };
    const [roll, extra] = draws as [number, number];
    if (isPush && this.direction === 'toServer' && extra < settings.cutAfterPush) return { kind: 'cutAfterPush' };
    let threshold = settings.cut;
    if (roll < threshold) return { kind: 'cut' };
    threshold += settings.drop;
    if (roll < threshold) return { kind: 'drop' };
    threshold += settings.duplicate;
    if (roll < threshold) return { kind: 'duplicate' };
    threshold += settings.reorder;
    if (roll < threshold) return { kind: 'reorder' };
    threshold += settings.delay;
    if (roll < threshold) return { kind: 'delay', ms: Math.floor(extra * settings.maxDelayMs) };
    return { kind: 'forward' };
  }
}

/** Counts of what the proxy did, over every connection. */
export interface ChaosStats {
  connections: number;
  forwarded: number;
  dropped: number;
  duplicated: number;
  delayed: number;
  reordered: number;
  cuts: number;
  cutsAfterPush: number;
  /** Maximum number of `push` requests one connection had waiting for a response at the same time. */
  maxPushesInFlight: number;
}

export interface ChaosProxyOptions {
  /** The server's base URL, such as "http://127.0.0.1:8787"; only loopback targets are accepted. */
  target: string;
  seed: number;
  /** Chaos from the start; null (the default) forwards everything until {@link ChaosProxy.setChaos}. */
  chaos?: ChaosSettings | null;
  /**
   * Milliseconds to hold back every `pushResult` frame, so the `changes` frames the push caused
   * reach the client before the push's response. 0, the default, forwards it at once.
   */
  pushResultDelayMs?: number;
}

/** Milliseconds a held-back (reordered) frame waits for a next frame before it is sent anyway. */
const REORDER_HOLD_MS = 50;
/** Milliseconds the server side of a `cutAfterPush` connection stays open waiting for the push's response. */
const CUT_AFTER_PUSH_WAIT_MS = 2_000;

function frameText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}

function requestIdOf(text: string, type: string): string | undefined {
  try {
    const frame = JSON.parse(text) as { type?: unknown; requestId?: unknown };
    return frame.type === type && typeof frame.requestId === 'string' ? frame.requestId : undefined;
  } catch {
    return undefined;
  }
}

function responseIdOf(text: string): string | undefined {
  return requestIdOf(text, 'pushResult') ?? requestIdOf(text, 'error');
}

/**
 * A loopback proxy in front of a Lastro server. HTTP requests pass through unchanged; frames
 * of `/sync` sockets are dropped, delayed, duplicated, reordered and connections cut as a
 * seeded PRNG decides, in both directions.
 */
export class ChaosProxy {
  readonly stats: ChaosStats = {
    connections: 0,
    forwarded: 0,
    dropped: 0,
    duplicated: 0,
    delayed: 0,
    reordered: 0,
    cuts: 0,
    cutsAfterPush: 0,
    maxPushesInFlight: 0,
  };
  private chaos: ChaosSettings | null;
  private readonly sockets = new Set<WebSocket>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  private constructor(
    private readonly server: Server,
    private readonly webSockets: WebSocketServer,
    private readonly target: URL,
    private readonly seed: number,
    chaos: ChaosSettings | null,
    private readonly pushResultDelayMs: number,
  ) {
    this.chaos = chaos;
  }

  /** Starts a proxy on a free port of 127.0.0.1. */
  static async start(options: ChaosProxyOptions): Promise<ChaosProxy> {
    const target = new URL(options.target);
    if (target.hostname !== '127.0.0.1' && target.hostname !== 'localhost') {
      throw new Error(`the chaos proxy forwards only to loopback servers, not ${target.hostname}`);
    }
    const server = createServer();
    const webSockets = new WebSocketServer({ server, path: '/sync' });
    const proxy = new ChaosProxy(server, webSockets, target, options.seed, options.chaos ?? null, options.pushResultDelayMs ?? 0);
    server.on('request', (request, response) => proxy.forwardHttp(request, response));
    webSockets.on('connection', (client) => proxy.connect(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return proxy;
  }

  /** Base URL for clients, such as "http://127.0.0.1:40123". */
  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** Turns chaos on with `settings`, or off with null. */
  setChaos(settings: ChaosSettings | null): void {
    this.chaos = settings;
  }

  /** Closes every open connection abruptly; clients reconnect through the proxy. */
  cutAll(): void {
    for (const socket of [...this.sockets]) socket.terminate();
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.cutAll();
    await new Promise<void>((resolve) => this.webSockets.close(() => resolve()));
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private later(ms: number, action: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      action();
    }, ms);
    this.timers.add(timer);
  }

  private forwardHttp(request: IncomingMessage, response: ServerResponse): void {
    const upstream = httpRequest(
      { host: this.target.hostname, port: this.target.port, method: request.method, path: request.url, headers: request.headers },
      (upstreamResponse) => {
        response.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers);
        upstreamResponse.pipe(response);
      },
    );
    upstream.on('error', (error) => {
      response.writeHead(502, { 'content-type': 'text/plain' });
      response.end(`the proxied server failed: ${error.message}`);
    });
    request.pipe(upstream);
  }

  private connect(client: WebSocket): void {
    const number = this.stats.connections;
    this.stats.connections += 1;
    const targetUrl = new URL('/sync', this.target);
    targetUrl.protocol = 'ws:';
    const server = new WebSocket(targetUrl);
    this.sockets.add(client);
    this.sockets.add(server);

    const pushesInFlight = new Set<string>();
    let severed = false;
    const queuedToServer: string[] = [];
    const planners = { toServer: new ChaosPlanner(this.seed, number, 'toServer'), toClient: new ChaosPlanner(this.seed, number, 'toClient') };
    const held: Record<FrameDirection, string[]> = { toServer: [], toClient: [] };

    const closeBoth = (): void => {
      client.terminate();
      server.terminate();
    };
    const send = (direction: FrameDirection, text: string): void => {
      const socket = direction === 'toServer' ? server : client;
      if (direction === 'toServer' && server.readyState === WebSocket.CONNECTING) {
        queuedToServer.push(text);
        return;
      }
      if (socket.readyState !== WebSocket.OPEN) return;
      if (direction === 'toClient' && severed) return;
      this.stats.forwarded += 1;
      if (direction === 'toServer') {
        const pushId = requestIdOf(text, 'push');
        if (pushId !== undefined) {
          pushesInFlight.add(pushId);
          this.stats.maxPushesInFlight = Math.max(this.stats.maxPushesInFlight, pushesInFlight.size);
        }
      } else {
        const respondedId = responseIdOf(text);
        if (respondedId !== undefined) pushesInFlight.delete(respondedId);
      }
      socket.send(text);
    };
    const flushHeld = (direction: FrameDirection): void => {
      const frames = held[direction].splice(0);
      for (const text of frames) send(direction, text);
    };

    const handle = (direction: FrameDirection, data: RawData): void => {
      const text = frameText(data);
      if (direction === 'toClient' && this.pushResultDelayMs > 0 && requestIdOf(text, 'pushResult') !== undefined) {
        this.later(this.pushResultDelayMs, () => send(direction, text));
        return;
      }
      const isPush = direction === 'toServer' && requestIdOf(text, 'push') !== undefined;
      const action = planners[direction].decide(isPush, this.chaos);
      switch (action.kind) {
        case 'forward':
          send(direction, text);
          flushHeld(direction);
          return;
        case 'drop':
          this.stats.dropped += 1;
          return;
        case 'duplicate':
          this.stats.duplicated += 1;
          send(direction, text);
          send(direction, text);
          flushHeld(direction);
          return;
        case 'delay':
          this.stats.delayed += 1;
          this.later(action.ms, () => send(direction, text));
          return;
        case 'reorder':
          this.stats.reordered += 1;
          held[direction].push(text);
          this.later(REORDER_HOLD_MS, () => flushHeld(direction));
          return;
        case 'cut':
          this.stats.cuts += 1;
          closeBoth();
          return;
        case 'cutAfterPush': {
          this.stats.cutsAfterPush += 1;
          send(direction, text);
          severed = true;
          client.terminate();
          const pushId = requestIdOf(text, 'push');
          // Keep the server side open until the push has its response, so the server has committed it.
          const closeServer = (): void => server.terminate();
          server.on('message', (data) => {
            if (responseIdOf(frameText(data)) === pushId) closeServer();
          });
          this.later(CUT_AFTER_PUSH_WAIT_MS, closeServer);
          return;
        }
      }
    };

    client.on('message', (data) => handle('toServer', data));
    server.on('message', (data) => {
      if (!severed) handle('toClient', data);
    });
    server.on('open', () => {
      for (const text of queuedToServer.splice(0)) send('toServer', text);
    });
    client.on('close', () => {
      this.sockets.delete(client);
      if (!severed) server.terminate();
    });
    server.on('close', () => {
      this.sockets.delete(server);
      client.terminate();
    });
    client.on('error', () => client.terminate());
    server.on('error', () => {
      server.terminate();
      client.terminate();
    });
  }
}

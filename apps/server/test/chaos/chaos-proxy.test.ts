import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { PROTOCOL_VERSION } from '@lastro/protocol';
import { ChaosPlanner, ChaosProxy, DEFAULT_CHAOS, type ChaosAction } from '../support/chaos-proxy.js';
import { DEMO_PASSWORD, startDemoServer, type DemoServer } from '../sync-client/support.js';

function plan(seed: number, connection: number, frames: boolean[]): ChaosAction[] {
  const planner = new ChaosPlanner(seed, connection, 'toServer');
  return frames.map((isPush) => planner.decide(isPush, DEFAULT_CHAOS));
}

describe('ChaosPlanner', () => {
  const frames = Array.from({ length: 400 }, (_, index) => index % 3 === 0);

  it('repeats its actions for a seed', () => {
    expect(plan(42, 0, frames)).toEqual(plan(42, 0, frames));
  });

  it('differs between seeds and connections', () => {
    expect(plan(42, 0, frames)).not.toEqual(plan(43, 0, frames));
    expect(plan(42, 0, frames)).not.toEqual(plan(42, 1, frames));
  });

  it('uses every action', () => {
    const kinds = new Set(plan(7, 0, frames).map((action) => action.kind));
    expect([...kinds].sort()).toEqual(['cut', 'cutAfterPush', 'delay', 'drop', 'duplicate', 'forward', 'reorder']);
  });

  it('forwards everything without settings', () => {
    const planner = new ChaosPlanner(42, 0, 'toClient');
    expect(frames.map((isPush) => planner.decide(isPush, null).kind).every((kind) => kind === 'forward')).toBe(true);
  });
});

describe('ChaosProxy', () => {
  let server: DemoServer;
  let proxy: ChaosProxy;

  beforeEach(async () => {
    server = await startDemoServer();
    proxy = await ChaosProxy.start({ target: server.url, seed: 1 });
  });

  afterEach(async () => {
    await proxy.close();
    await server.stop();
  });

  async function login(): Promise<string> {
    const response = await fetch(`${proxy.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'investidor@lastro.demo', password: DEMO_PASSWORD, device: { id: 'proxy-test', name: 'proxy test', platform: 'cli' } }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { token: string }).token;
  }

  /** Opens a socket through the proxy, authenticates, and records every frame it receives. */
  async function connect(token: string): Promise<{ socket: WebSocket; frames: Record<string, unknown>[]; closed: Promise<void> }> {
    const socket = new WebSocket(`${proxy.url.replace('http', 'ws')}/sync`);
    const frames: Record<string, unknown>[] = [];
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    await new Promise<void>((resolve, reject) => {
      socket.on('error', reject);
      socket.on('open', () => socket.send(JSON.stringify({ type: 'auth', protocolVersion: PROTOCOL_VERSION, token })));
      socket.on('message', (data) => {
        const frame = JSON.parse(data.toString()) as Record<string, unknown>;
        frames.push(frame);
        if (frame.type === 'ready') resolve();
      });
    });
    return { socket, frames, closed };
  }

  it('passes HTTP and frames through without chaos', async () => {
    const token = await login();
    const { socket, frames } = await connect(token);
    expect(frames[0]).toMatchObject({ type: 'ready' });
    socket.close();
    expect(proxy.stats.forwarded).toBeGreaterThanOrEqual(2);
  });

  it('cuts after a push the server commits', async () => {
    const token = await login();
    const { socket, frames, closed } = await connect(token);
    proxy.setChaos({ ...DEFAULT_CHAOS, drop: 0, duplicate: 0, delay: 0, reorder: 0, cut: 0, cutAfterPush: 1 });
    const command = {
      id: '01942f3a-0000-7000-8000-00000000c0de',
      type: 'pixOut',
      amount: 1_000,
      pixKey: 'investidor@lastro.demo',
      pixKeyType: 'email',
      status: 'pending',
      issuedAt: new Date().toISOString(),
      seq: 0,
      _deleted: false,
    };
    socket.send(JSON.stringify({ type: 'push', requestId: 'push-1', collection: 'commands', rows: [{ assumedMasterState: null, newDocumentState: command }] }));
    await closed;

    expect(frames.some((frame) => frame.requestId === 'push-1')).toBe(false);
    expect(proxy.stats.cutsAfterPush).toBe(1);
    proxy.setChaos(null);
    const second = await connect(token);
    second.socket.send(JSON.stringify({ type: 'pull', requestId: 'pull-1', collection: 'commands', checkpoint: null, limit: 100 }));
    await new Promise<void>((resolve) => second.socket.on('message', () => second.frames.some((frame) => frame.requestId === 'pull-1') && resolve()));
    const result = second.frames.find((frame) => frame.requestId === 'pull-1') as { documents: { id: string; status: string }[] };
    expect(result.documents.find((document) => document.id === command.id)?.status).toBe('accepted');
    second.socket.close();
  });
});

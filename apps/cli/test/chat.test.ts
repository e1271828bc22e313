import { spawn } from 'node:child_process';
import { createServer, request, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { CLI_BUNDLE, type CliResult, type DemoServer, loginArgs, parseLines, runCli, startDemoServer } from './support.js';

// Loan emp-00008 belongs to the demo borrower Carla Menezes (tomador@lastro.demo).
const LOAN = 'emp-00008';
const ANA = 'investidor@lastro.demo';
const BRUNO = 'investidor2@lastro.demo';
const CARLA = 'tomador@lastro.demo';

let server: DemoServer;

beforeAll(async () => {
  server = await startDemoServer();
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

const login = (email: string): string[] => loginArgs(server.url, email);

async function send(email: string, text: string, extra: string[] = []): Promise<CliResult & { line: Record<string, unknown> }> {
  const result = await runCli(['chat', 'send', '--loan', LOAN, '--text', text, ...extra, ...login(email)]);
  const lines = parseLines(result.stdout);
  expect(lines, `stdout of chat send: ${result.stdout}; stderr: ${result.stderr}`).toHaveLength(1);
  return { ...result, line: lines[0]! };
}

async function list(email: string, extra: string[] = []): Promise<Record<string, unknown>[]> {
  const result = await runCli(['chat', 'list', '--loan', LOAN, ...extra, ...login(email)]);
  expect(result.code, result.stderr).toBe(0);
  return parseLines(result.stdout);
}

/** Runs the CLI with the given LASTRO_* variables and no connection flags. */
function runCliWithEnv(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_BUNDLE, ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Starts a proxy on 127.0.0.1 in front of `upstreamUrl` that forwards HTTP requests and sync
 * socket frames both ways, except the client's pushes of chat messages, which it drops. A
 * client behind it logs in and syncs, but the server never receives its chat messages.
 */
async function startChatDroppingProxy(upstreamUrl: string): Promise<{ url: string; close: () => Promise<void> }> {
  const upstream = new URL(upstreamUrl);
  const sockets = new WebSocketServer({ noServer: true });
  const proxy: Server = createServer((incoming, outgoing) => {
    const forwarded = request(
      { host: upstream.hostname, port: upstream.port, path: incoming.url, method: incoming.method, headers: incoming.headers },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    forwarded.on('error', () => outgoing.destroy());
    incoming.pipe(forwarded);
  });
  proxy.on('upgrade', (incoming, socket, head) => {
    sockets.handleUpgrade(incoming, socket, head, (client) => {
      const server = new WebSocket(`ws://${upstream.host}${incoming.url ?? '/'}`);
      const queued: string[] = [];
      client.on('message', (data) => {
        const text = data.toString();
        const frame = JSON.parse(text) as { type?: string; collection?: string };
        if (frame.type === 'push' && frame.collection === 'chatMessages') return;
        if (server.readyState === WebSocket.OPEN) server.send(text);
        else queued.push(text);
      });
      server.on('open', () => {
        for (const text of queued.splice(0)) server.send(text);
      });
      server.on('message', (data) => client.send(data.toString()));
      server.on('close', () => client.close());
      server.on('error', () => client.terminate());
      client.on('close', () => server.close());
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const address = proxy.address();
  if (address === null || typeof address === 'string') throw new Error('the proxy has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      proxy.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}

/** Returns the investor id of a room id `chat:<loan id>:<investor id>`. */
function investorOf(roomId: unknown): string {
  const match = /^chat:emp-00008:(.+)$/.exec(String(roomId));
  if (match === null) throw new Error(`unexpected roomId ${String(roomId)}`);
  return match[1]!;
}

describe('lastro chat', () => {
  let anaId = '';
  let brunoId = '';
  const anaText = 'Olá, qual é o prazo de carência?';
  const carlaText = 'Olá Ana, são 30 dias.';
  // "porra" is on the content filter's Portuguese word list.
  const offensiveText = 'Que porra de prazo é esse?';

  it('send prints accepted and exits 0', async () => {
    const result = await send(ANA, anaText);
    expect(result.code, result.stderr).toBe(0);
    expect(result.line.status).toBe('accepted');
    expect(result.line.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(result.line).not.toHaveProperty('reason');
    anaId = investorOf(result.line.roomId);
  }, 60_000);

  it('send holds a phone number for support', async () => {
    const result = await send(ANA, 'Me liga no (11) 98765-4321');
    expect(result.code, result.stderr).toBe(0);
    expect(result.line.status).toBe('held');
    expect(result.line.reason).toBe('off_platform_contact');
    expect(result.line.contactKinds).toContain('phone');
    expect(result.line.roomId).toBe(`chat:${LOAN}:${anaId}`);
  }, 60_000);

  it('send rejects offensive language with exit 3', async () => {
    const result = await send(ANA, offensiveText);
    expect(result.code).toBe(3);
    expect(result.line.status).toBe('rejected');
    expect(result.line.reason).toBe('offensive_language');
  }, 60_000);

  it('borrower replies with --investor', async () => {
    const result = await send(CARLA, carlaText, ['--investor', anaId]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.line.status).toBe('accepted');
    expect(result.line.roomId).toBe(`chat:${LOAN}:${anaId}`);
  }, 60_000);

  it('borrower without --investor exits 2', async () => {
    const result = await runCli(['chat', 'send', '--loan', LOAN, '--text', 'Oi', ...login(CARLA)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('missing --investor: Carla Menezes is a borrower');
    expect(result.stdout).toBe('');
  }, 60_000);

  it('list shows the investor her room in order', async () => {
    const lines = await list(ANA);
    expect(lines.map((line) => line.text)).toEqual([anaText, 'Me liga no (11) 98765-4321', offensiveText, carlaText]);
    expect(lines.map((line) => line.status)).toEqual(['accepted', 'held', 'rejected', 'accepted']);
    expect(lines[2]?.reason).toBe('offensive_language');
    expect(lines[3]).toMatchObject({ senderName: 'Carla Menezes', senderRole: 'borrower', reason: null, roomId: `chat:${LOAN}:${anaId}` });
    expect(lines[0]).toMatchObject({ senderId: anaId, senderName: 'Ana Ribeiro', senderRole: 'investor', investorId: anaId });
    for (const line of lines) {
      expect(Number.isNaN(Date.parse(String(line.createdAt)))).toBe(false);
    }
  }, 60_000);

  it('list shows the borrower only accepted messages', async () => {
    const lines = await list(CARLA);
    expect(lines.map((line) => line.text)).toEqual([anaText, carlaText]);
    expect(lines.map((line) => line.senderRole)).toEqual(['investor', 'borrower']);
  }, 60_000);

  it('another investor cannot read or write in the room', async () => {
    const attempt = await send(BRUNO, 'Posso entrar nessa conversa?', ['--investor', anaId]);
    expect(attempt.code).toBe(3);
    expect(attempt.line).toMatchObject({ status: 'rejected', reason: 'not_a_member', roomId: `chat:${LOAN}:${anaId}` });

    const lines = await list(BRUNO, ['--investor', anaId]);
    expect(lines.filter((line) => line.senderId === anaId)).toEqual([]);
    expect(lines.filter((line) => line.senderRole === 'borrower')).toEqual([]);
    // Bruno receives only his own rejected attempt.
    expect(lines.map((line) => line.reason)).toEqual(['not_a_member']);
  }, 60_000);

  it('borrower lists every room of the loan', async () => {
    const own = await send(BRUNO, 'Qual é a finalidade do empréstimo?');
    expect(own.code, own.stderr).toBe(0);
    brunoId = investorOf(own.line.roomId);
    expect(brunoId).not.toBe(anaId);

    const all = await list(CARLA);
    expect(all.map((line) => line.text)).toEqual([anaText, carlaText, 'Qual é a finalidade do empréstimo?']);
    const anaRoom = await list(CARLA, ['--investor', anaId]);
    expect(anaRoom.map((line) => line.text)).toEqual([anaText, carlaText]);
    const brunoRoom = await list(BRUNO);
    expect(brunoRoom.map((line) => line.roomId)).toEqual([`chat:${LOAN}:${brunoId}`]);
  }, 60_000);

  it('send reads the login from the environment', async () => {
    const result = await runCliWithEnv(['chat', 'send', '--loan', LOAN, '--text', 'Obrigada!'], {
      LASTRO_SERVER_URL: server.url,
      LASTRO_EMAIL: ANA,
      LASTRO_PASSWORD: 'lastro-demo',
    });
    expect(result.code, result.stderr).toBe(0);
    expect(parseLines(result.stdout)).toEqual([expect.objectContaining({ status: 'accepted', roomId: `chat:${LOAN}:${anaId}` })]);
  }, 60_000);

  it('send without a decision times out with exit 1', async () => {
    const proxy = await startChatDroppingProxy(server.url);
    try {
      const args = ['chat', 'send', '--loan', LOAN, '--text', 'Alguém aí?', '--timeout', '2'];
      const result = await runCli([...args, '--server', proxy.url, '--email', ANA, '--password', 'lastro-demo']);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(new RegExp(`timed out after 2 s waiting for ${proxy.url} to decide chat message [0-9a-f-]{36}`));
      expect(result.stderr).toContain('check with "lastro chat list"');
    } finally {
      await proxy.close();
    }
    // The server never received the message.
    const lines = await list(ANA);
    expect(lines.map((line) => line.text)).not.toContain('Alguém aí?');
  }, 60_000);

  it('send reports rate_limited with retryAt', async () => {
    // The server accepts ten counted messages per sender in 60 minutes. Bruno's not_a_member
    // attempt does not count, so he has one counted message so far.
    for (let count = 2; count <= 10; count++) {
      const accepted = await send(BRUNO, `Pergunta ${count}`);
      expect(accepted.line.status, accepted.stderr).toBe('accepted');
    }
    const limited = await send(BRUNO, 'Pergunta 11');
    expect(limited.code).toBe(3);
    expect(limited.line).toMatchObject({ status: 'rejected', reason: 'rate_limited', roomId: `chat:${LOAN}:${brunoId}` });
    expect(Number.isNaN(Date.parse(String(limited.line.retryAt)))).toBe(false);
  }, 120_000);

  it('unknown loan exits 2', async () => {
    const result = await runCli(['chat', 'list', '--loan', 'emp-99999', ...login(ANA)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('loan "emp-99999" not found at');
  }, 60_000);

  const connection = ['--email', 'a@b.c', '--password', 'x'];
  it.each([
    [['chat', 'send', '--loan', LOAN, '--text', 'Oi', '--colour', ...connection], 'unknown flag --colour'],
    [['chat', 'send', '--text', 'Oi', ...connection], 'missing --loan'],
    [['chat', 'send', '--loan', LOAN, ...connection], 'missing --text'],
    [['chat', 'send', '--loan', LOAN, '--text', '', ...connection], 'invalid --text "": the message is empty'],
    [['chat', 'send', '--loan', LOAN, '--text', '   ', ...connection], 'invalid --text "   ": the message is empty'],
    [['chat', 'send', '--loan', LOAN, '--text', 'a'.repeat(2001), ...connection], 'the message has 2001 characters, more than the maximum of 2000'],
    [['chat', 'send', '--loan', 'emp 8', '--text', 'Oi', ...connection], 'invalid --loan "emp 8"'],
    [['chat', 'send', '--loan', LOAN, '--text', 'Oi', '--timeout', '0', ...connection], 'invalid --timeout "0"'],
    [['chat', 'send', '--loan', LOAN, '--text', 'Oi', '--timeout', 'soon', ...connection], 'invalid --timeout "soon"'],
    [['chat', 'list', '--loan', LOAN, '--text', 'Oi', ...connection], '"lastro chat list" does not take --text'],
    [['chat', 'list', ...connection], 'missing --loan'],
    [['chat', 'list', '--loan', LOAN, '--investor', 'x'.repeat(65), ...connection], 'invalid --investor'],
    [['chat', 'send', '--loan', LOAN, '--text', 'Oi'], 'missing --email'],
    [['chat', 'talk'], 'unknown command "chat talk"'],
  ])('usage error %# exits 2', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
  });

  it('send accepts exactly 2000 characters', async () => {
    const result = await send(ANA, 'a'.repeat(2000));
    expect(result.code, result.stderr).toBe(0);
    expect(result.line.status).toBe('accepted');
  }, 60_000);

  it('help describes both commands', async () => {
    const group = await runCli(['chat', '--help']);
    expect(group.code).toBe(0);
    expect(group.stdout).toContain('Usage: lastro chat send');
    expect(group.stdout).toContain('Usage: lastro chat list');
    const main = await runCli(['--help']);
    expect(main.code).toBe(0);
    expect(main.stdout).toContain('lastro chat send');
    expect(main.stdout).toContain('3 chat message rejected');
  });
});

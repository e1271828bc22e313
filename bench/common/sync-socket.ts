import WebSocket from 'ws';
import { PROTOCOL_VERSION } from '@lastro/protocol';

/** Converts an HTTP base URL such as `http://127.0.0.1:4000` to the sync socket URL. */
export function syncUrl(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '').replace(/^http/, 'ws')}/sync`;
}

/**
 * Opens a sync socket, sends the auth frame and resolves once the server sends `ready`.
 * Rejects on an `error` frame, a close before `ready`, or after `timeoutMs`.
 */
export function openAuthenticatedSocket(
  url: string,
  token: string,
  timeoutMs = 10_000,
  clientOptions: WebSocket.ClientOptions = {},
): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, clientOptions);
    const timer = setTimeout(() => {
      socket.terminate();
      reject(new Error(`Sync socket ${url} sent no ready frame within ${timeoutMs} ms.`));
    }, timeoutMs);

    const fail = (error: Error): void => {
      clearTimeout(timer);
      socket.terminate();
      reject(error);
    };

    socket.on('open', () => {
      socket.send(JSON.stringify({ type: 'auth', protocolVersion: PROTOCOL_VERSION, token }));
    });
    socket.on('error', fail);
    socket.on('close', (code, reason) => fail(new Error(`Sync socket closed before ready: ${code} ${reason.toString()}`)));
    socket.once('message', (data) => {
      const frame = JSON.parse(data.toString()) as { type: string; message?: string };
      if (frame.type !== 'ready') {
        fail(new Error(`Expected a ready frame, got ${frame.type}: ${frame.message ?? ''}`));
        return;
      }
      clearTimeout(timer);
      socket.removeAllListeners('error');
      socket.removeAllListeners('close');
      socket.on('error', () => undefined);
      resolve(socket);
    });
  });
}

/** Runs `task` over `items` with at most `concurrency` tasks in flight. */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T, index);
    }
  });
  await Promise.all(runners);
  return results;
}

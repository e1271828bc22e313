import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { ServerContext } from '../context.js';
import type { HttpExchange } from './exchange.js';

/** URL prefix of the web terminal. */
export const WEB_PREFIX = '/app/';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
};

/** Policy sent with the HTML: scripts and styles from this origin only, sockets to any ws/wss host. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'";

/**
 * Maps a URL path under `/app/` to a file inside `root`, or returns undefined when the
 * decoded path would leave the root (`..`, encoded slashes, NUL bytes).
 */
export function resolveWebPath(root: string, urlPath: string): string | undefined {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath.slice(WEB_PREFIX.length));
  } catch {
    return undefined;
  }
  if (relative.includes('\0') || relative.includes('\\')) {
    return undefined;
  }
  const absoluteRoot = resolve(root);
  const target = resolve(absoluteRoot, relative === '' ? 'index.html' : relative);
  if (target !== absoluteRoot && !target.startsWith(absoluteRoot + sep)) {
    return undefined;
  }
  return target;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * `GET /app/...`: serves the built renderer. Paths without an extension that match no file
 * get index.html, so client-side routes load the app.
 */
export async function handleStatic(ctx: ServerContext, exchange: HttpExchange): Promise<void> {
  const root = ctx.webRoot;
  // Checked per request, so building the renderer while the server runs is enough.
  if (root === undefined || !(await isFile(resolve(root, 'index.html')))) {
    exchange.sendError(
      503,
      'internal',
      `the web terminal is not built (no index.html in ${root ?? 'any web root'}): run "pnpm --filter @lastro/desktop build" or start the server with --web-root DIR`,
    );
    return;
  }
  const path = exchange.url;
  const target = resolveWebPath(root, path);
  if (target === undefined) {
    exchange.sendError(404, 'not_found', `no file at ${path}`);
    return;
  }

  let file = target;
  if (!(await isFile(file))) {
    if (extname(file) !== '') {
      exchange.sendError(404, 'not_found', `no file at ${path}`);
      return;
    }
    file = resolve(root, 'index.html');
  }

  let content: Buffer;
  try {
    content = await readFile(file);
  } catch (error) {
    exchange.log.error({ err: error, file }, 'failed to read a web terminal file');
    exchange.sendError(500, 'internal', 'failed to read the file; try again');
    return;
  }
  const extension = extname(file).toLowerCase();
  const headers: Record<string, string> = {
    'content-type': MIME_TYPES[extension] ?? 'application/octet-stream',
    'x-content-type-options': 'nosniff',
  };
  if (extension === '.html') {
    headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
    headers['cache-control'] = 'no-cache';
  }
  exchange.send(200, content, headers);
}

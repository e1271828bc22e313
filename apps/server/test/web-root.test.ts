import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/server.js';

/** GET with the path sent exactly as written; fetch would normalise "/app/../x". */
function rawGet(url: string, path: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('web terminal at /app/', () => {
  const webRoot = mkdtempSync(join(tmpdir(), 'lastro-web-root-'));
  let server: TestServer;

  beforeAll(async () => {
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Lastro</title>');
    writeFileSync(join(webRoot, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(webRoot, 'assets', 'app.css'), 'body{}');
    writeFileSync(join(webRoot, 'assets', 'logo.svg'), '<svg/>');
    writeFileSync(join(webRoot, 'assets', 'font.woff2'), 'x');
    writeFileSync(join(tmpdir(), 'lastro-outside-web-root.txt'), 'secret');
    server = await startTestServer({ webRoot });
  });

  afterAll(async () => {
    await server.stop();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('serves index.html with a strict CSP', async () => {
    const response = await fetch(`${server.url}/app/`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'",
    );
    expect(await response.text()).toContain('<title>Lastro</title>');
  });

  it.each([
    ['assets/app.js', 'text/javascript; charset=utf-8'],
    ['assets/app.css', 'text/css; charset=utf-8'],
    ['assets/logo.svg', 'image/svg+xml'],
    ['assets/font.woff2', 'font/woff2'],
  ])('serves %s as %s', async (path, type) => {
    const response = await fetch(`${server.url}/app/${path}`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
  });

  it('serves index.html for client-side routes', async () => {
    const response = await fetch(`${server.url}/app/carteira/extrato`);

    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Lastro</title>');
  });

  it('returns 404 for a missing asset', async () => {
    const response = await fetch(`${server.url}/app/assets/missing.js`);

    expect(response.status).toBe(404);
  });

  it.each(['/app/../lastro-outside-web-root.txt', '/app/%2e%2e/lastro-outside-web-root.txt', '/app/..%2flastro-outside-web-root.txt'])(
    'blocks traversal %s',
    async (path) => {
      const response = await rawGet(server.url, path);

      expect(response.body).not.toContain('secret');
      expect(response.status).toBe(404);
    },
  );

  it.each(['/', '/app'])('redirects %s to /app/', async (path) => {
    const response = await fetch(`${server.url}${path}`, { redirect: 'manual' });

    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/app/');
  });
});

describe('web terminal without a build', () => {
  it('returns 503 saying how to build the renderer', async () => {
    const server = await startTestServer({ webRoot: join(tmpdir(), 'lastro-no-such-web-root') });
    try {
      const response = await fetch(`${server.url}/app/`);
      const body = (await response.json()) as { error: { message: string } };

      expect(response.status).toBe(503);
      expect(body.error.message).toContain('pnpm --filter @lastro/desktop build');
    } finally {
      await server.stop();
    }
  });
});

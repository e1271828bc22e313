import { randomBytes } from 'node:crypto';
import type { DepositResponse, Device, LoginResponse } from '@lastro/protocol';

/** Demo accounts created by the server's `--demo` seed. */
export const DEMO_PASSWORD = 'lastro-demo';
export const WATCHED_INVESTOR_EMAIL = 'investidor@lastro.demo';
export const IDLE_INVESTOR_EMAIL = 'investidor2@lastro.demo';
/** Webhook secret the server uses when it is started without one. */
export const DEMO_WEBHOOK_SECRET = 'lastro-demo-webhook-secret';

const ALPHANUMERICS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

async function requestJson<T>(url: string, init: RequestInit, expectedStatus: number): Promise<T> {
  const response = await fetch(url, init);
  const text = await response.text();
  if (response.status !== expectedStatus) {
    throw new Error(`${init.method ?? 'GET'} ${url} returned ${response.status}, expected ${expectedStatus}: ${text}`);
  }
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

export function benchDevice(name: string): Device {
  return { id: `bench-${name}-${randomBytes(6).toString('hex')}`, name: `Benchmark ${name}`, platform: 'cli' };
}

export async function login(baseUrl: string, email: string, device: Device): Promise<LoginResponse> {
  return requestJson<LoginResponse>(
    `${baseUrl}/auth/login`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD, device }),
    },
    200,
  );
}

export async function createDeposit(baseUrl: string, token: string): Promise<DepositResponse> {
  return requestJson<DepositResponse>(
    `${baseUrl}/api/v1/deposits`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{}',
    },
    201,
  );
}

/** Returns a random `endToEndId`: 32 alphanumerics, as the API Pix requires. */
export function randomEndToEndId(): string {
  const bytes = randomBytes(32);
  let id = '';
  for (const byte of bytes) {
    id += ALPHANUMERICS[byte % ALPHANUMERICS.length];
  }
  return id;
}

/** Builds the URL, headers and body of a PIX webhook that pays one charge, so they are ready before the timed request. */
export function pixWebhookRequest(baseUrl: string, txid: string, valor: string, secret: string): { url: string; init: RequestInit } {
  const body = {
    pix: [{ endToEndId: randomEndToEndId(), txid, valor, horario: new Date().toISOString() }],
  };
  return {
    url: `${baseUrl}/webhooks/pix`,
    init: {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: JSON.stringify(body),
    },
  };
}

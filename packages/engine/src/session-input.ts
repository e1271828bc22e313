import { LastroError } from './errors.js';

/** Derives ws(s)://HOST/sync from the server's http(s) base URL. */
export function socketUrlFor(serverUrl: string): string {
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    throw new LastroError('invalid_request', `invalid server URL ${JSON.stringify(serverUrl)}: use a URL such as http://127.0.0.1:8787`, {
      field: 'serverUrl',
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new LastroError('invalid_request', `invalid server URL ${JSON.stringify(serverUrl)}: use http:// or https://`, {
      field: 'serverUrl',
    });
  }
  const socketUrl = new URL('/sync', url);
  socketUrl.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return socketUrl.toString();
}

export function requireString(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new LastroError('invalid_request', `missing ${name}: pass a non-empty string`, { field: name });
  }
  return value;
}

import { describe, expect, it } from 'vitest';
import { browserName, webDevice, type KeyValueStorage } from '../src/renderer/platform/device';
import { clearStoredSession, readStoredSession, writeStoredSession } from '../src/renderer/platform/session-storage';

function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

const CHROMIUM_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chromium/131.0.0.0 Chrome/131.0.0.0 Safari/537.36';
const EDGE_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0';
const FIREFOX_UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';

describe('browserName', () => {
  it('recognises common browsers', () => {
    expect(browserName(CHROMIUM_UA)).toBe('Chromium');
    expect(browserName(EDGE_UA)).toBe('Edge');
    expect(browserName(FIREFOX_UA)).toBe('Firefox');
    expect(browserName('curl/8.0')).toBe('Navegador');
  });
});

describe('webDevice', () => {
  it('creates an id once and reuses it', () => {
    const storage = memoryStorage();
    let created = 0;
    const newId = () => `id-${(created += 1)}`;
    const first = webDevice(storage, FIREFOX_UA, newId);
    const second = webDevice(storage, FIREFOX_UA, newId);
    expect(first).toEqual({ id: 'id-1', name: 'Firefox (web)', platform: 'web' });
    expect(second.id).toBe('id-1');
    expect(created).toBe(1);
  });

  it('replaces a tampered stored id', () => {
    const storage = memoryStorage({ 'lastro.deviceId': '<script>' });
    expect(webDevice(storage, FIREFOX_UA, () => 'fresh-id').id).toBe('fresh-id');
  });
});

describe('stored session', () => {
  const session = { token: 'tok', user: { id: 'u1', role: 'investor' as const, name: 'Ana' } };

  it('round-trips a session', () => {
    const storage = memoryStorage();
    writeStoredSession(storage, session);
    expect(readStoredSession(storage)).toEqual(session);
    clearStoredSession(storage);
    expect(readStoredSession(storage)).toBeNull();
  });

  it('discards malformed entries', () => {
    for (const text of ['not json', '{}', '{"token":"t","user":{"id":"u","role":"admin","name":"x"}}', 'null']) {
      const storage = memoryStorage({ 'lastro.session': text });
      expect(readStoredSession(storage)).toBeNull();
      expect(storage.data.has('lastro.session')).toBe(false);
    }
  });
});

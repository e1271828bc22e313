import { describe, expect, it } from 'vitest';
import { resolveUpdateFeed } from '../src/main/update/update-config';
import { parseUpdateUrl } from '../src/main/update/update-url.mjs';

describe('parseUpdateUrl', () => {
  it.each([
    ['https://atualizacoes.lastro.com.br/desktop/', 'https://atualizacoes.lastro.com.br/desktop/'],
    ['https://atualizacoes.lastro.com.br/desktop', 'https://atualizacoes.lastro.com.br/desktop/'],
    ['  https://updates.example.com  ', 'https://updates.example.com/'],
    ['http://127.0.0.1:8080/lastro', 'http://127.0.0.1:8080/lastro/'],
    ['http://localhost:9000/', 'http://localhost:9000/'],
    ['http://[::1]:9000/', 'http://[::1]:9000/'],
  ])('accepts %s', (raw, expected) => {
    expect(parseUpdateUrl(raw, 'LASTRO_UPDATE_URL')).toBe(expected);
  });

  it.each([
    ['an empty value', '  ', /invalid LASTRO_UPDATE_URL: the value is empty/],
    ['a bare host', 'updates.example.com', /invalid LASTRO_UPDATE_URL "updates.example.com": use an https address/],
    ['plain http to another host', 'http://updates.example.com/', /use https; plain http is accepted only for 127.0.0.1 and localhost/],
    ['plain http to a private address', 'http://192.168.0.10/', /plain http is accepted only/],
    ['a look-alike of localhost', 'http://localhost.example.com/', /plain http is accepted only/],
    ['an ftp address', 'ftp://updates.example.com/', /the scheme must be https/],
    ['a file address', 'file:///opt/updates/', /the scheme must be https/],
    ['credentials', 'https://user:secret@updates.example.com/', /remove the user name and password/],
    ['a query', 'https://updates.example.com/?channel=beta', /remove the query and the fragment/],
    ['a fragment', 'https://updates.example.com/#latest', /remove the query and the fragment/],
  ])('rejects %s', (_case, raw, message) => {
    expect(() => parseUpdateUrl(raw, 'LASTRO_UPDATE_URL')).toThrow(message);
  });

  it('names the source in the error', () => {
    expect(() => parseUpdateUrl('http://example.com/', 'update URL in app-update.yml')).toThrow(
      /^invalid update URL in app-update.yml "http:\/\/example.com\/"/,
    );
  });
});

const packagedConfig = 'provider: generic\nurl: https://atualizacoes.lastro.com.br/desktop\nupdaterCacheDirName: lastro-updater\n';

describe('resolveUpdateFeed', () => {
  it('is off in development even with a URL', () => {
    const feed = resolveUpdateFeed({ isPackaged: false, environmentValue: 'https://updates.example.com/', packagedConfig: undefined });
    expect(feed.enabled).toBe(false);
    expect(feed).toMatchObject({ invalid: false });
    expect(feed).toMatchObject({ reason: expect.stringMatching(/not packaged\. LASTRO_UPDATE_URL is ignored/) });
  });

  it('is off without any URL', () => {
    const feed = resolveUpdateFeed({ isPackaged: true, environmentValue: undefined, packagedConfig: undefined });
    expect(feed).toEqual({
      enabled: false,
      invalid: false,
      reason: 'automatic updates are off: no update URL is configured (set LASTRO_UPDATE_URL or package with an update URL)',
    });
  });

  it('uses the packaged URL', () => {
    const feed = resolveUpdateFeed({ isPackaged: true, environmentValue: '', packagedConfig });
    expect(feed).toEqual({ enabled: true, url: 'https://atualizacoes.lastro.com.br/desktop/', source: 'app-update.yml' });
  });

  it('prefers LASTRO_UPDATE_URL', () => {
    const feed = resolveUpdateFeed({ isPackaged: true, environmentValue: 'http://127.0.0.1:8080', packagedConfig });
    expect(feed).toEqual({ enabled: true, url: 'http://127.0.0.1:8080/', source: 'LASTRO_UPDATE_URL' });
  });

  it('reports an invalid LASTRO_UPDATE_URL', () => {
    const feed = resolveUpdateFeed({ isPackaged: true, environmentValue: 'http://updates.example.com', packagedConfig });
    expect(feed.enabled).toBe(false);
    expect(feed).toMatchObject({ invalid: true });
    expect(feed).toMatchObject({ reason: expect.stringMatching(/^automatic updates are off: invalid LASTRO_UPDATE_URL "http:\/\/updates.example.com"/) });
  });

  it.each([
    ['an empty url', 'provider: generic\nurl: ""\n', { enabled: false, invalid: false }],
    ['another provider', 'provider: github\nowner: lastro\n', { enabled: false, invalid: true }],
    ['broken YAML', 'provider: [generic\n', { enabled: false, invalid: true }],
    ['a list', '- generic\n', { enabled: false, invalid: true }],
    ['a numeric url', 'provider: generic\nurl: 42\n', { enabled: false, invalid: true }],
    ['an http url', 'provider: generic\nurl: http://updates.example.com/\n', { enabled: false, invalid: true }],
  ])('handles app-update.yml with %s', (_case, text, expected) => {
    expect(resolveUpdateFeed({ isPackaged: true, environmentValue: undefined, packagedConfig: text })).toMatchObject(expected);
  });

  it('names the file in app-update.yml errors', () => {
    const feed = resolveUpdateFeed({ isPackaged: true, environmentValue: undefined, packagedConfig: 'provider: github\n' });
    expect(feed).toMatchObject({ reason: expect.stringMatching(/invalid app-update.yml: provider "github" is not supported/) });
  });
});

// Validation of the address from which the desktop app downloads its updates. Plain JavaScript
// with a declaration file, because both the main process and scripts/package.mjs, which Node
// runs without a TypeScript step, import it.

/** Hosts for which plain http is accepted, so that an update server on the same machine can be tested. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export const UPDATE_URL_EXAMPLE = 'https://atualizacoes.example.com/lastro/';

/**
 * Validates the base address of an electron-updater generic server (the folder holding
 * latest.yml and the installers) and returns it with a trailing slash. `source` names where the
 * value came from, such as "LASTRO_UPDATE_URL", and starts every error message.
 *
 * Only https is accepted, except plain http on 127.0.0.1, localhost and [::1]. User names,
 * passwords, queries and fragments are rejected, because electron-updater appends file names
 * to the path and logs the address.
 *
 * @param {string} raw
 * @param {string} source
 * @returns {string}
 */
export function parseUpdateUrl(raw, source) {
  const text = raw.trim();
  if (text === '') {
    throw new Error(`invalid ${source}: the value is empty; use an https address such as ${UPDATE_URL_EXAMPLE}`);
  }
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`invalid ${source} ${JSON.stringify(text)}: use an https address such as ${UPDATE_URL_EXAMPLE}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`invalid ${source} ${JSON.stringify(text)}: the scheme must be https`);
  }
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new Error(
      `invalid ${source} ${JSON.stringify(text)}: use https; plain http is accepted only for 127.0.0.1 and localhost`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new Error(`invalid ${source} ${JSON.stringify(text)}: remove the user name and password`);
  }
  if (url.search !== '' || url.hash !== '') {
    throw new Error(`invalid ${source} ${JSON.stringify(text)}: remove the query and the fragment`);
  }
  return url.pathname.endsWith('/') ? url.href : `${url.href}/`;
}

import { load } from 'js-yaml';
import { parseUpdateUrl } from './update-url.mjs';

/** Name of the environment variable that overrides the packaged update address. */
export const UPDATE_URL_VARIABLE = 'LASTRO_UPDATE_URL';

/**
 * Source of automatic updates, or the reason they are off. `invalid` marks a configured value
 * that was rejected, which the caller logs as an error rather than as information.
 */
export type UpdateFeed =
  | { enabled: true; url: string; source: typeof UPDATE_URL_VARIABLE | 'app-update.yml' }
  | { enabled: false; invalid: boolean; reason: string };

export interface UpdateFeedInput {
  /** `app.isPackaged`: false when the app runs from the source tree (`electron-vite` or `npm start`). */
  isPackaged: boolean;
  /** Value of `LASTRO_UPDATE_URL`, if set. */
  environmentValue: string | undefined;
  /**
   * Text of `app-update.yml` in the resources folder, which electron-builder writes from the
   * `publish` block of electron-builder.yml; undefined when the file does not exist.
   */
  packagedConfig: string | undefined;
}

function urlFromPackagedConfig(text: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = load(text);
  } catch (error) {
    throw new Error(`invalid app-update.yml: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('invalid app-update.yml: expected a mapping with provider and url');
  }
  const provider: unknown = Reflect.get(parsed, 'provider');
  const url: unknown = Reflect.get(parsed, 'url');
  if (provider !== 'generic') {
    throw new Error(`invalid app-update.yml: provider ${JSON.stringify(provider)} is not supported, only "generic"`);
  }
  if (url === undefined || url === null || url === '') {
    return undefined;
  }
  if (typeof url !== 'string') {
    throw new Error(`invalid app-update.yml: url ${JSON.stringify(url)} is not a string`);
  }
  return parseUpdateUrl(url, 'update URL in app-update.yml');
}

/**
 * Decides whether the app checks for updates and where. `LASTRO_UPDATE_URL` wins over the
 * address written at packaging time. Development builds never update, because electron-updater
 * would replace the Electron binary of the source tree.
 */
export function resolveUpdateFeed(input: UpdateFeedInput): UpdateFeed {
  const environmentValue = input.environmentValue?.trim() ?? '';
  if (!input.isPackaged) {
    const ignored = environmentValue === '' ? '' : ` ${UPDATE_URL_VARIABLE} is ignored.`;
    return { enabled: false, invalid: false, reason: `automatic updates are off: the app is not packaged.${ignored}` };
  }
  try {
    if (environmentValue !== '') {
      return { enabled: true, url: parseUpdateUrl(environmentValue, UPDATE_URL_VARIABLE), source: UPDATE_URL_VARIABLE };
    }
    const packagedUrl = input.packagedConfig === undefined ? undefined : urlFromPackagedConfig(input.packagedConfig);
    if (packagedUrl !== undefined) {
      return { enabled: true, url: packagedUrl, source: 'app-update.yml' };
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { enabled: false, invalid: true, reason: `automatic updates are off: ${message}` };
  }
  return {
    enabled: false,
    invalid: false,
    reason: `automatic updates are off: no update URL is configured (set ${UPDATE_URL_VARIABLE} or package with an update URL)`,
  };
}

import { DEEP_LINK_SCHEME } from './parse';

/**
 * Deep links in command lines. On Windows and Linux the operating system starts the app with
 * the link as an argument: the first launch reads its own `process.argv`, and a second launch
 * forwards its arguments to the running instance (`second-instance`). Chromium may reorder the
 * arguments and append switches such as `--original-process-start-time`, so links are found by
 * their scheme rather than by position.
 */

/** A command line with more deep links than this is treated as a mistake and only the first are used. */
export const MAX_LINKS_PER_LAUNCH = 4;

/** Returns the arguments that start with `lastro:` (any case), in order, at most {@link MAX_LINKS_PER_LAUNCH}. */
export function deepLinksFromArgv(argv: readonly unknown[]): string[] {
  const links: string[] = [];
  const prefix = `${DEEP_LINK_SCHEME}:`;
  for (const arg of argv) {
    if (typeof arg === 'string' && arg.slice(0, prefix.length).toLowerCase() === prefix) {
      links.push(arg);
      if (links.length === MAX_LINKS_PER_LAUNCH) {
        break;
      }
    }
  }
  return links;
}

/**
 * Data a second launch sends with `requestSingleInstanceLock`. Electron passes `argv` too, but
 * documents that its order may change and that it is empty when another user started the
 * second instance, so the links are also sent here.
 */
export interface SecondInstanceData {
  deepLinks: string[];
}

export function secondInstanceData(argv: readonly string[]): SecondInstanceData {
  return { deepLinks: deepLinksFromArgv(argv) };
}

/**
 * Returns the deep links a second launch forwarded: those in `additionalData` when it has the
 * expected shape, otherwise those found in its `argv`. The links are still unparsed.
 */
export function deepLinksFromSecondInstance(argv: readonly unknown[], additionalData: unknown): string[] {
  if (typeof additionalData === 'object' && additionalData !== null) {
    const links: unknown = Reflect.get(additionalData, 'deepLinks');
    if (Array.isArray(links) && links.every((link) => typeof link === 'string')) {
      return deepLinksFromArgv(links);
    }
  }
  return deepLinksFromArgv(argv);
}

/** Arguments of `app.setAsDefaultProtocolClient`, or the reason why the scheme cannot be registered. */
export type ProtocolClientRegistration =
  | { ok: true; scheme: string; executable?: { path: string; args: string[] } }
  | { ok: false; reason: string };

/** Environment variable that lets a development run on Windows register `lastro://` for itself. */
export const DEV_PROTOCOL_ENV = 'LASTRO_DEV_PROTOCOL';

/**
 * Builds the `setAsDefaultProtocolClient` arguments. A packaged app registers its own
 * executable. An unpackaged one (`process.defaultApp`, started as `electron APP_PATH`) registers
 * only on Windows and only when `LASTRO_DEV_PROTOCOL=1`, because Electron takes the executable and
 * its arguments only there. It must then register the Electron executable with the app's absolute
 * path as its first argument, or Windows would start a bare Electron without the app. Elsewhere a
 * development run, such as an end-to-end test, must not take over the user's `lastro://` handler.
 */
export function protocolClientRegistration(options: {
  defaultApp: boolean;
  platform: string;
  devOptIn: string | undefined;
  execPath: string;
  argv: readonly string[];
  resolvePath(path: string): string;
}): ProtocolClientRegistration {
  if (!options.defaultApp) {
    return { ok: true, scheme: DEEP_LINK_SCHEME };
  }
  if (options.platform !== 'win32' || options.devOptIn !== '1') {
    return {
      ok: false,
      reason: `development runs register lastro:// only on Windows with ${DEV_PROTOCOL_ENV}=1; pass a link as an argument instead`,
    };
  }
  // argv[0] is the Electron executable; the first later argument that is not a switch is the app.
  const appPath = options.argv.slice(1).find((arg) => !arg.startsWith('-') && !isDeepLinkArg(arg));
  if (appPath === undefined) {
    return { ok: false, reason: 'the command line names no app path after the Electron executable' };
  }
  return { ok: true, scheme: DEEP_LINK_SCHEME, executable: { path: options.execPath, args: [options.resolvePath(appPath)] } };
}

function isDeepLinkArg(arg: string): boolean {
  return deepLinksFromArgv([arg]).length > 0;
}

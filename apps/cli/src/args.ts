import { parseArgs } from 'node:util';
import { usageError } from './output.js';

/** Default server when neither --server nor LASTRO_SERVER_URL is set. */
export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8787';
/** Webhook secret of the demo server (`lastro-server --demo`). */
export const DEMO_WEBHOOK_SECRET = 'lastro-demo-webhook-secret';

const FLAG_SPECS = {
  server: { type: 'string' },
  email: { type: 'string' },
  password: { type: 'string' },
  status: { type: 'string' },
  valor: { type: 'string' },
  txid: { type: 'string' },
  secret: { type: 'string' },
  'end-to-end-id': { type: 'string' },
  loan: { type: 'string' },
  investor: { type: 'string' },
  text: { type: 'string' },
  timeout: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type FlagName = keyof typeof FLAG_SPECS;
export type Flags = { [K in FlagName]?: (typeof FLAG_SPECS)[K]['type'] extends 'boolean' ? boolean : string };

/**
 * Joins `--flag -5,00` into `--flag=-5,00` for flags that take a value, because parseArgs
 * reads a value starting with a dash as a flag and rejects it as ambiguous. Negative
 * amounts then reach the amount checks, which explain why they are invalid.
 */
function joinDashedValues(argv: string[]): string[] {
  const joined: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const token = argv[index] ?? '';
    const next = argv[index + 1];
    const name = token.startsWith('--') ? token.slice(2) : '';
    const takesValue = name in FLAG_SPECS && FLAG_SPECS[name as FlagName].type === 'string';
    if (takesValue && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${token}=${next}`);
      index += 1;
    } else {
      joined.push(token);
    }
  }
  return joined;
}

/** Splits argv into positional words (the command path) and flags, rejecting unknown flags. */
export function parseCommandLine(argv: string[]): { words: string[]; flags: Flags } {
  try {
    const args = joinDashedValues(argv);
    const { values, positionals } = parseArgs({ args, options: FLAG_SPECS, allowPositionals: true, strict: true });
    return { words: positionals, flags: values as Flags };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const message = error instanceof Error ? error.message : String(error);
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const flag = /'([^']+)'/.exec(message)?.[1] ?? message;
      throw usageError(`unknown flag ${flag}; run "lastro --help" for the flags`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw usageError(`${message.replace(/\.$/, '')}; run "lastro --help"`);
    }
    throw usageError(message);
  }
}

/** Rejects flags the command does not take, naming the first one. */
export function allowOnly(flags: Flags, allowed: readonly FlagName[], command: string): void {
  for (const name of Object.keys(flags) as FlagName[]) {
    if (name !== 'help' && !allowed.includes(name)) {
      throw usageError(`"lastro ${command}" does not take --${name}; run "lastro ${command} --help"`);
    }
  }
}

/** Returns the server URL from --server or LASTRO_SERVER_URL, checked to be an http(s) URL. */
export function serverUrlFrom(flags: Flags): string {
  const value = flags.server ?? process.env.LASTRO_SERVER_URL ?? DEFAULT_SERVER_URL;
  const source = flags.server !== undefined ? '--server' : 'LASTRO_SERVER_URL';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw usageError(`invalid ${source} ${JSON.stringify(value)}: use a URL such as ${DEFAULT_SERVER_URL}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw usageError(`invalid ${source} ${JSON.stringify(value)}: use an http:// or https:// URL`);
  }
  return value.replace(/\/+$/, '');
}

/** Returns the login from --email/--password or LASTRO_EMAIL/LASTRO_PASSWORD. */
export function credentialsFrom(flags: Flags): { email: string; password: string } {
  const email = flags.email ?? process.env.LASTRO_EMAIL;
  const password = flags.password ?? process.env.LASTRO_PASSWORD;
  if (email === undefined || email === '') {
    throw usageError('missing --email: pass --email or set LASTRO_EMAIL');
  }
  if (password === undefined || password === '') {
    throw usageError('missing --password: pass --password or set LASTRO_PASSWORD');
  }
  return { email, password };
}

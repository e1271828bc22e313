import { AUDIT_EXPORT_FORMATS, type AuditExportFormat } from '../audit/export.js';
import { toRecordedAtBound } from '../audit/time-range.js';
import { LOG_LEVELS } from '../logger.js';

/** Settings of `lastro-server` after parsing flags and environment variables. */
export interface ServeCommand {
  kind: 'serve';
  host: string;
  port: number;
  dataDir: string;
  demo: boolean;
  simulator: boolean;
  logLevel: string;
  webRoot: string;
  webhookSecret: string | undefined;
}

export type Command =
  | ServeCommand
  | { kind: 'verify-ledger'; dataDir: string }
  | { kind: 'audit-verify'; dataDir: string }
  | { kind: 'audit-export'; dataDir: string; from: string; to: string; format: AuditExportFormat }
  | { kind: 'help' }
  | { kind: 'error'; message: string };

export interface CommandDefaults {
  dataDir: string;
  webRoot: string;
}

export const USAGE = `Usage:
  lastro-server [options]                       start the Lastro server
  lastro-server verify-ledger [--data-dir DIR]  check the ledger of a database and exit
  lastro-server audit verify [--data-dir DIR]   check the hash chain of the chat audit log and exit
  lastro-server audit export [--data-dir DIR] --from TIME --to TIME --format csv|json
                                                print the chat audit records with recorded_at
                                                in [--from, --to) to stdout and exit

Options:
  --host HOST        interface to listen on (default 127.0.0.1)
  --port PORT        TCP port, 0 to 65535; 0 picks a free port (default 8787)
  --data-dir DIR     folder of the SQLite database (default: the per-user app data folder)
  --demo             seed demo users and loans into an empty database and run the market simulator
  --no-simulator     with --demo, do not run the market simulator
  --log-level LEVEL  one of ${LOG_LEVELS.join(', ')} (default info)
  --web-root DIR     folder of the built web terminal served at /app/
                     (default: apps/desktop/out/renderer next to this build)
  -h, --help         print this help and exit

Options of audit export:
  --from TIME        first instant included, RFC 3339 such as 2026-12-01T00:00:00Z or
                     2026-11-30T21:00:00-03:00
  --to TIME          first instant excluded, RFC 3339, later than --from
  --format FORMAT    csv (RFC 4180 with a header row) or json (JSON Lines, one record per line)

Environment variables:
  LASTRO_PIX_WEBHOOK_SECRET  bearer secret the PIX provider sends to POST /webhooks/pix;
                             required unless --demo, which falls back to a demo secret
  LASTRO_WEB_ROOT            default of --web-root
  LASTRO_LOG_LEVEL           default of --log-level

Exit codes: 0 success, 1 runtime failure (port in use, ledger discrepancy, broken audit chain),
2 invalid usage or missing database.
`;

const VALUE_FLAGS = new Set(['--host', '--port', '--data-dir', '--log-level', '--web-root', '--from', '--to', '--format']);
/** Flags that only `audit export` takes. */
const AUDIT_EXPORT_FLAGS = ['--from', '--to', '--format'];
const AUDIT_ACTIONS = ['verify', 'export'];
const BOOLEAN_FLAGS = new Set(['--demo', '--no-simulator', '--help', '-h']);

function error(message: string): Command {
  return { kind: 'error', message: `${message}\nRun "lastro-server --help" for the list of options.` };
}

/** Parses `lastro-server` arguments (without node and the script) and the environment. */
export function parseCommandLine(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  defaults: CommandDefaults,
): Command {
  const args = [...argv];
  const subcommand = args[0] !== undefined && !args[0].startsWith('-') ? args.shift() : undefined;
  if (subcommand !== undefined && subcommand !== 'verify-ledger' && subcommand !== 'audit') {
    return error(`unknown command "${subcommand}": use verify-ledger or audit`);
  }
  let auditAction: string | undefined;
  if (subcommand === 'audit') {
    auditAction = args[0] !== undefined && !args[0].startsWith('-') ? args.shift() : undefined;
    if (auditAction !== undefined && !AUDIT_ACTIONS.includes(auditAction)) {
      return error(`unknown audit command "${auditAction}": use audit verify or audit export`);
    }
  }

  const values = new Map<string, string>();
  const switches = new Set<string>();
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    const equals = arg.indexOf('=');
    const name = arg.startsWith('--') && equals > 0 ? arg.slice(0, equals) : arg;
    if (BOOLEAN_FLAGS.has(name)) {
      if (name !== arg) {
        return error(`${name} takes no value; remove "=${arg.slice(equals + 1)}"`);
      }
      switches.add(name);
      continue;
    }
    if (!VALUE_FLAGS.has(name)) {
      return error(`unknown option "${arg}"`);
    }
    let value: string | undefined;
    if (name !== arg) {
      value = arg.slice(equals + 1);
    } else {
      value = args[index + 1];
      index += 1;
    }
    if (value === undefined || value === '' || (name === arg && value.startsWith('--'))) {
      return error(`missing value for ${name}`);
    }
    values.set(name, value);
  }

  if (switches.has('--help') || switches.has('-h')) {
    return { kind: 'help' };
  }

  const dataDir = values.get('--data-dir') ?? defaults.dataDir;
  if (subcommand === 'verify-ledger') {
    const extra = [...values.keys(), ...switches].filter((name) => name !== '--data-dir');
    if (extra.length > 0) {
      return error(`verify-ledger takes only --data-dir; remove ${extra.join(', ')}`);
    }
    return { kind: 'verify-ledger', dataDir };
  }
  if (subcommand === 'audit') {
    return parseAuditCommand(auditAction, dataDir, values, switches);
  }
  const auditFlag = AUDIT_EXPORT_FLAGS.find((name) => values.has(name));
  if (auditFlag !== undefined) {
    return error(`${auditFlag} applies only to audit export; remove it or run lastro-server audit export`);
  }

  const host = values.get('--host') ?? '127.0.0.1';
  if (!/^[A-Za-z0-9.:-]+$/.test(host)) {
    return error(`invalid --host "${host}": use an IP address or host name such as 127.0.0.1`);
  }

  const portText = values.get('--port') ?? '8787';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    return error(`invalid --port "${portText}": use an integer from 0 to 65535 (0 picks a free port)`);
  }

  const logLevel = values.get('--log-level') ?? env.LASTRO_LOG_LEVEL ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    const source = values.has('--log-level') ? '--log-level' : 'LASTRO_LOG_LEVEL';
    return error(`invalid ${source} "${logLevel}": use one of ${LOG_LEVELS.join(', ')}`);
  }

  const demo = switches.has('--demo');
  if (switches.has('--no-simulator') && !demo) {
    return error('--no-simulator only applies with --demo; add --demo or remove --no-simulator');
  }

  const secret = env.LASTRO_PIX_WEBHOOK_SECRET;
  return {
    kind: 'serve',
    host,
    port,
    dataDir,
    demo,
    simulator: demo && !switches.has('--no-simulator'),
    logLevel,
    webRoot: values.get('--web-root') ?? (env.LASTRO_WEB_ROOT || defaults.webRoot),
    webhookSecret: secret === undefined || secret === '' ? undefined : secret,
  };
}

function parseAuditCommand(
  action: string | undefined,
  dataDir: string,
  values: ReadonlyMap<string, string>,
  switches: ReadonlySet<string>,
): Command {
  if (action === undefined) {
    return error('missing audit command: use audit verify or audit export');
  }
  const allowed = action === 'verify' ? ['--data-dir'] : ['--data-dir', ...AUDIT_EXPORT_FLAGS];
  const extra = [...values.keys(), ...switches].filter((name) => !allowed.includes(name));
  if (extra.length > 0) {
    return error(`audit ${action} takes only ${allowed.join(', ')}; remove ${extra.join(', ')}`);
  }
  if (action === 'verify') {
    return { kind: 'audit-verify', dataDir };
  }

  const from = values.get('--from');
  const to = values.get('--to');
  const format = values.get('--format');
  if (from === undefined || to === undefined) {
    return error(`missing ${from === undefined ? '--from' : '--to'}: audit export needs both, for example --from 2026-12-01T00:00:00Z --to 2026-12-05T00:00:00Z`);
  }
  if (format === undefined) {
    return error('missing --format: use --format csv or --format json');
  }
  if (!(AUDIT_EXPORT_FORMATS as readonly string[]).includes(format)) {
    return error(`invalid --format "${format}": use csv or json`);
  }
  let fromBound: string;
  let toBound: string;
  try {
    fromBound = toRecordedAtBound('--from', from);
    toBound = toRecordedAtBound('--to', to);
  } catch (invalid) {
    if (invalid instanceof RangeError) {
      return error(invalid.message);
    }
    throw invalid;
  }
  if (fromBound >= toBound) {
    return error(`invalid range: --from ${from} is not before --to ${to}; use a --to later than --from`);
  }
  return { kind: 'audit-export', dataDir, from, to, format: format as AuditExportFormat };
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import envPaths from 'env-paths';
import { writeAuditExport, type AuditExportOptions } from './audit/export.js';
import { verifyAuditChain, type AuditChainVerification } from './audit/verify.js';
import { parseCommandLine, USAGE, type ServeCommand } from './cli/args.js';
import { DATABASE_FILE, openDatabase } from './db/database.js';
import { ListenError, startServer } from './index.js';
import { verifyLedger } from './ledger/verify.js';

/** Entry point of the `lastro-server` command, bundled to dist/main.js. */

function fail(message: string, exitCode: number): never {
  process.stderr.write(`lastro-server: ${message}\n`);
  process.exit(exitCode);
}

function requireDatabase(dataDir: string): void {
  if (!existsSync(join(dataDir, DATABASE_FILE))) {
    fail(`no database at ${join(dataDir, DATABASE_FILE)}: pass the --data-dir of a Lastro server`, 2);
  }
}

function runVerifyLedger(dataDir: string): never {
  requireDatabase(dataDir);
  const db = openDatabase(dataDir);
  try {
    const result = verifyLedger(db);
    if (result.ok) {
      process.stdout.write(`ledger ok: ${result.transactions} transactions, ${result.wallets} wallets\n`);
      process.exit(0);
    }
    process.stdout.write(`ledger discrepancy: ${result.problem}\n`);
    process.exit(1);
  } finally {
    db.close();
  }
}

function describeAuditBreak(result: Exclude<AuditChainVerification, { ok: true }>): string {
  switch (result.problem) {
    case 'gap':
      return `gap (expected seq ${result.expected}, stored seq ${result.actual})`;
    case 'prev_hash_mismatch':
      return `prev_hash mismatch (expected ${result.expected}, stored ${result.actual})`;
    case 'hash_mismatch':
      return `hash mismatch (expected ${result.expected}, stored ${result.actual})`;
  }
}

function runAuditVerify(dataDir: string): never {
  requireDatabase(dataDir);
  const db = openDatabase(dataDir);
  try {
    const result = verifyAuditChain(db);
    if (result.ok) {
      process.stdout.write(`audit chain ok: ${result.records} ${result.records === 1 ? 'record' : 'records'}\n`);
      if (result.records > 0) {
        process.stdout.write(`last hash: ${result.lastHash}\n`);
      }
      process.exit(0);
    }
    process.stdout.write(`audit chain broken at record ${result.seq}: ${describeAuditBreak(result)}\n`);
    process.exit(1);
  } finally {
    db.close();
  }
}

function runAuditExport(dataDir: string, options: AuditExportOptions): void {
  requireDatabase(dataDir);
  const db = openDatabase(dataDir);
  try {
    // No process.exit after this, so the process ends only after stdout has flushed every chunk.
    writeAuditExport(db, options, (chunk) => process.stdout.write(chunk));
  } finally {
    db.close();
  }
}

async function runServer(command: ServeCommand): Promise<void> {
  if (command.webhookSecret === undefined && !command.demo) {
    fail(
      'missing PIX webhook secret: set LASTRO_PIX_WEBHOOK_SECRET to the secret your PIX provider sends, or use --demo for local trials',
      2,
    );
  }
  let server;
  try {
    server = await startServer({
      host: command.host,
      port: command.port,
      dataDir: command.dataDir,
      demo: command.demo,
      simulator: command.simulator,
      logLevel: command.logLevel,
      webRoot: command.webRoot,
      ...(command.webhookSecret === undefined ? {} : { webhookSecret: command.webhookSecret }),
    });
  } catch (error) {
    if (error instanceof ListenError) {
      fail(`port ${command.port} on ${command.host} is already in use or not available: stop the other process or choose another with --port`, 1);
    }
    throw error;
  }

  const running = server;
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      return;
    }
    stopping = true;
    running.close().then(
      () => process.exit(0),
      (error: unknown) => fail(`failed to stop cleanly after ${signal}: ${String(error)}`, 1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const command = parseCommandLine(process.argv.slice(2), process.env, {
  dataDir: envPaths('lastro', { suffix: '' }).data,
  // The bundle lives in apps/server/dist, the renderer build in apps/desktop/out/renderer.
  webRoot: fileURLToPath(new URL('../../desktop/out/renderer', import.meta.url)),
});

switch (command.kind) {
  case 'help':
    process.stdout.write(USAGE);
    break;
  case 'error':
    fail(command.message, 2);
    break;
  case 'verify-ledger':
    runVerifyLedger(command.dataDir);
    break;
  case 'audit-verify':
    runAuditVerify(command.dataDir);
    break;
  case 'audit-export':
    runAuditExport(command.dataDir, { from: command.from, to: command.to, format: command.format });
    break;
  case 'serve':
    await runServer(command);
    break;
}

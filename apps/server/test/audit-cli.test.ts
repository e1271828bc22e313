import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditRecord, exportAudit, type AuditRecord } from '../src/audit/index.js';
import { openDatabase } from '../src/db/database.js';

const serverDir = fileURLToPath(new URL('..', import.meta.url));
const mainJs = join(serverDir, 'dist', 'main.js');

function run(args: string[]) {
  const env = { ...process.env };
  delete env.LASTRO_PIX_WEBHOOK_SECRET;
  delete env.LASTRO_WEB_ROOT;
  delete env.LASTRO_LOG_LEVEL;
  return spawnSync(process.execPath, [mainJs, ...args], { encoding: 'utf8', env, timeout: 30_000 });
}

const START = Date.parse('2026-12-01T10:00:00.000Z');

describe('lastro-server audit', () => {
  const dirs: string[] = [];
  const tempDir = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'lastro-audit-cli-test-'));
    dirs.push(dir);
    return dir;
  };

  /** Creates a database with `count` records, one day apart from 2026-12-01T10:00Z, and returns them. */
  function databaseWithRecords(count: number): { dataDir: string; records: AuditRecord[] } {
    const dataDir = tempDir();
    const db = openDatabase(dataDir);
    const records: AuditRecord[] = [];
    for (let index = 0; index < count; index += 1) {
      records.push(
        db
          .transaction(() =>
            appendAuditRecord(
              db,
              {
                userId: 'investor-1',
                sessionId: 'session-1',
                roomId: 'loan-1',
                messageId: `m${index + 1}`,
                text: index === 1 ? 'Pode enviar o contrato, "assinado"?\nObrigado' : `mensagem ${index + 1}`,
                decision: 'accepted',
                reason: null,
                actorId: null,
              },
              new Date(START + index * 86_400_000),
            ),
          )
          .immediate(),
      );
    }
    db.close();
    return { dataDir, records };
  }

  /** Runs SQL against the database file with the append-only triggers dropped first. */
  function tamper(dataDir: string, sql: string): void {
    const db = openDatabase(dataDir);
    db.exec('DROP TRIGGER chat_audit_no_update; DROP TRIGGER chat_audit_no_delete;');
    db.exec(sql);
    db.close();
  }

  beforeAll(() => {
    // Always rebuild, so the test never runs a bundle older than src/.
    const build = spawnSync(process.execPath, ['build.mjs'], { cwd: serverDir, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    expect(existsSync(mainJs)).toBe(true);
  }, 60_000);

  afterAll(() => {
    for (const dir of dirs) {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--help lists the audit commands and flags', () => {
    const result = run(['--help']);

    expect(result.status).toBe(0);
    for (const text of ['audit verify', 'audit export', '--from', '--to', '--format']) {
      expect(result.stdout).toContain(text);
    }
  });

  it('verify passes on an intact chain', () => {
    const { dataDir, records } = databaseWithRecords(5);

    const result = run(['audit', 'verify', '--data-dir', dataDir]);

    expect(result.stdout).toBe(`audit chain ok: 5 records\nlast hash: ${records[4]!.hash}\n`);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('verify passes on an empty log', () => {
    const { dataDir } = databaseWithRecords(0);

    const result = run(['audit', 'verify', `--data-dir=${dataDir}`]);

    expect(result.stdout).toBe('audit chain ok: 0 records\n');
    expect(result.status).toBe(0);
  });

  it('verify names an edited record', () => {
    const { dataDir, records } = databaseWithRecords(5);
    tamper(dataDir, "UPDATE chat_audit SET text = 'mensagem trocada' WHERE seq = 3");

    const result = run(['audit', 'verify', '--data-dir', dataDir]);

    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(
      new RegExp(`^audit chain broken at record 3: hash mismatch \\(expected [0-9a-f]{64}, stored ${records[2]!.hash}\\)\n$`),
    );
  });

  it('verify names the gap of a deleted record', () => {
    const { dataDir } = databaseWithRecords(5);
    tamper(dataDir, 'DELETE FROM chat_audit WHERE seq = 2');

    const result = run(['audit', 'verify', '--data-dir', dataDir]);

    expect(result.status).toBe(1);
    expect(result.stdout).toBe('audit chain broken at record 3: gap (expected seq 2, stored seq 3)\n');
  });

  it('verify names the record after a rewritten prev_hash', () => {
    const { dataDir, records } = databaseWithRecords(3);
    tamper(dataDir, `UPDATE chat_audit SET prev_hash = '${'a'.repeat(64)}' WHERE seq = 2`);

    const result = run(['audit', 'verify', '--data-dir', dataDir]);

    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      `audit chain broken at record 2: prev_hash mismatch (expected ${records[0]!.hash}, stored ${'a'.repeat(64)})\n`,
    );
  });

  it('export prints CSV of the range', () => {
    const { dataDir } = databaseWithRecords(5);
    const options = { from: '2026-12-02T00:00:00Z', to: '2026-12-04T10:00:00Z' };

    const result = run(['audit', 'export', '--data-dir', dataDir, '--from', options.from, '--to', options.to, '--format', 'csv']);

    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const db = openDatabase(dataDir);
    const expected = exportAudit(db, { ...options, format: 'csv' });
    db.close();
    expect(result.stdout).toBe(expected);
    // Only records 2 and 3, because --to excludes record 4 at 2026-12-04T10:00Z. Records end
    // with CRLF, so the LF inside record 2's quoted text does not split it.
    expect(result.stdout.split('\r\n').map((line) => line.split(',')[0])).toEqual(['seq', '2', '3', '']);
    expect(result.stdout).toContain('"Pode enviar o contrato, ""assinado""?\nObrigado"');
  });

  it('export prints JSON Lines with an offset range', () => {
    const { dataDir, records } = databaseWithRecords(3);

    const result = run([
      'audit',
      'export',
      '--data-dir',
      dataDir,
      '--from=2026-12-01T07:00:00-03:00',
      '--to=2026-12-02T07:00:00.001-03:00',
      '--format=json',
    ]);

    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { seq: number; hash: string; text: string });
    expect(lines.map((line) => line.seq)).toEqual([1, 2]);
    expect(lines.map((line) => line.hash)).toEqual([records[0]!.hash, records[1]!.hash]);
    expect(lines[1]!.text).toBe(records[1]!.text);
  });

  it.each([
    [['audit', 'verify'], 'no database at'],
    [['audit', 'export', '--from', '2026-12-01T00:00:00Z', '--to', '2026-12-02T00:00:00Z', '--format', 'csv'], 'no database at'],
  ])('%j without a database exits 2', (args) => {
    const dataDir = tempDir();

    const result = run([...args, '--data-dir', dataDir]);

    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`no database at ${join(dataDir, 'lastro.sqlite')}`);
    expect(result.stdout).toBe('');
  });

  const range = ['--from', '2026-12-01T00:00:00Z', '--to', '2026-12-02T00:00:00Z'];
  it.each([
    [['audit'], 'missing audit command: use audit verify or audit export'],
    [['audit', 'check'], 'unknown audit command "check"'],
    [['audit', 'verify', '--format', 'csv'], 'audit verify takes only --data-dir; remove --format'],
    [['audit', 'verify', '--demo'], 'audit verify takes only --data-dir; remove --demo'],
    [['audit', 'export', '--to', '2026-12-02T00:00:00Z', '--format', 'csv'], 'missing --from'],
    [['audit', 'export', '--from', '2026-12-01T00:00:00Z', '--format', 'csv'], 'missing --to'],
    [['audit', 'export', ...range], 'missing --format: use --format csv or --format json'],
    [['audit', 'export', ...range, '--format', 'xml'], 'invalid --format "xml": use csv or json'],
    [['audit', 'export', ...range, '--format'], 'missing value for --format'],
    [['audit', 'export', '--from', 'yesterday', '--to', '2026-12-02T00:00:00Z', '--format', 'csv'], 'invalid --from "yesterday": use an RFC 3339 date-time'],
    [['audit', 'export', '--from', '2026-12-01', '--to', '2026-12-02T00:00:00Z', '--format', 'csv'], 'invalid --from "2026-12-01"'],
    [['audit', 'export', '--from', '2026-12-01T00:00:00Z', '--to', '2026-02-30T00:00:00Z', '--format', 'csv'], 'invalid --to "2026-02-30T00:00:00Z"'],
    [
      ['audit', 'export', '--from', '2026-12-02T00:00:00Z', '--to', '2026-12-01T00:00:00Z', '--format', 'json'],
      'invalid range: --from 2026-12-02T00:00:00Z is not before --to 2026-12-01T00:00:00Z',
    ],
    [
      ['audit', 'export', '--from', '2026-12-01T03:00:00Z', '--to', '2026-12-01T00:00:00-03:00', '--format', 'json'],
      'is not before --to',
    ],
    [['audit', 'export', ...range, '--format', 'csv', '--port', '1'], 'audit export takes only --data-dir, --from, --to, --format; remove --port'],
    [['verify-ledger', '--from', '2026-12-01T00:00:00Z'], 'verify-ledger takes only --data-dir; remove --from'],
    [['--demo', '--format', 'csv'], '--format applies only to audit export'],
  ])('rejects %j with exit 2', (args, message) => {
    const result = run(args);

    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
  });
});

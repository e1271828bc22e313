import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const DESKTOP_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const GATE = join(DESKTOP_DIR, 'security', 'electronegativity.mjs');
const INSECURE_FIXTURE = join(DESKTOP_DIR, 'test', 'fixtures', 'insecure-window.ts');
const SCAN_TIMEOUT_MS = 60_000;

interface GateRun {
  code: number;
  stdout: string;
  stderr: string;
}

function runGate(args: string[]): Promise<GateRun> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [GATE, ...args], { timeout: SCAN_TIMEOUT_MS }, (error, stdout, stderr) => {
      if (error !== null && typeof error.code !== 'number') {
        reject(error);
        return;
      }
      resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr });
    });
  });
}

let temporaryDirs: string[] = [];

afterEach(() => {
  for (const dir of temporaryDirs) {
    rmSync(dir, { recursive: true, force: true });
  }
  temporaryDirs = [];
});

function temporaryDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lastro-electronegativity-'));
  temporaryDirs.push(dir);
  return dir;
}

/** Creates an app folder whose only source is `src/main/window.ts` with `source`, and returns its path. */
function appWithWindow(source: string): string {
  const root = temporaryDir();
  mkdirSync(join(root, 'src', 'main'), { recursive: true });
  writeFileSync(join(root, 'src', 'main', 'window.ts'), source);
  return root;
}

function writeAllowlist(root: string, entries: unknown[]): string {
  const path = join(root, 'allowlist.json');
  writeFileSync(path, JSON.stringify({ entries }));
  return path;
}

/** 1-based line and 0-based column of the first occurrence of `text` in `source`, as Electronegativity reports them. */
function positionOf(source: string, text: string): string {
  const lines = source.split('\n');
  const index = lines.findIndex((line) => line.includes(text));
  if (index === -1) {
    throw new Error(`${JSON.stringify(text)} is not in the fixture`);
  }
  return `${index + 1}:${lines[index]?.indexOf(text) ?? 0}`;
}

const insecureSource = readFileSync(INSECURE_FIXTURE, 'utf8');

describe('Electronegativity gate', () => {
  it('passes the desktop app', { timeout: SCAN_TIMEOUT_MS }, async () => {
    const run = await runGate([]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('passed: no unjustified high or medium findings');
    expect(run.stdout).not.toContain('FAIL');
    expect(run.stdout).toMatch(/checks over \d+ files, assuming Electron \d+\.\d+\.\d+/);
    expect(run.code).toBe(0);
  });

  it('rejects the insecure fixture', { timeout: SCAN_TIMEOUT_MS }, async () => {
    const root = temporaryDir();
    mkdirSync(join(root, 'src'));
    copyFileSync(INSECURE_FIXTURE, join(root, 'src', 'insecure-window.ts'));
    const run = await runGate(['--root', root, '--allowlist', writeAllowlist(root, [])]);

    const nodeIntegration = positionOf(insecureSource, 'nodeIntegration: true');
    const contextIsolation = positionOf(insecureSource, 'contextIsolation: false');
    // Electronegativity rates an explicit `nodeIntegration: true` INFORMATIONAL; the gate raises it.
    expect(run.stdout).toContain(
      `FAIL HIGH NODE_INTEGRATION_JS_CHECK src/insecure-window.ts:${nodeIntegration} (raised from INFORMATIONAL):`,
    );
    expect(run.stdout).toContain(`FAIL HIGH CONTEXT_ISOLATION_JS_CHECK src/insecure-window.ts:${contextIsolation}:`);
    expect(run.stdout).toContain('fix: Set webPreferences.nodeIntegration');
    expect(run.stdout).toContain('fix: Set webPreferences.contextIsolation to true');
    // No will-navigate or window-open handler anywhere in the fixture app.
    expect(run.stdout).toContain('FAIL HIGH LIMIT_NAVIGATION_GLOBAL_CHECK (app-wide)');
    expect(run.stdout).toContain('failed:');
    expect(run.code).toBe(1);
  });

  it('reports allowed findings and still fails the rest', { timeout: SCAN_TIMEOUT_MS }, async () => {
    const root = appWithWindow(insecureSource);
    const allowlist = writeAllowlist(root, [
      { check: 'NODE_INTEGRATION_JS_CHECK', file: 'src/main/window.ts', reason: 'kept to prove that one entry allows one check only' },
    ]);
    const run = await runGate(['--root', root, '--allowlist', allowlist]);

    expect(run.stdout).toContain('allowed HIGH NODE_INTEGRATION_JS_CHECK src/main/window.ts:');
    expect(run.stdout).toContain('allowed because: kept to prove that one entry allows one check only');
    expect(run.stdout).not.toContain('FAIL HIGH NODE_INTEGRATION_JS_CHECK');
    expect(run.stdout).toContain('FAIL HIGH CONTEXT_ISOLATION_JS_CHECK src/main/window.ts:');
    expect(run.code).toBe(1);
  });

  it('ignores eng-disable comments', { timeout: SCAN_TIMEOUT_MS }, async () => {
    const source = insecureSource.replace('nodeIntegration: true,', 'nodeIntegration: true, // eng-disable NODE_INTEGRATION_JS_CHECK');
    const root = appWithWindow(source);
    const run = await runGate(['--root', root, '--allowlist', writeAllowlist(root, [])]);

    expect(run.stdout).toContain('FAIL HIGH NODE_INTEGRATION_JS_CHECK src/main/window.ts:');
    expect(run.stdout).toContain('an eng-disable comment does not count here');
    expect(run.code).toBe(1);
  });

  it('fails on an allow-list entry that matches nothing', { timeout: SCAN_TIMEOUT_MS }, async () => {
    const root = temporaryDir();
    const entries = JSON.parse(readFileSync(join(DESKTOP_DIR, 'security', 'electronegativity-allowlist.json'), 'utf8')).entries;
    const allowlist = writeAllowlist(root, [
      ...entries,
      { check: 'SANDBOX_JS_CHECK', file: 'src/main/window.ts', reason: 'the window is sandboxed, so this entry is stale' },
    ]);
    const run = await runGate(['--allowlist', allowlist]);

    expect(run.stdout).toContain('FAIL allow-list entry SANDBOX_JS_CHECK in src/main/window.ts matches no high or medium finding');
    expect(run.code).toBe(1);
  });

  it('rejects an entry naming an unknown check', { timeout: SCAN_TIMEOUT_MS }, async () => {
    const root = appWithWindow(insecureSource);
    const allowlist = writeAllowlist(root, [{ check: 'NODE_INTEGRATON_JS_CHECK', file: 'src/main/window.ts', reason: 'a misspelt check id must not allow anything' }]);
    const run = await runGate(['--root', root, '--allowlist', allowlist]);

    expect(run.stderr).toContain('unknown check "NODE_INTEGRATON_JS_CHECK"');
    expect(run.stderr).toContain('entry 1');
    expect(run.code).toBe(2);
  });

  it('rejects an entry without a reason', { timeout: SCAN_TIMEOUT_MS }, async () => {
    const root = appWithWindow(insecureSource);
    const allowlist = writeAllowlist(root, [{ check: 'NODE_INTEGRATION_JS_CHECK', file: 'src/main/window.ts', reason: 'ok' }]);
    const run = await runGate(['--root', root, '--allowlist', allowlist]);

    expect(run.stderr).toContain('reason "ok" must say in at least 20 characters why the finding is safe');
    expect(run.code).toBe(2);
  });

  it('fails on a file it cannot parse', { timeout: SCAN_TIMEOUT_MS }, async () => {
    const root = appWithWindow('export const window = new BrowserWindow({ webPreferences: { nodeIntegration: false ');
    const run = await runGate(['--root', root, '--allowlist', writeAllowlist(root, [])]);

    expect(run.stdout).toContain('FAIL could not check src/main/window.ts:');
    expect(run.code).toBe(1);
  });
});

#!/usr/bin/env node
// Security gate for the desktop app: runs Electronegativity over the app's TypeScript sources
// and exits with 1 when it reports a high or medium finding that the allow-list does not justify.
//
// The sources are scanned rather than the electron-vite output in out/, because Electronegativity
// 1.10.3 parses every file under src/ while it fails on the renderer bundle and skips the
// preload bundle (.cjs). Findings then point at the lines a developer edits.
//
// Usage: node security/electronegativity.mjs [--root DIR] [--allowlist FILE]
//          [--electron-version VERSION] [PATH...]
// PATH defaults to src and, when present, package.json under the root; the root defaults to
// the desktop app. Paths in the output and in the allow-list are relative to the root.
// Exit codes: 0 passed, 1 unjustified findings or an unchecked file, 2 invalid arguments or
// allow-list.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { applyAllowlist, describeEntry, readAllowlist } from './allowlist.mjs';
import { fixFor } from './fixes.mjs';
import { listScannableFiles, ONLINE_CHECK, scanOffline } from './offline-scan.mjs';

const DESKTOP_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_ALLOWLIST = join(DESKTOP_DIR, 'security', 'electronegativity-allowlist.json');
const GATING_SEVERITIES = new Set(['HIGH', 'MEDIUM']);

/**
 * Severities this gate raises above Electronegativity's rating. Version 1.10.3 rates an explicit
 * `nodeIntegration: true` (or nodeIntegrationInWorker, nodeIntegrationInSubFrames, or a value
 * that is not a literal) as INFORMATIONAL, and HIGH only when the key is missing under an
 * Electron version whose default is true. Node in a renderer is the worst of these settings, so
 * every such finding counts as HIGH here.
 */
const RAISED_SEVERITIES = { NODE_INTEGRATION_JS_CHECK: 'HIGH' };
const SEMVER_PATTERN = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

function say(message) {
  process.stdout.write(`[electronegativity] ${message}\n`);
}

function usageError(message) {
  process.stderr.write(`[electronegativity] ${message}\n`);
  process.exit(2);
}

/**
 * Returns the Electron version the checks assume: the installed `electron` package's version.
 * Its package.json is read directly, because requiring `electron` starts a binary download.
 */
function installedElectronVersion() {
  const packageJson = join(DESKTOP_DIR, 'node_modules', 'electron', 'package.json');
  if (!existsSync(packageJson)) {
    return undefined;
  }
  return JSON.parse(readFileSync(packageJson, 'utf8')).version;
}

function parseCommandLine() {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        root: { type: 'string' },
        allowlist: { type: 'string' },
        'electron-version': { type: 'string' },
      },
    });
  } catch (error) {
    usageError(`${error instanceof Error ? error.message : String(error)}; see the usage at the top of security/electronegativity.mjs`);
  }
  const root = resolve(parsed.values.root ?? DESKTOP_DIR);
  const paths = parsed.positionals.length > 0
    ? parsed.positionals.map((path) => resolve(root, path))
    : [join(root, 'src'), join(root, 'package.json')].filter((path, index) => index === 0 || existsSync(path));
  const electronVersion = parsed.values['electron-version'] ?? installedElectronVersion();
  if (electronVersion === undefined) {
    usageError('the electron package is not installed: run "pnpm install" or pass --electron-version, such as --electron-version 45.6.1');
  }
  if (!SEMVER_PATTERN.test(electronVersion)) {
    usageError(`invalid --electron-version ${JSON.stringify(electronVersion)}: use a version such as 45.6.1`);
  }
  return { root, paths, electronVersion, allowlistPath: resolve(parsed.values.allowlist ?? DEFAULT_ALLOWLIST) };
}

/** Path relative to the root with forward slashes, as the allow-list writes it. */
function displayPath(root, file) {
  return file === '' ? '' : relative(root, file).split(sep).join('/');
}

function location(finding) {
  return finding.file === '' ? '(app-wide)' : `${finding.file}:${finding.line}:${finding.column}`;
}

function printFinding(label, finding) {
  const rating = finding.severity === finding.ratedSeverity ? '' : ` (raised from ${finding.ratedSeverity})`;
  say(`${label} ${finding.severity} ${finding.check} ${location(finding)}${rating}: ${finding.description}`);
  // JSON checks report the file's first line, which is only "{".
  if (finding.sample.length > 1) {
    say(`    code: ${finding.sample}`);
  }
  say(`    fix: ${fixFor(finding)}${finding.link === '' ? '' : ` (details: ${finding.link})`}`);
}

async function main() {
  const options = parseCommandLine();
  let files;
  try {
    files = listScannableFiles(options.paths);
  } catch (error) {
    usageError(error instanceof Error ? error.message : String(error));
  }
  const scan = await scanOffline({ desktopDir: DESKTOP_DIR, files, electronVersion: options.electronVersion });
  let entries;
  try {
    entries = readAllowlist(options.allowlistPath, scan.checkIds);
  } catch (error) {
    usageError(error instanceof Error ? error.message : String(error));
  }

  const findings = scan.findings.map((finding) => {
    const raised = RAISED_SEVERITIES[finding.check];
    return {
      ...finding,
      file: displayPath(options.root, finding.file),
      severity: raised ?? finding.severity,
      ratedSeverity: finding.severity,
    };
  });
  const gating = findings.filter((finding) => GATING_SEVERITIES.has(finding.severity));
  const notes = findings.filter((finding) => !GATING_SEVERITIES.has(finding.severity));
  const { allowed, unjustified, unused } = applyAllowlist(gating, entries);

  say(
    `Electronegativity ${scan.engineVersion}: ${scan.checkCount} checks over ${files.length} files, assuming Electron ${options.electronVersion}`,
  );
  say(`${ONLINE_CHECK} is off: it needs Electron's release list from GitHub, and this scan runs offline`);
  for (const finding of notes) {
    printFinding('note', finding);
  }
  for (const { finding, reason } of allowed) {
    printFinding('allowed', finding);
    say(`    allowed because: ${reason}`);
  }
  for (const finding of unjustified) {
    printFinding('FAIL', finding);
    if (finding.engDisableComment) {
      say('    an eng-disable comment does not count here: justify the finding in the allow-list instead');
    }
  }

  const problems = [];
  for (const entry of unused) {
    problems.push(`allow-list entry ${describeEntry(entry)} matches no high or medium finding: remove it from ${options.allowlistPath}`);
  }
  for (const error of scan.parseErrors) {
    problems.push(`could not check ${displayPath(options.root, error.file)}: ${error.message}`);
  }
  for (const url of scan.blockedRequests) {
    problems.push(`Electronegativity tried to fetch ${url}; the request was blocked, so the scan may be incomplete`);
  }
  for (const problem of problems) {
    say(`FAIL ${problem}`);
  }

  if (unjustified.length > 0 || problems.length > 0) {
    say(
      `failed: ${unjustified.length} high or medium findings are not justified and ${problems.length} other problems were found; ` +
        `fix the app, or add an entry with the reason to ${options.allowlistPath}`,
    );
    process.exitCode = 1;
    return;
  }
  say(`passed: no unjustified high or medium findings (${allowed.length} allowed, ${notes.length} low or informational)`);
}

await main();

// Runs Electronegativity's checks without any network access.
//
// Electronegativity 1.10.3 goes online in two places. Its runner downloads translations
// (locales/i18n.js), and AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK downloads Electron's release list
// from GitHub. This module therefore builds the scan from the package's parser, atomic checks
// and global checks, with the bundled English messages, and leaves that one check out. It also
// replaces the package's HTTP client (got) with one that records each request and rejects it, so
// a later version's online lookup through got fails the gate instead of reaching the network.

import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';

/**
 * The one check that needs the network, because it compares the Electron version with GitHub's
 * releases. NOTE: with it off, the gate does not notice an Electron patch release with security
 * fixes, so Electron updates need their own review.
 */
export const ONLINE_CHECK = 'AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK';
const ONLINE_CHECK_CLASS = 'AvailableSecurityFixesGlobalCheck';

/** File types Electronegativity parses, as in its own directory loader (util/file.js). */
const SOURCE_EXTENSIONS = new Set(['.js', '.jsx', '.ts', '.tsx', '.html', '.htm']);

/**
 * Lists the files under `paths` that Electronegativity parses: sources, HTML pages and
 * package.json files, skipping node_modules. A path may also name one such file.
 */
export function listScannableFiles(paths) {
  const files = [];
  const visit = (path) => {
    const stats = statSync(path);
    if (stats.isDirectory()) {
      if (basename(path) === 'node_modules') {
        return;
      }
      for (const entry of readdirSync(path).sort()) {
        visit(join(path, entry));
      }
      return;
    }
    const name = basename(path);
    const dot = name.lastIndexOf('.');
    const extension = dot === -1 ? '' : name.slice(dot).toLowerCase();
    if (SOURCE_EXTENSIONS.has(extension) || name === 'package.json') {
      files.push(path);
    }
  };
  for (const path of paths) {
    if (!existsSync(path)) {
      throw new Error(`scan path ${JSON.stringify(path)} does not exist: pass an existing file or directory`);
    }
    visit(path);
  }
  return files;
}

/** Loads Electronegativity's internals from the desktop app's dependencies. */
function loadElectronegativity(desktopDir) {
  const requireFromDesktop = createRequire(join(desktopDir, 'package.json'));
  const packageJson = requireFromDesktop.resolve('@doyensec/electronegativity/package.json');
  // pnpm links packages; the real path is where the package's own dependencies resolve.
  const packageDir = realpathSync(join(packageJson, '..'));
  const requireFromPackage = createRequire(join(packageDir, 'package.json'));
  const version = requireFromPackage('./package.json').version;

  // Install the recording HTTP client before any check module loads `got`.
  const blockedRequests = [];
  const gotPath = requireFromPackage.resolve('got');
  const offlineGot = (url) => {
    blockedRequests.push(String(url));
    return Promise.reject(new Error(`network access is disabled during the scan (request to ${String(url)})`));
  };
  offlineGot.head = offlineGot;
  offlineGot.get = offlineGot;
  requireFromPackage.cache[gotPath] = {
    id: gotPath,
    filename: gotPath,
    loaded: true,
    exports: Object.assign(offlineGot, { default: offlineGot }),
  };

  // The checks read their messages through a global `__`. The package's runner sets it up after
  // the download, so it is set up here from the bundled en-US file alone.
  const i18n = requireFromPackage('i18n');
  i18n.configure({
    locales: ['en-US'],
    defaultLocale: 'en-US',
    directory: join(packageDir, 'dist', 'locales'),
    updateFiles: false,
    objectNotation: true,
    retryInDefaultLocale: true,
    register: globalThis,
  });
  i18n.setLocale('en-US');

  return {
    version,
    blockedRequests,
    Parser: requireFromPackage('./dist/parser').Parser,
    Finder: requireFromPackage('./dist/finder').Finder,
    GlobalChecks: requireFromPackage('./dist/finder').GlobalChecks,
  };
}

/**
 * Scans `files` with every Electronegativity check except ONLINE_CHECK.
 *
 * Returns the findings, the files that failed to parse, the number of checks run, the known
 * check ids and the URLs of the network requests the package attempted, all of them rejected.
 * A finding whose line carries an `eng-disable` comment is kept, with `engDisableComment` set.
 */
export async function scanOffline({ desktopDir, files, electronVersion }) {
  const engine = loadElectronegativity(desktopDir);
  const parser = new engine.Parser(false, true);
  const globalChecks = new engine.GlobalChecks([], [ONLINE_CHECK_CLASS.toLowerCase()], undefined);
  const finder = await new engine.Finder([], [], undefined);
  if (globalChecks._enabled_checks.some((check) => check.name === ONLINE_CHECK_CLASS)) {
    throw new Error(`Electronegativity ${engine.version} did not leave out ${ONLINE_CHECK}, which goes online`);
  }

  const parseErrors = [];
  let issues = [];
  for (const file of files) {
    let parsed;
    try {
      parsed = parser.parse(file, readFileSync(file, 'utf8'));
    } catch (error) {
      parseErrors.push({ file, message: error instanceof Error ? error.message : String(error) });
      continue;
    }
    const [type, data, content, warnings] = parsed;
    if (data === null) {
      continue;
    }
    if (Array.isArray(warnings) && warnings.length > 0) {
      parseErrors.push({ file, message: warnings.map((warning) => warning.message).join('; ') });
    }
    try {
      const found = await finder.find(file, data, type, content, null, electronVersion);
      // An `eng-disable` comment would hide the finding, and the global checks would drop it.
      // The allow-list is the only place for exceptions, so the comment is only remembered.
      for (const issue of found) {
        if (issue.visibility?.inlineDisabled === true) {
          issue.visibility.inlineDisabled = false;
          issue.engDisableComment = true;
        }
      }
      issues.push(...found);
    } catch (error) {
      parseErrors.push({ file, message: error instanceof Error ? error.message : String(error) });
    }
  }
  // The second pass combines findings across files, e.g. it drops a navigation finding when
  // both will-navigate and setWindowOpenHandler are handled somewhere.
  issues = await globalChecks.getResults(issues, 'quiet');
  const findings = issues
    .filter((issue) => issue.visibility?.globalCheckDisabled !== true)
    .map((issue) => ({
      check: issue.id,
      // Global checks report app-wide findings with the file "N/A".
      file: issue.file === 'N/A' ? '' : issue.file,
      line: issue.location?.line ?? 0,
      column: issue.location?.column ?? 0,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      manualReview: issue.manualReview === true,
      description: issue.description ?? '',
      link: issue.shortenedURL ?? '',
      sample: issue.sample ?? '',
      engDisableComment: issue.engDisableComment === true,
    }));

  return {
    engineVersion: engine.version,
    checkCount: globalChecks._enabled_checks.length + finder._enabled_checks.length,
    checkIds: knownCheckIds(finder, globalChecks),
    findings,
    parseErrors,
    blockedRequests: engine.blockedRequests,
  };
}

function knownCheckIds(finder, globalChecks) {
  const ids = new Set([ONLINE_CHECK]);
  const atomicChecks = [...finder._checks_by_type.values()].flat();
  for (const check of [...atomicChecks, ...globalChecks._constructed_checks]) {
    if (typeof check.id === 'string') {
      ids.add(check.id);
    }
  }
  return ids;
}

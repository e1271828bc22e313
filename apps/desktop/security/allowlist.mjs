// The allow-list of Electronegativity findings that were reviewed and are kept on purpose.
//
// Each entry names one check, the file it applies to (omitted for app-wide findings, which have
// no file) and the reason. Entries match by check and file, not by line, so edits elsewhere in
// the file do not invalidate them. An entry that matches no finding fails the gate, so that a
// justification never outlives the code it describes.

import { readFileSync } from 'node:fs';

const ENTRY_KEYS = new Set(['check', 'file', 'reason']);
const MIN_REASON_LENGTH = 20;

/**
 * Reads and validates the allow-list file at `path`. Throws an error naming the file, the entry
 * and the fix when the file is missing, not JSON, or an entry is malformed or names a check
 * that `knownCheckIds` does not contain.
 */
export function readAllowlist(path, knownCheckIds) {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the allow-list ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`invalid allow-list ${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const entries = typeof parsed === 'object' && parsed !== null ? parsed.entries : undefined;
  if (!Array.isArray(entries)) {
    throw new Error(`invalid allow-list ${path}: expected an object with an "entries" array, such as {"entries": []}`);
  }
  return entries.map((entry, index) => parseEntry(entry, `${path} entry ${index + 1}`, knownCheckIds));
}

function parseEntry(entry, where, knownCheckIds) {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    throw new Error(`invalid ${where}: expected an object with "check", "file" and "reason"`);
  }
  for (const key of Object.keys(entry)) {
    if (!ENTRY_KEYS.has(key)) {
      throw new Error(`invalid ${where}: unknown key ${JSON.stringify(key)}; use only "check", "file" and "reason"`);
    }
  }
  const { check, file, reason } = entry;
  if (typeof check !== 'string' || !knownCheckIds.has(check)) {
    throw new Error(
      `invalid ${where}: unknown check ${JSON.stringify(check)}; use an id from the scan output, such as "PRELOAD_JS_CHECK"`,
    );
  }
  if (file !== undefined && (typeof file !== 'string' || file === '' || file.includes('\\') || file.startsWith('/'))) {
    throw new Error(
      `invalid ${where}: file ${JSON.stringify(file)} must be a path relative to the app folder with forward slashes, such as "src/main/window.ts"`,
    );
  }
  if (typeof reason !== 'string' || reason.trim().length < MIN_REASON_LENGTH) {
    throw new Error(
      `invalid ${where}: reason ${JSON.stringify(reason)} must say in at least ${MIN_REASON_LENGTH} characters why the finding is safe`,
    );
  }
  return { check, file: file ?? '', reason: reason.trim() };
}

/** Returns a stable label for an allow-list entry, for messages. */
export function describeEntry(entry) {
  return entry.file === '' ? `${entry.check} (app-wide)` : `${entry.check} in ${entry.file}`;
}

/**
 * Splits findings into those an allow-list entry justifies and those it does not, and returns
 * the entries that matched no finding. `finding.file` must be relative to the app folder, with
 * forward slashes and an empty string for app-wide findings.
 */
export function applyAllowlist(findings, entries) {
  const used = new Set();
  const allowed = [];
  const unjustified = [];
  for (const finding of findings) {
    const entry = entries.find((candidate) => candidate.check === finding.check && candidate.file === finding.file);
    if (entry === undefined) {
      unjustified.push(finding);
    } else {
      used.add(entry);
      allowed.push({ finding, reason: entry.reason });
    }
  }
  const unused = entries.filter((entry) => !used.has(entry));
  return { allowed, unjustified, unused };
}

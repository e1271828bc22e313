import { buildCli } from './support.js';

/** Builds dist/main.js once before any test file spawns it, so no file runs a half-written bundle. */
export default function setup(): void {
  buildCli();
}

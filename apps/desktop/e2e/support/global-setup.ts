import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DESKTOP_DIR, RENDERER_OUT_DIR, SERVER_DIR, SERVER_ENTRY } from './paths';

/**
 * Builds the desktop app (which includes the web terminal) and the server, so the tests never
 * run against a stale build. Set LASTRO_E2E_SKIP_BUILD=1 to reuse existing builds.
 */
export default function globalSetup(): void {
  if (process.env['LASTRO_E2E_SKIP_BUILD'] !== '1') {
    execFileSync('pnpm', ['exec', 'electron-vite', 'build'], { cwd: DESKTOP_DIR, stdio: 'inherit' });
    execFileSync(process.execPath, ['build.mjs'], { cwd: SERVER_DIR, stdio: 'inherit' });
  }
  if (!existsSync(join(RENDERER_OUT_DIR, 'index.html'))) {
    throw new Error(`missing ${RENDERER_OUT_DIR}/index.html: run "pnpm --filter @lastro/desktop build"`);
  }
  if (!existsSync(SERVER_ENTRY)) {
    throw new Error(`missing ${SERVER_ENTRY}: run "cd apps/server && node build.mjs"`);
  }
}

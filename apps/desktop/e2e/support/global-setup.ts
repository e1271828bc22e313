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
    // The package's own bin, not `pnpm exec`: pnpm may be running through npx and not be on PATH.
    const windows = process.platform === 'win32';
    const electronVite = join(DESKTOP_DIR, 'node_modules', '.bin', windows ? 'electron-vite.cmd' : 'electron-vite');
    execFileSync(electronVite, ['build'], { cwd: DESKTOP_DIR, stdio: 'inherit', shell: windows });
    execFileSync(process.execPath, ['build.mjs'], { cwd: SERVER_DIR, stdio: 'inherit' });
  }
  if (!existsSync(join(RENDERER_OUT_DIR, 'index.html'))) {
    throw new Error(`missing ${RENDERER_OUT_DIR}/index.html: run "pnpm --filter @lastro/desktop build"`);
  }
  if (!existsSync(SERVER_ENTRY)) {
    throw new Error(`missing ${SERVER_ENTRY}: run "cd apps/server && node build.mjs"`);
  }
}

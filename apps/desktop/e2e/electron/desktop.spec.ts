import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, test, type ElectronApplication, type Page } from '@playwright/test';
import {
  connectionIndicatorReadsOnline,
  loanBookShowsRowsInPortuguese,
  pixDepositRaisesBalance,
  wrongPasswordShowsError,
} from '../scenarios';
import { DESKTOP_DIR } from '../support/paths';
import { useLastroServer } from '../support/server';

/**
 * Path of the Electron binary, read the way the `electron` package does, or undefined when the
 * download never happened. Requiring `electron` instead would try to download it.
 */
function electronBinary(): string | undefined {
  const packageDir = join(DESKTOP_DIR, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return undefined;
  }
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

const SCENARIOS: Array<[string, (page: Page, serverUrl: string) => Promise<void>]> = [
  ['PIX deposit raises the balance live', pixDepositRaisesBalance],
  ['wrong password shows the error', (page) => wrongPasswordShowsError(page)],
  ['loan book shows rows in pt-BR', (page) => loanBookShowsRowsInPortuguese(page)],
  ['connection indicator reads online', (page) => connectionIndicatorReadsOnline(page)],
];

const binary = electronBinary();
const skipReason = `Electron binary not installed on this machine: ${SCENARIOS.length} scenarios skipped`;
if (binary === undefined) {
  // The list reporter shows skipped tests without their reason, so print it once.
  process.stderr.write(`${skipReason}\n`);
}

test.describe('desktop app', () => {
  test.skip(binary === undefined, skipReason);

  const server = useLastroServer();
  let app: ElectronApplication | undefined;
  let userDataDir: string | undefined;

  test.beforeEach(async () => {
    userDataDir = mkdtempSync(join(tmpdir(), 'lastro-electron-'));
    app = await electron.launch({
      executablePath: binary,
      args: [DESKTOP_DIR],
      env: { ...process.env, LASTRO_SERVER_URL: server().url, LASTRO_USER_DATA_DIR: userDataDir },
    });
  });

  test.afterEach(async () => {
    // Closing the window only hides it to the tray, so quit the app itself.
    await app?.evaluate(({ app: electronApp }) => electronApp.exit(0)).catch(() => undefined);
    await app?.close().catch(() => undefined);
    app = undefined;
    if (userDataDir !== undefined) {
      rmSync(userDataDir, { recursive: true, force: true });
    }
  });

  for (const [title, scenario] of SCENARIOS) {
    test(title, async () => {
      if (app === undefined) {
        throw new Error('the Electron app did not start');
      }
      const page = await app.firstWindow();
      await scenario(page, server().url);
    });
  }
});

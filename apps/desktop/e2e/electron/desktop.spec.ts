import { expect, test, type Browser } from '@playwright/test';
import { NotificationsPage } from '../pages/notifications-page';
import {
  alertRevokeEndsSessionAtOnce,
  connectionIndicatorReadsOnline,
  createDepositCharge,
  investorLogsIn,
  invalidDepositAmountRejected,
  languageSwitchShowsEnglish,
  loanBookShowsRowsInPortuguese,
  logInAsInvestor,
  logInOnAnotherDevice,
  newDeviceLoginRaisesAlert,
  pixDepositRaisesBalance,
  wrongPasswordShowsError,
} from '../scenarios';
import { newReceivedPix, postPixCallback } from '../support/pix';
import { countToastsAdded, toastsAdded } from '../support/toasts';
import { startLastroServer, type LastroServer } from '../support/server';
import {
  electronBinary,
  launchDesktopApp,
  mainLogText,
  minimiseWindow,
  presentedNotificationIds,
  restoreWindow,
  trayStatus,
  windowState,
  type DesktopApp,
} from './desktop-app';

/** What a scenario gets: the running app, the server it talks to and a browser for a second device. */
interface ScenarioContext {
  desktop: DesktopApp;
  server: LastroServer;
  browser: Browser;
}

/** Minimises the window, pays a PIX and checks that the main process presented it through the OS. */
async function pixWhileMinimisedNotifiesThroughOs({ desktop, server }: ScenarioContext): Promise<void> {
  const page = desktop.window;
  await countToastsAdded(page);
  // The counter starts with the next document load; the login screen survives a reload.
  await page.reload();
  await logInAsInvestor(page);
  const pix = newReceivedPix(await createDepositCharge(page), '75.00');
  const id = `pix:${pix.endToEndId}`;
  const notifications = new NotificationsPage(page);

  await minimiseWindow(desktop.app);
  await postPixCallback(server.url, pix);

  // The main process's presenter records each id it handles in this file. The window is
  // minimised, so the renderer hands the notification to the main process, which chooses the OS.
  await expect
    .poll(() => presentedNotificationIds(desktop.userDataDir), { message: `the main process never presented ${id}` })
    .toContain(id);
  expect((await windowState(desktop.app)).minimised).toBe(true);

  await restoreWindow(desktop.app);
  await notifications.open();
  await expect(notifications.item(id)).toHaveCount(1);
  await expect(notifications.item(id)).toHaveAttribute('data-unread', 'true');
  // When node-notifier and Electron's Notification both fail, the renderer shows the toast
  // instead, so no toast at all means an OS notification was shown.
  expect(await toastsAdded(page, id)).toBe(0);
  // Electron's Notification reports success even where nothing can show it, so also require that
  // node-notifier itself worked (on Linux it needs a notification daemon on the session bus).
  expect(mainLogText(desktop.userDataDir) ?? '').not.toContain('node-notifier failed');
}

/** Logs in from a second device and checks the tray's alert from the main process, then its end. */
async function suspiciousLoginAlertsInTray({ desktop, server, browser }: ScenarioContext): Promise<void> {
  const page = desktop.window;
  await logInAsInvestor(page);
  // The renderer sets the tray state from the connection, which is normal for a signed-in session.
  await expect.poll(async () => (await trayStatus(desktop.app)).iconFileName).toBe('tray.png');
  expect((await trayStatus(desktop.app)).alert).toBeNull();

  const errors: string[] = [];
  const second = await logInOnAnotherDevice(browser, server.appUrl, (error) => errors.push(error.message));
  try {
    const login = await newDeviceLoginRaisesAlert(page, second);

    await expect.poll(async () => (await trayStatus(desktop.app)).alert?.sessionId).toBe(login.secondSessionId);
    const raised = await trayStatus(desktop.app);
    expect(raised.iconFileName).toBe('tray-alert.png');
    expect(raised.tooltip).toMatch(/^Lastro: novo acesso em /);
    expect(raised.menuLabels).toContain('Ver alerta');
    expect(raised.menuLabels).toContain('Não fui eu — encerrar sessão');

    await alertRevokeEndsSessionAtOnce(page, second, login);
    await expect.poll(async () => (await trayStatus(desktop.app)).alert).toBeNull();
    expect((await trayStatus(desktop.app)).menuLabels).not.toContain('Ver alerta');
  } finally {
    await second.close();
  }
  expect(errors).toEqual([]);
}

/** Scenarios shared with the web suite (see ../scenarios.ts), then the desktop-only ones. */
const SCENARIOS: Array<[string, (context: ScenarioContext) => Promise<void>]> = [
  ['investor logs in', ({ desktop }) => investorLogsIn(desktop.window)],
  ['PIX deposit raises the balance live', ({ desktop, server }) => pixDepositRaisesBalance(desktop.window, server.url)],
  ['wrong password shows the error', ({ desktop }) => wrongPasswordShowsError(desktop.window)],
  ['loan book shows rows in pt-BR', ({ desktop }) => loanBookShowsRowsInPortuguese(desktop.window)],
  ['connection indicator reads online', ({ desktop }) => connectionIndicatorReadsOnline(desktop.window)],
  ['deposit rejects an invalid amount', ({ desktop }) => invalidDepositAmountRejected(desktop.window)],
  ['language switch shows English', ({ desktop }) => languageSwitchShowsEnglish(desktop.window)],
  ['PIX while minimised notifies through the OS', pixWhileMinimisedNotifiesThroughOs],
  ['suspicious login alerts in the tray', suspiciousLoginAlertsInTray],
];

const binary = electronBinary();
const skipReason = `Electron binary not installed on this machine: ${SCENARIOS.length} scenarios skipped`;
if (binary === undefined) {
  // The list reporter shows skipped tests without their reason, so print it once.
  process.stderr.write(`${skipReason}\n`);
}

test.describe('desktop app', () => {
  test.skip(binary === undefined, skipReason);

  // One server per test: every launch is a new device, and sessions left active by an earlier
  // test would otherwise raise security alerts in a later one.
  let server: LastroServer | undefined;
  let desktop: DesktopApp | undefined;

  test.beforeEach(async () => {
    if (binary === undefined) {
      throw new Error(skipReason);
    }
    server = await startLastroServer();
    desktop = await launchDesktopApp(binary, server.url);
  });

  test.afterEach(async () => {
    await desktop?.close();
    desktop = undefined;
    await server?.stop();
    server = undefined;
  });

  for (const [title, scenario] of SCENARIOS) {
    test(title, async ({ browser }) => {
      if (desktop === undefined || server === undefined) {
        throw new Error('the Electron app or its server did not start');
      }
      await scenario({ desktop, server, browser });
    });
  }
});

import { expect, test, type Browser, type Locator, type Page, type TestInfo } from '@playwright/test';
import { ChatPage } from '../pages/chat-page';
import { LoanDetailPage } from '../pages/loan-detail-page';
import { LoginPage } from '../pages/login-page';
import { SupportPage } from '../pages/support-page';
import { logInAsInvestor } from '../scenarios';
import { DEMO_PASSWORD, useLastroServer } from '../support/server';

const server = useLastroServer();

/** Window sizes of common laptops and desktops. */
const VIEWPORTS = [
  { width: 1024, height: 700 },
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
];

/** Sub-pixel slack for comparing layout boxes. */
const EPSILON_PX = 0.5;

interface Box {
  text: string;
  scrollWidth: number;
  clientWidth: number;
  scrollHeight: number;
  clientHeight: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Reads the text, content size and bounding box of every element `locator` matches. */
async function boxes(locator: Locator): Promise<Box[]> {
  return locator.evaluateAll((elements) =>
    elements.map((element) => {
      const rect = element.getBoundingClientRect();
      return {
        text: element.textContent ?? '',
        scrollWidth: element.scrollWidth,
        clientWidth: element.clientWidth,
        scrollHeight: element.scrollHeight,
        clientHeight: element.clientHeight,
        left: rect.left,
        right: rect.right,
        top: rect.top,
        bottom: rect.bottom,
      };
    }),
  );
}

async function expectNoClipping(locator: Locator, label: string): Promise<void> {
  const found = await boxes(locator);
  expect(found.length, `${label}: no elements`).toBeGreaterThan(0);
  for (const box of found) {
    expect(box.scrollWidth, `${label} "${box.text}" is wider than its cell`).toBeLessThanOrEqual(box.clientWidth);
    expect(box.scrollHeight, `${label} "${box.text}" wraps or is taller than its cell`).toBeLessThanOrEqual(
      box.clientHeight,
    );
  }
}

/** Checks that every box lies horizontally inside `container`, so a scroll container does not hide part of it. */
async function expectInside(locator: Locator, container: Locator, label: string): Promise<void> {
  const [outer] = await boxes(container);
  expect(outer, `${label}: container missing`).toBeDefined();
  for (const box of await boxes(locator)) {
    expect(box.left, `${label} "${box.text}" starts left of its panel`).toBeGreaterThanOrEqual((outer?.left ?? 0) - EPSILON_PX);
    expect(box.right, `${label} "${box.text}" ends right of its panel`).toBeLessThanOrEqual((outer?.right ?? 0) + EPSILON_PX);
  }
}

async function logInAt(page: Page, viewport: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(viewport);
  await page.goto(`${server().appUrl}#/login`);
  const dashboard = await logInAsInvestor(page);
  await expect(dashboard.statementRows.first()).toBeVisible();
  await expect(dashboard.loanRows.first()).toBeVisible();
}

for (const viewport of VIEWPORTS) {
  const size = `${viewport.width}x${viewport.height}`;

  test(`statement shows full amounts at ${size}`, async ({ page }) => {
    await logInAt(page, viewport);
    const scroll = page.locator('.statement__scroll');
    const amounts = page.getByTestId('statement-amount');
    const amountHeader = page.locator('[data-testid="statement"] th.amount');

    await expect(amountHeader).toHaveText('Valor');
    await expect(amounts.first()).toHaveText(/^\+R\$\u00a0[\d.]+,\d{2}$/);
    await expectNoClipping(amounts, 'statement amount');
    await expectInside(amounts, scroll, 'statement amount');
    await expectInside(amountHeader, scroll, 'statement header');
    const [scrollBox] = await boxes(scroll);
    expect(scrollBox?.scrollWidth, 'the statement scrolls sideways').toBeLessThanOrEqual(scrollBox?.clientWidth ?? 0);
  });

  test(`loan rows never wrap or overlap at ${size}`, async ({ page }) => {
    await logInAt(page, viewport);
    const rows = page.getByTestId('loan-row');

    await expectNoClipping(page.getByTestId('loan-rate'), 'loan rate');
    await expectNoClipping(page.getByTestId('loan-amount'), 'loan amount');
    await expectNoClipping(page.getByTestId('loan-term'), 'loan term');
    await expectNoClipping(page.getByTestId('loan-status'), 'loan status');
    await expectNoClipping(page.locator('.loan-grid__row--head > [role="columnheader"]:visible'), 'loan column header');
    await expectInside(page.getByTestId('loan-rate'), page.locator('.loan-grid__frame'), 'loan rate');
    await expectInside(page.getByTestId('loan-amount'), page.locator('.loan-grid__frame'), 'loan amount');

    const rowBoxes = (await boxes(rows)).sort((a, b) => a.top - b.top);
    expect(rowBoxes.length).toBeGreaterThan(1);
    for (let index = 1; index < rowBoxes.length; index += 1) {
      const previous = rowBoxes[index - 1];
      const current = rowBoxes[index];
      expect(current?.top, `row "${current?.text}" overlaps the row above`).toBeGreaterThanOrEqual(
        (previous?.bottom ?? 0) - EPSILON_PX,
      );
    }
  });
}

test('narrow window hides purpose and UF', async ({ page }) => {
  await logInAt(page, { width: 1024, height: 700 });
  await expect(page.getByRole('columnheader', { name: 'Finalidade' })).toBeHidden();
  await expect(page.getByRole('columnheader', { name: 'UF' })).toBeHidden();
  await expect(page.getByRole('columnheader', { name: 'Taxa' })).toBeVisible();

  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(page.getByRole('columnheader', { name: 'Finalidade' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'UF' })).toBeVisible();
});

/** Window sizes the chat screens are checked at: a small laptop, a common laptop and a desktop. */
const CHAT_VIEWPORTS = [
  { width: 1024, height: 700 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

/** A loan of the demo borrower, so its chat is available. */
const CHAT_LOAN = 'emp-00008';

/** Checks that the page does not scroll sideways. */
async function expectNoHorizontalOverflow(page: Page, label: string): Promise<void> {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll, `${label} scrolls sideways`).toBeLessThanOrEqual(widths.client);
}

/**
 * Checks that the element lies wholly inside the window while the page is scrolled to its top,
 * so it is reachable without scrolling the page. Typing into a field scrolls it into view, so
 * the page goes back to the top first.
 */
async function expectInWindow(page: Page, locator: Locator, label: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await locator.boundingBox();
  const size = page.viewportSize();
  expect(box, `${label} is not rendered`).not.toBeNull();
  expect(size).not.toBeNull();
  expect(box!.y, `${label} starts above the window`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${label} ends below the window`).toBeLessThanOrEqual(size!.height + EPSILON_PX);
  expect(box!.x + box!.width, `${label} ends right of the window`).toBeLessThanOrEqual(size!.width + EPSILON_PX);
}

/** Saves a full-window screenshot next to the test's other output, to look at after a run. */
async function snapshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

async function logInWith(browser: Browser, viewport: { width: number; height: number }, email: string): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`${server().appUrl}#/login`);
  const login = new LoginPage(page);
  await login.expectVisible();
  await login.logIn(email, DEMO_PASSWORD);
  return page;
}

for (const viewport of CHAT_VIEWPORTS) {
  const size = `${viewport.width}x${viewport.height}`;

  test(`chat screens fit the window at ${size}`, async ({ browser }, testInfo) => {
    const investorPage = await logInWith(browser, viewport, 'investidor@lastro.demo');
    const borrowerPage = await logInWith(browser, viewport, 'tomador@lastro.demo');
    const supportPage = await logInWith(browser, viewport, 'suporte@lastro.demo');
    try {
      // Investor: the loan detail keeps the composer in the window beside the loan.
      const investor = new ChatPage(investorPage);
      await expect(investorPage.getByTestId('nav-chats')).toBeVisible({ timeout: 30_000 });
      await new LoanDetailPage(investorPage).open(CHAT_LOAN);
      await expect(investor.panel.root).toBeVisible();
      const text = `Pergunta de leiaute em ${size}.`;
      await investor.panel.send(text);
      await expect(investor.panel.message(text)).toHaveAttribute('data-status', 'accepted');
      await expectInWindow(investorPage, investor.panel.input, 'investor composer input');
      await expectInWindow(investorPage, investor.panel.sendButton, 'investor send button');
      await expectInWindow(investorPage, investor.panel.quota, 'investor quota');
      await expectNoHorizontalOverflow(investorPage, 'investor loan detail');
      await snapshot(investorPage, testInfo, `investor-loan-${size}`);

      await investor.openChatList();
      await expect(investor.rooms.first()).toBeVisible();
      await expectNoHorizontalOverflow(investorPage, 'investor conversations');
      await snapshot(investorPage, testInfo, `investor-chats-${size}`);

      // Borrower: "Meus pedidos", then the conversation filling the window.
      const borrower = new ChatPage(borrowerPage);
      const request = borrower.loanRequest(CHAT_LOAN);
      await expect(request.getByTestId('chat-room').first()).toBeVisible({ timeout: 30_000 });
      await expectNoHorizontalOverflow(borrowerPage, 'borrower requests');
      await snapshot(borrowerPage, testInfo, `borrower-requests-${size}`);

      await request.getByTestId('chat-room').first().getByRole('link').click();
      await expect(borrower.panel.message(text)).toBeVisible();
      await expectInWindow(borrowerPage, borrower.panel.input, 'borrower composer input');
      await expectInWindow(borrowerPage, borrower.panel.sendButton, 'borrower send button');
      await expectNoHorizontalOverflow(borrowerPage, 'borrower conversation');
      const panelBox = await borrower.panel.root.boundingBox();
      expect(panelBox, 'borrower chat panel is not rendered').not.toBeNull();
      // The conversation uses the height of the window, not a short fixed list.
      expect(panelBox!.y + panelBox!.height, 'the borrower conversation leaves the bottom of the window empty').toBeGreaterThan(viewport.height - 60);
      await snapshot(borrowerPage, testInfo, `borrower-conversation-${size}`);

      // Support console.
      const support = new SupportPage(supportPage);
      await support.expectLoaded();
      await expect(support.heldQueue).toHaveAttribute('data-count', /^\d+$/);
      await expectNoHorizontalOverflow(supportPage, 'support console');
      await snapshot(supportPage, testInfo, `support-${size}`);
    } finally {
      for (const page of [investorPage, borrowerPage, supportPage]) {
        await page.context().close();
      }
    }
  });
}

import { expect, test, type Locator, type Page } from '@playwright/test';
import { logInAsInvestor } from '../scenarios';
import { useLastroServer } from '../support/server';

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

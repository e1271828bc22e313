import { expect, test } from '@playwright/test';

/**
 * Opens the login screen before each test of the calling file and fails the test when its page
 * threw an uncaught error. Returns the listener to attach to other pages the test opens, such as
 * a second device, so their errors fail the test too.
 */
export function failOnUncaughtErrors(appUrl: () => string): (source: string) => (error: Error) => void {
  let problems: string[] = [];
  test.beforeEach(async ({ page }) => {
    problems = [];
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    await page.goto(`${appUrl()}#/login`);
  });
  test.afterEach(() => {
    expect(problems).toEqual([]);
  });
  return (source) => (error) => problems.push(`uncaught on ${source}: ${error.message}`);
}

import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

export const screenshotDir = path.resolve(__dirname, '..', '..', 'test-results', 'screenshots');
export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 360, height: 740 };
export const DEMO_PASSWORD = 'mat-khau-demo-2026';
export const CITY_LEADER = 'lanhdao@vpubnd.hanoi.gov.vn';

/** Tests address the system that system.ts started. */
export const test = base.extend({
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use) => use(process.env.WEB_BASE_URL),
});
export { expect };

/** No serious or critical accessibility violation (axe, WCAG 2.1 A and AA rules). */
export async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
}

/** The page fits a 360 px phone: nothing wider than the viewport, so no horizontal scrolling. */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  // Layout after a viewport change settles asynchronously (resize observers redraw charts): wait for it.
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth))
    .toBeLessThanOrEqual(0);
}

/**
 * Checks a page at desktop and phone width (accessibility at both, no horizontal scrolling on the phone), with a
 * full-page screenshot of each into test-results/screenshots. `ready` waits for the page's data.
 */
export async function checkPage(page: Page, name: string, ready: () => Promise<void>): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.setViewportSize(DESKTOP);
  await ready();
  await expectAccessible(page);
  await page.screenshot({ path: path.join(screenshotDir, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize(PHONE);
  await ready();
  await expectNoHorizontalOverflow(page);
  await expectAccessible(page);
  await page.screenshot({ path: path.join(screenshotDir, `${name}-phone.png`), fullPage: true });
}

export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/dang-nhap');
  await page.getByLabel('Thư điện tử').fill(email);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/** Signs in through the form as `email`, signing out first whoever this tab holds (a journey changes people). */
export async function signInAs(page: Page, email: string): Promise<void> {
  await page.goto('/');
  const signOut = page.getByRole('button', { name: 'Đăng xuất' });
  if (await signOut.isVisible()) {
    await signOut.click();
    await expect(signOut).toBeHidden();
    // Signed out on a work page, the sign-in page would send the next person back to it: start from a fresh page.
    await page.goto('/');
  }
  await signIn(page, email);
  await expect(signOut).toBeVisible();
}

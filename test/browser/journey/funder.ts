import type { Page } from '@playwright/test';
import { expect } from '../fixtures';
import { signInAs } from '../fixtures';

/** The demo's co-funder (nhà đồng tài trợ). */
export const DEMO_FUNDER = 'dongtaitro@quylongbien.vn';

/** Signs in through the form as the co-funder; the sign-in lands on its pages. */
export async function signInAsFunder(page: Page, email = DEMO_FUNDER): Promise<void> {
  await signInAs(page, email);
  await expect(page).toHaveURL(/\/dong-tai-tro(\/|$)/);
}

/** The co-funder pledges part of a draft order's max amount ("200.000.000" or digits); the terms then name it. */
export async function pledgeToOrder(
  page: Page,
  { orderId, amount }: { orderId: string; amount: string },
  email = DEMO_FUNDER,
): Promise<void> {
  await signInAsFunder(page, email);
  await page.goto(`/dong-tai-tro/don-hang/${orderId}`);
  await page.getByLabel('Số tiền cam kết (đồng)', { exact: true }).fill(amount);
  await page.getByRole('button', { name: 'Cam kết tài trợ' }).click();
  await expect(page.getByText(/^Quỹ đã cam kết .* cho đơn hàng này\.$/)).toBeVisible();
}

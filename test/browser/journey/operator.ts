import type { Page } from '@playwright/test';
import { expect } from '../fixtures';
import { signInAs } from '../fixtures';

export const OPERATOR = 'quantri@sokhcn.hanoi.gov.vn';

/** Signs in as the demo operator admin and opens one section of the administration by its menu link. */
export async function openAdministration(page: Page, section: string): Promise<void> {
  await signInAs(page, OPERATOR);
  await expect(page).toHaveURL(/\/quan-tri$/);
  await page.getByRole('navigation', { name: 'Các mục quản trị' }).getByRole('link', { name: section }).click();
}

/**
 * Journey step (when an agency needs more budget than the demo gave it): the operator allocates `amount` đồng to the
 * agency under a decision reference, and waits until the agency's available balance has grown by it.
 */
export async function allocateBudget(page: Page, agencyName: string, amount: bigint, reference: string): Promise<void> {
  await openAdministration(page, 'Ngân sách và đồng tài trợ');
  const form = page.getByRole('region', { name: 'Cấp ngân sách cho cơ quan' });
  await form.getByLabel('Cơ quan đặt hàng').selectOption({ label: agencyName });
  const balance = form.getByTestId('balance-allocation');
  await expect(balance).toBeVisible();
  const before = dongIn(await balance.textContent());
  await form.getByLabel('Số tiền (đồng)').fill(amount.toString());
  await form.getByLabel('Số quyết định / chứng từ').fill(reference);
  await form.getByRole('button', { name: 'Cấp ngân sách' }).click();
  await expect.poll(async () => dongIn(await balance.textContent())).toBe(before + amount);
}

/** The amount written `1.234.567 đ` at the end of a text. */
function dongIn(text: string | null): bigint {
  const match = /([\d.]+)\s*đ$/.exec(text?.trim() ?? '');
  if (!match) throw new Error(`no amount in "${text}"`);
  return BigInt(match[1].replaceAll('.', ''));
}

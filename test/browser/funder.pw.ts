import { formatDong } from '../../apps/web/src/format';
import { checkPage, expect, test } from './fixtures';
import { bearer, draftHealthOrder, signAsHealthVendor, signOrder } from './journey/buyer';
import { DEMO_FUNDER, pledgeToOrder, signInAsFunder } from './journey/funder';

test.describe('the co-funder (nhà đồng tài trợ)', () => {
  test('its pool, statement and funded orders with their results render the demo data', async ({ page, request }) => {
    const headers = await bearer(request, DEMO_FUNDER);
    const me = (await (await request.get('/me', { headers })).json()) as { organisationId: string };
    const pool = (await (await request.get(`/funders/${me.organisationId}/pool`, { headers })).json()) as {
      available: string;
    };

    await signInAsFunder(page);
    await page.getByRole('link', { name: 'Quỹ đồng tài trợ' }).click();
    await checkPage(page, 'funder-pool', async () => {
      await expect(page.getByTestId('pool-available')).toHaveText(formatDong(pool.available));
      await expect(page.getByTestId('statement').getByText('Nộp vào quỹ')).toBeVisible();
      await expect(page.getByTestId('statement').getByText('Giữ vào ký quỹ đơn hàng').first()).toBeVisible();
    });

    await page.getByRole('link', { name: 'Đơn hàng tài trợ' }).click();
    await checkPage(page, 'funder-orders', async () => {
      await expect(page.getByTestId('orders').getByText('Đang triển khai').first()).toBeVisible();
    });
    await page.getByTestId('orders').getByRole('link').first().click();
    await checkPage(page, 'funder-order', async () => {
      await expect(page.getByText(/^Quỹ đã góp .* vào ký quỹ của đơn hàng này\.$/)).toBeVisible();
      await expect(page.getByTestId('round-1')).toBeVisible();
    });
  });

  test('pledges to a draft order after a refused amount, and the signed order draws on its pool', async ({
    page,
    request,
  }) => {
    test.setTimeout(600_000);
    const { orderId } = await draftHealthOrder(request, { tag: `vốn mồi ${Date.now()}`, price: '900000000' });

    await signInAsFunder(page);
    await page.goto(`/dong-tai-tro/don-hang/${orderId}`);
    const amount = page.getByLabel('Số tiền cam kết (đồng)', { exact: true });
    await amount.fill('hai trăm triệu');
    await page.getByRole('button', { name: 'Cam kết tài trợ' }).click();
    await expect(amount).toHaveAttribute('aria-invalid', 'true');
    const refused = await request.post(`/orders/${orderId}/pledges`, {
      headers: await bearer(request, DEMO_FUNDER),
      data: { amount: 'haitrămtriệu' },
    });
    const { details } = (await refused.json()) as { details: Array<{ field: string; problems: string[] }> };
    await expect(amount).toHaveAccessibleDescription(new RegExp(literally(details[0].problems.join(' '))));
    await checkPage(page, 'funder-pledge-refused', async () => {
      await expect(amount).toHaveAttribute('aria-invalid', 'true');
    });
    await amount.fill('900.000.001');
    await page.getByRole('button', { name: 'Cam kết tài trợ' }).click();
    await expect(page.getByTestId('form-failure')).toContainText('vượt');

    await pledgeToOrder(page, { orderId, amount: '300.000.000' });
    await signOrder(page, { orderId });
    await signAsHealthVendor(request, orderId);

    await signInAsFunder(page);
    await page.goto(`/dong-tai-tro/don-hang/${orderId}`);
    await expect(page.getByText('Quỹ đã góp 300.000.000\u00a0đ vào ký quỹ của đơn hàng này.')).toBeVisible();
    await page.getByRole('link', { name: 'Quỹ đồng tài trợ' }).click();
    const newest = page.getByTestId('statement').getByRole('row').nth(1);
    await expect(newest).toContainText('-300.000.000\u00a0đ');
    await expect(newest).toContainText(`Đơn hàng ${orderId.slice(0, 8)}`);
  });
});

const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

import type { APIRequestContext } from '@playwright/test';
import { checkPage, DEMO_PASSWORD, expect, test } from './fixtures';
import { listSolutionAndAnswerPrecheck, offerOnCall, openVendorPage, seePayment, signOrder } from './journey/vendor';

const BUYER = 'dathang@sokhcn.hanoi.gov.vn';
const SETTLED_PROBLEM = 'BT-14 · Giảm ùn tắc giao thông tại các điểm nóng';
const FLOOD_PROBLEM = 'BT-15 · Giảm điểm ngập úng tái diễn';
const FLOOD_SOLUTION = 'Cảnh báo sớm ngập úng đô thị theo thời gian thực';

async function client(request: APIRequestContext, email: string) {
  const login = await request.post('/auth/login', { data: { email, password: DEMO_PASSWORD } });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const headers = { authorization: `Bearer ${accessToken}` };
  return {
    get: async <T>(url: string) => (await (await request.get(url, { headers })).json()) as T,
    post: async <T>(url: string, data: object) => {
      const response = await request.post(url, { headers, data });
      expect(response.ok(), await response.text()).toBe(true);
      return (await response.json()) as T;
    },
  };
}

test.describe('the vendor’s work pages', () => {
  test('main pages render the demo data, at desktop and phone width, accessibly', async ({ page }) => {
    await openVendorPage(page, 'Hồ sơ tổ chức');
    await checkPage(page, 'vendor-profile', async () => {
      await expect(page.getByTestId('organisation')).toContainText('Công ty Cổ phần Giải pháp Số Thăng Long');
    });
    const menu = page.getByRole('navigation', { name: 'Trang của nhà cung cấp' });
    await menu.getByRole('link', { name: 'Giải pháp' }).click();
    await checkPage(page, 'vendor-solutions', async () => {
      await expect(page.getByTestId('solutions')).toContainText('Điều khiển đèn tín hiệu thích ứng bằng AI');
    });
    await page.getByRole('link', { name: 'Điều khiển đèn tín hiệu thích ứng bằng AI' }).click();
    await checkPage(page, 'vendor-solution', async () => {
      await expect(page.getByTestId('solution-facts')).toContainText('Đã niêm yết');
      await expect(page.getByTestId('versions')).toContainText('Đạt');
    });
    await menu.getByRole('link', { name: 'Lời mời chào giá' }).click();
    await checkPage(page, 'vendor-calls', async () => {
      await expect(page.getByRole('heading', { level: 1, name: 'Lời mời chào giá đang mở' })).toBeVisible();
      await expect(page.getByTestId('open-calls').or(page.getByText('Chưa có dữ liệu.'))).toBeVisible();
    });
    await menu.getByRole('link', { name: 'Đơn hàng' }).click();
    await page.getByTestId('orders').getByRole('link', { name: SETTLED_PROBLEM }).click();
    await checkPage(page, 'vendor-order', async () => {
      await expect(page.getByTestId('record').first()).toContainText('Giải thích');
      await expect(page.getByTestId('dispute-deadline').first()).toContainText('khiếu nại');
      await expect(page.getByTestId('settlements')).toBeVisible();
    });
    await menu.getByRole('link', { name: 'Số dư và thanh toán' }).click();
    await checkPage(page, 'vendor-money', async () => {
      await expect(page.getByTestId('payments')).toContainText('Thanh toán theo kết quả');
    });
    await menu.getByRole('link', { name: 'Điểm tín nhiệm' }).click();
    await checkPage(page, 'vendor-trust', async () => {
      await expect(page.getByRole('heading', { level: 1, name: 'Điểm tín nhiệm của tôi' })).toBeVisible();
      await expect(page.getByTestId('snapshot').or(page.getByText('Chưa có lần tính điểm nào.'))).toBeVisible();
    });
    await page.getByRole('link', { name: 'Thông báo' }).click();
    await checkPage(page, 'notifications', async () => {
      await expect(page.getByTestId('notifications').getByRole('listitem').first()).toBeVisible();
    });
  });

  test('a bad input shows the API’s Vietnamese message next to its field', async ({ page }) => {
    await openVendorPage(page, 'Giải pháp');
    await page.getByRole('link', { name: 'Thêm giải pháp' }).click();
    await page.getByLabel('Tên giải pháp').fill('ab');
    await page.getByLabel('Tóm tắt').fill('Một giải pháp có khoảng giá ngược để thử thông báo.');
    await page.getByLabel('Lĩnh vực').selectOption({ label: 'Giao thông' });
    await page.getByLabel('Chỉ số', { exact: true }).fill('Thời gian chờ đèn đỏ');
    await page.getByLabel('Giá tối thiểu (đồng)').fill('900000000');
    await page.getByLabel('Giá tối đa (đồng)').fill('200000000');
    await page.getByRole('button', { name: 'Tạo giải pháp' }).click();
    await expect(page.getByLabel('Tên giải pháp')).toHaveAccessibleDescription(/Cần ít nhất 3 ký tự/);

    await page.getByLabel('Tên giải pháp').fill('Giải pháp thử giá');
    await page.getByRole('button', { name: 'Tạo giải pháp' }).click();
    await expect(page.getByLabel('Giá tối đa (đồng)')).toHaveAccessibleDescription(
      /Giá tối thiểu lớn hơn giá tối đa\./,
    );
    await checkPage(page, 'vendor-solution-refused', async () => {
      await expect(page.getByTestId('form-failure')).toContainText('Giá tối thiểu lớn hơn giá tối đa.');
    });
  });

  test('lists a solution and answers the pre-check', async ({ page }) => {
    const { name } = await listSolutionAndAnswerPrecheck(page);
    await checkPage(page, 'vendor-precheck', async () => {
      await expect(page.getByRole('heading', { level: 1, name: `Tiền kiểm: ${name}` })).toBeVisible();
      await expect(page.getByTestId('precheck-status').first()).toHaveText('Đang thẩm định');
    });
  });

  test('offers on a call seeing the simulator, signs the awarded order, sees a payment', async ({ page, request }) => {
    test.setTimeout(600_000);
    const buyer = await client(request, BUYER);
    const problems = await buyer.get<{ items: Array<{ id: string; code: string }> }>('/problems?limit=200');
    const problem = problems.items.find((p) => p.code === 'BT-15')!;
    const call = await buyer.post<{ id: string }>('/calls', {
      problemId: problem.id,
      deadline: new Date(Date.now() + 150_000).toISOString(),
    });

    await offerOnCall(page, { problemTitle: FLOOD_PROBLEM, price: '2000000000', solutionName: FLOOD_SOLUTION });
    await checkPage(page, 'vendor-offer', async () => {
      await expect(page.getByTestId('payout-simulator').getByRole('img', { name: /Biểu đồ/ })).toBeVisible();
      await expect(page.getByTestId('own-offers')).toContainText('Đã nộp');
    });

    await expect(async () => {
      const offersAfterDeadline = await buyer.get<Array<{ id: string }>>(`/calls/${call.id}/offers`);
      expect(offersAfterDeadline.length).toBeGreaterThan(0);
      await buyer.post(`/calls/${call.id}/award`, { offerId: offersAfterDeadline[0].id });
    }).toPass({ timeout: 300_000, intervals: [5_000] });

    await signOrder(page, FLOOD_PROBLEM);
    await checkPage(page, 'vendor-sign', async () => {
      await expect(page.getByTestId('signatures')).toContainText('Nhà cung cấp');
    });

    const payment = await seePayment(page, SETTLED_PROBLEM);
    expect(payment).toMatch(/Kỳ 1: [\d.]+\u00a0đ/);
  });
});

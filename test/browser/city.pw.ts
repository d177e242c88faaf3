import type { APIRequestContext } from '@playwright/test';
import { formatDong, formatLeverage, formatNumber, formatShare } from '../../apps/web/src/format';
import { checkPage, CITY_LEADER, DEMO_PASSWORD, expect, signIn, test } from './fixtures';

interface Dashboard {
  targets: Array<{ key: string; target: number; actual: number }>;
  money: { total: { committed: string; paid: string; released: string; clawedBack: string; shareByResults: string } };
}

async function cityDashboard(request: APIRequestContext): Promise<Dashboard> {
  const login = await request.post('/auth/login', { data: { email: CITY_LEADER, password: DEMO_PASSWORD } });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const response = await request.get('/city/dashboard', { headers: { authorization: `Bearer ${accessToken}` } });
  return (await response.json()) as Dashboard;
}

test.describe('sign-in and the city leader', () => {
  test('the sign-in page labels its inputs', async ({ page }) => {
    await page.goto('/dang-nhap');
    await checkPage(page, 'sign-in', async () => {
      await expect(page.getByLabel('Thư điện tử')).toBeVisible();
    });
  });

  test('a wrong password is refused with the API’s message', async ({ page }) => {
    await page.goto('/dang-nhap');
    await page.getByLabel('Thư điện tử').fill(CITY_LEADER);
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByRole('alert')).toContainText('Đăng nhập không thành công');
  });

  test('the dashboard shows exactly the API’s figures', async ({ page, request }) => {
    const expected = await cityDashboard(request);
    await signIn(page, CITY_LEADER);
    await expect(page).toHaveURL(/\/lanh-dao$/);
    await expect(page.getByRole('link', { name: 'Bảng điều hành' })).toBeVisible();
    await checkPage(page, 'city-dashboard', async () => {
      await expect(page.getByTestId('kpi-progress').or(page.getByText('Chưa có dữ liệu.').first())).toBeVisible();
      await expect(page.getByTestId('ranking-table').locator('tbody tr').first()).toBeVisible();
    });
    for (const target of expected.targets) {
      const text = (value: number) => (target.key === 'leverage' ? formatLeverage(value) : formatNumber(value, 0));
      await expect(page.getByTestId(`target-${target.key}-actual`)).toHaveText(text(target.actual));
      await expect(page.getByTestId(`target-${target.key}-target`)).toHaveText(text(target.target));
    }
    await expect(page.getByTestId('target-leverage-target')).toHaveText('1 : 3');
    const money = expected.money.total;
    await expect(page.getByTestId('money-committed')).toHaveText(formatDong(money.committed));
    await expect(page.getByTestId('money-paid')).toHaveText(formatDong(money.paid));
    await expect(page.getByTestId('money-released')).toHaveText(formatDong(money.released));
    await expect(page.getByTestId('money-clawedBack')).toHaveText(formatDong(money.clawedBack));
    await expect(page.getByTestId('money-shareByResults')).toHaveText(formatShare(money.shareByResults));
  });

  test('drill-down from the rankings to a vendor and the inputs behind its score', async ({ page }) => {
    await signIn(page, CITY_LEADER);
    const vendor = page.getByTestId('ranking-table').getByRole('link').first();
    const name = await vendor.textContent();
    await vendor.click();
    await checkPage(page, 'city-vendor', async () => {
      await expect(page.getByRole('heading', { level: 1 })).toContainText(name!);
      await expect(page.getByTestId('snapshot')).toBeVisible();
    });
  });

  test('an expired session returns to the sign-in page with a message', async ({ page }) => {
    await signIn(page, CITY_LEADER);
    await expect(page.getByTestId('targets')).toBeVisible();
    // The server no longer accepts the token (as when it expires): the next request answers 401.
    await page.evaluate(() => {
      const stored = JSON.parse(sessionStorage.getItem('ccds.session')!) as { token: string };
      sessionStorage.setItem('ccds.session', JSON.stringify({ ...stored, token: `${stored.token}x` }));
    });
    await page.reload();
    await expect(page).toHaveURL(/\/dang-nhap$/);
    await expect(page.getByTestId('session-expired')).toHaveText('Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.');
    await expect(page.getByRole('link', { name: 'Bảng điều hành' })).toHaveCount(0);
  });

  test('signing out hides the dashboard', async ({ page }) => {
    await signIn(page, CITY_LEADER);
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await expect(page.getByRole('link', { name: 'Bảng điều hành' })).toHaveCount(0);
    await page.goto('/lanh-dao');
    await expect(page).toHaveURL(/\/dang-nhap$/);
  });
});

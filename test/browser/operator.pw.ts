import { checkPage, expect, test } from './fixtures';
import { problemsOf, tokenOf } from './journey/assessor';
import { allocateBudget, OPERATOR, openAdministration } from './journey/operator';

const stamp = Date.now().toString(36);

test.describe('the marketplace operator (quản trị Chợ)', () => {
  test.describe.configure({ mode: 'serial' });
  const agencyName = `UBND phường Thử nghiệm ${stamp}`;

  test('organisations: the demo ones listed and filtered; a bad tax code refused next to its field', async ({
    page,
    request,
  }) => {
    await openAdministration(page, 'Tổ chức và người dùng');
    const table = page.getByTestId('organisations');
    await expect(table.getByRole('link', { name: 'Sở Khoa học và Công nghệ Hà Nội' })).toBeVisible();
    await page.getByLabel('Loại tổ chức').selectOption({ label: 'Nhà cung cấp' });
    await expect(table.getByRole('link', { name: 'Công ty Cổ phần Giải pháp Số Thăng Long' })).toBeVisible();
    await expect(table.getByRole('link', { name: 'Sở Khoa học và Công nghệ Hà Nội' })).toHaveCount(0);
    await page.getByLabel('Tên có chứa').fill('thăng long');
    await expect(table.getByRole('row')).toHaveCount(2);
    await checkPage(page, 'operator-organisations', async () => {
      await expect(table.getByRole('link', { name: 'Công ty Cổ phần Giải pháp Số Thăng Long' })).toBeVisible();
    });

    const form = page.getByRole('region', { name: 'Đăng ký tổ chức' });
    await form.getByLabel('Loại', { exact: true }).selectOption({ label: 'Nhà cung cấp' });
    await form.getByLabel('Tên', { exact: true }).fill(`Công ty Thử nghiệm ${stamp}`);
    await form.getByLabel('Mã số thuế').fill('0101');
    await form.getByRole('button', { name: 'Đăng ký tổ chức' }).click();
    const response = await request.post('/organisations', {
      headers: { authorization: `Bearer ${await tokenOf(request, OPERATOR)}` },
      data: { type: 'VENDOR', name: `Công ty Thử nghiệm ${stamp}`, taxCode: '0101' },
    });
    const { message } = (await response.json()) as { message: string };
    await expect(form.getByLabel('Mã số thuế')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByRole('alert').first()).toHaveText(message);
    expect(message).toMatch(/^Mã số thuế không hợp lệ/);

    await form.getByLabel('Loại', { exact: true }).selectOption({ label: 'Cơ quan đặt hàng' });
    await form.getByLabel('Tên', { exact: true }).fill(agencyName);
    await form.getByLabel('Mã số thuế').fill('');
    await form.getByRole('button', { name: 'Đăng ký tổ chức' }).click();
    await expect(form.getByRole('status')).toHaveText(`Đã đăng ký tổ chức ${agencyName}.`);
  });

  test('users: create one (a short password refused with the API’s words), disable, enable, change roles, reset', async ({
    page,
    request,
  }) => {
    await openAdministration(page, 'Tổ chức và người dùng');
    await page.getByLabel('Tên có chứa').fill(stamp);
    await page.getByTestId('organisations').getByRole('link', { name: agencyName }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Người dùng của ${agencyName}`);
    const email = `dathang-${stamp}@phuongthunghiem.hanoi.gov.vn`;
    const form = page.getByRole('region', { name: 'Tạo người dùng' });
    await form.getByLabel('Họ và tên').fill('Trịnh Văn Quyết');
    await form.getByLabel('Thư điện tử').fill(email);
    await form.getByLabel('Mật khẩu').fill('ngan');
    await form.getByLabel('Cơ quan đặt hàng').check();
    await form.getByRole('button', { name: 'Tạo người dùng' }).click();
    const url = page.url().split('/');
    const expected = await problemsOf(request, await tokenOf(request, OPERATOR), `/organisations/${url.pop()}/users`, {
      email,
      fullName: 'Trịnh Văn Quyết',
      password: 'ngan',
      roles: ['BUYER'],
    });
    await expect(form.getByLabel('Mật khẩu')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByText(expected.get('password')!)).toBeVisible();

    await form.getByLabel('Mật khẩu').fill('mat-khau-moi-2026-dai');
    await form.getByRole('button', { name: 'Tạo người dùng' }).click();
    await expect(form.getByRole('status')).toHaveText(`Đã tạo người dùng ${email}.`);
    const user = page.getByTestId('users').getByRole('listitem').filter({ hasText: email });
    await user.getByRole('button', { name: 'Thao tác với Trịnh Văn Quyết' }).click();
    await user.getByLabel('Lý do khoá').fill('Chuyển công tác sang phường khác.');
    await user.getByRole('button', { name: 'Khoá tài khoản' }).click();
    await expect(user).toContainText('Đã khoá từ');
    await user.getByRole('button', { name: 'Mở khoá' }).click();
    await expect(user).toContainText('Đang hoạt động');
    await user.getByLabel('Cán bộ nghiệm thu').check();
    await user.getByRole('button', { name: 'Đổi vai trò' }).click();
    await expect(user).toContainText('Cán bộ nghiệm thu, Cơ quan đặt hàng');
    await user.getByLabel('Mật khẩu mới').fill('mat-khau-dat-lai-2026');
    await user.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    await expect(user.getByRole('status')).toHaveCount(2);
    await expect(user.getByRole('status').last()).toContainText('phiên đăng nhập cũ của người này đã bị thu hồi');
    const login = await request.post('/auth/login', { data: { email, password: 'mat-khau-dat-lai-2026' } });
    expect(login.status()).toBe(200);
    await checkPage(page, 'operator-users', async () => {
      await expect(user).toContainText('Đang hoạt động');
    });
  });

  test('categories and a requirement set: a bad requirement code refused, then version 1 published', async ({
    page,
  }) => {
    await openAdministration(page, 'Lĩnh vực và bộ tiêu chí');
    await expect(page.getByTestId('categories')).toContainText('giao-thong');
    const create = page.getByRole('region', { name: 'Thêm lĩnh vực' });
    const code = `thu-nghiem-${stamp}`;
    await create.getByLabel('Mã lĩnh vực').fill(code);
    await create.getByLabel('Tên tiếng Việt').fill(`Lĩnh vực thử nghiệm ${stamp}`);
    await create.getByLabel('Tên tiếng Anh').fill(`Trial category ${stamp}`);
    await create.getByRole('button', { name: 'Thêm lĩnh vực' }).click();
    await expect(create.getByRole('status')).toContainText('Đã thêm lĩnh vực');
    await checkPage(page, 'operator-categories', async () => {
      await expect(page.getByTestId('categories')).toContainText(code);
    });

    await page.getByTestId('categories').getByRole('listitem').filter({ hasText: code }).getByRole('link').click();
    await page.getByRole('button', { name: 'Thêm tiêu chí' }).click();
    const requirement = page.getByTestId('requirement-0');
    await requirement.getByLabel('Mã tiêu chí').fill('Năm Hoạt Động');
    await requirement.getByLabel('Nội dung tiêu chí').fill('Số năm hoạt động trong lĩnh vực');
    await requirement.getByLabel('Kiểu trả lời').selectOption({ label: 'Số' });
    await requirement.getByLabel('Giá trị nhỏ nhất').fill('2');
    await page.getByRole('button', { name: 'Ban hành phiên bản' }).click();
    await expect(requirement.getByLabel('Mã tiêu chí')).toHaveAttribute('aria-invalid', 'true');
    await checkPage(page, 'operator-requirement-set', async () => {
      await expect(requirement.getByLabel('Mã tiêu chí')).toHaveAttribute('aria-invalid', 'true');
    });
    await requirement.getByLabel('Mã tiêu chí').fill('nam-hoat-dong');
    await page.getByRole('button', { name: 'Ban hành phiên bản' }).click();
    await expect(page.getByTestId('published')).toHaveText('Đã ban hành phiên bản 1.');
  });

  test('budgets: a bad amount refused next to its field, then an allocation raises the balance', async ({ page }) => {
    await openAdministration(page, 'Ngân sách và đồng tài trợ');
    const form = page.getByRole('region', { name: 'Cấp ngân sách cho cơ quan' });
    await form.getByLabel('Cơ quan đặt hàng').selectOption({ label: agencyName });
    await form.getByLabel('Số tiền (đồng)').fill('12,5 triệu');
    await form.getByLabel('Số quyết định / chứng từ').fill(`QĐ-${stamp}/2026`);
    await form.getByRole('button', { name: 'Cấp ngân sách' }).click();
    await expect(form.getByLabel('Số tiền (đồng)')).toHaveAttribute('aria-invalid', 'true');
    await checkPage(page, 'operator-money', async () => {
      await expect(form.getByLabel('Số tiền (đồng)')).toHaveAttribute('aria-invalid', 'true');
    });
    await allocateBudget(page, agencyName, 1_500_000_000n, `QĐ-${stamp}/2026 cấp ngân sách thử nghiệm`);
  });

  test('re-checks, suspensions and disputes render with the demo data; a suspension without a date is refused', async ({
    page,
  }) => {
    await openAdministration(page, 'Xem xét lại và đình chỉ');
    const listings = page.getByTestId('listings');
    await expect(listings.getByRole('listitem').first()).toBeVisible();
    await checkPage(page, 'operator-listings', async () => {
      await expect(listings.getByRole('listitem').first()).toBeVisible();
    });
    const first = listings.getByRole('listitem').first();
    await first.getByRole('button', { name: /^Đình chỉ hoặc huỷ niêm yết/ }).click();
    await first.getByLabel('Quyết định').selectOption({ label: 'Đình chỉ' });
    await first.getByLabel('Lý do').fill('Đang xác minh sự cố an toàn thông tin.');
    await first.getByRole('button', { name: 'Lưu' }).click();
    await expect(first.getByLabel('Đình chỉ đến ngày')).toHaveAttribute('aria-invalid', 'true');

    await page
      .getByRole('navigation', { name: 'Các mục quản trị' })
      .getByRole('link', { name: 'Khiếu nại và kiểm tra lại' })
      .click();
    await checkPage(page, 'operator-disputes', async () => {
      await expect(page.getByTestId('dispute-orders').getByRole('listitem').first()).toBeVisible();
    });
  });

  test('the job queues’ board opens for the operator only', async ({ page, browser }) => {
    await openAdministration(page, 'Hàng đợi công việc');
    await checkPage(page, 'operator-queues', async () => {
      await expect(page.getByRole('button', { name: 'Mở bảng hàng đợi' })).toBeVisible();
    });
    await page.getByRole('button', { name: 'Mở bảng hàng đợi' }).click();
    await expect(page).toHaveURL(/\/ops\/queues/);
    await expect(page.getByText('acceptance', { exact: true }).first()).toBeVisible();
    const stranger = await browser.newContext({ baseURL: process.env.WEB_BASE_URL });
    const refused = await stranger.request.get('/ops/queues/api/queues');
    expect(refused.status()).toBe(401);
    await stranger.close();
  });
});

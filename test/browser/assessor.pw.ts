import type { APIRequestContext } from '@playwright/test';
import { validTaxCode } from '../support/journey';
import { checkPage, DEMO_PASSWORD, expect, signInAs, test } from './fixtures';
import { ASSESSORS, passSubmission, problemsOf, tokenOf } from './journey/assessor';
import { OPERATOR } from './journey/operator';

const VENDOR = 'kinhdoanh@thanglongso.vn';

/** A vendor lists a new solution and submits it: it goes to the two demo assessors (no automatic verdict). */
async function submittedSolution(request: APIRequestContext, vendor = VENDOR): Promise<string> {
  const token = await tokenOf(request, vendor);
  const headers = { authorization: `Bearer ${token}` };
  const name = `Đếm lưu lượng xe đạp bằng camera AI ${Date.now().toString(36)}`;
  const solution = await request.post('/solutions', {
    headers,
    data: {
      name,
      summary: 'Camera AI đếm lưu lượng xe đạp và xe máy điện tại các nút giao để điều chỉnh làn ưu tiên.',
      categoryCode: 'giao-thong',
      kpis: [
        {
          metric: 'Lưu lượng xe đạp đếm được mỗi ngày tại nút giao',
          unit: 'lượt/ngày',
          direction: 'increase',
          dataSource: 'Camera AI tại nút giao (tự động)',
          dataOwner: 'Sở Xây dựng Hà Nội',
          measurementMethod: 'Đếm tự động mỗi 15 phút, cộng theo ngày',
          aggregation: 'mean',
          frequency: 'daily',
          baselineMethod: 'Trung bình 4 tuần trước triển khai',
          minimumSample: 1,
          evidenceFormat: 'CSV',
        },
      ],
    },
  });
  expect(solution.ok()).toBe(true);
  const { id } = (await solution.json()) as { id: string };
  const submission = await request.post('/precheck/submissions', { headers, data: { solutionId: id } });
  expect(((await submission.json()) as { status: string }).status).toBe('UNDER_REVIEW');
  return name;
}

/** A vendor organisation of its own with one vendor user, so a declared link touches no demo vendor. */
async function newVendor(request: APIRequestContext): Promise<string> {
  const headers = { authorization: `Bearer ${await tokenOf(request, OPERATOR)}` };
  const stamp = Date.now().toString(36);
  const organisation = await request.post('/organisations', {
    headers,
    data: { type: 'VENDOR', name: `Công ty Cổ phần Cố vấn Số ${stamp}`, taxCode: validTaxCode() },
  });
  const { id } = (await organisation.json()) as { id: string };
  const email = `kinhdoanh-${stamp}@covanso.vn`;
  const user = await request.post(`/organisations/${id}/users`, {
    headers,
    data: { email, fullName: 'Đặng Thu Hà', password: DEMO_PASSWORD, roles: ['VENDOR'] },
  });
  expect(user.ok()).toBe(true);
  return email;
}

test.describe('the pre-check assessor (hội đồng tiền kiểm)', () => {
  test.describe.configure({ mode: 'serial' });
  let solutionName: string;

  test.beforeAll(async ({ request }) => {
    solutionName = await submittedSolution(request);
  });

  test('the queue shows the submissions assigned, the demo ones included', async ({ page }) => {
    await signInAs(page, ASSESSORS[0]);
    await expect(page).toHaveURL(/\/tien-kiem$/);
    const queue = page.getByTestId('assessor-queue');
    await expect(queue.getByRole('link', { name: solutionName })).toBeVisible();
    await checkPage(page, 'assessor-queue', async () => {
      await expect(queue.getByRole('link', { name: solutionName })).toBeVisible();
    });
    await page.getByLabel('Trạng thái').selectOption({ label: 'Đã niêm yết' });
    await expect(queue.getByRole('row').nth(1)).toContainText('Đã niêm yết');
    await expect(queue.getByRole('link', { name: solutionName })).toHaveCount(0);
  });

  test('a bad score or a too-short link description shows the API’s words next to the field', async ({
    page,
    request,
  }) => {
    await signInAs(page, ASSESSORS[0]);
    await page.getByTestId('assessor-queue').getByRole('link', { name: solutionName }).click();
    await checkPage(page, 'assessor-submission', async () => {
      await expect(page.getByRole('heading', { level: 1, name: solutionName })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Gửi điểm' })).toBeVisible();
    });

    const token = await tokenOf(request, ASSESSORS[0]);
    const submissionId = page.url().split('/').pop()!;
    const expected = await problemsOf(request, token, `/precheck/submissions/${submissionId}/scores`, {
      scores: [
        { group: 'capability', score: 150, reason: 'ok' },
        { group: 'security', score: 80, reason: 'Cấp độ 3.' },
        { group: 'kpi', score: 90, reason: 'Đo tự động.' },
      ],
    });
    await page.getByLabel('Điểm Năng lực (0–100)').fill('150');
    await page.getByLabel('Lý do — Năng lực').fill('ok');
    await page.getByLabel('Điểm An toàn thông tin (0–100)').fill('80');
    await page.getByLabel('Lý do — An toàn thông tin').fill('Cấp độ 3.');
    await page.getByLabel('Điểm Khả năng đo lường KPI (0–100)').fill('90');
    await page.getByLabel('Lý do — Khả năng đo lường KPI').fill('Đo tự động.');
    await page.getByRole('button', { name: 'Gửi điểm' }).click();
    const score = page.getByLabel('Điểm Năng lực (0–100)');
    await expect(score).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator(`[id="${await score.getAttribute('aria-describedby')}"]`)).toHaveText(
      expected.get('scores.0.score')!,
    );
    expect(expected.get('scores.0.score')).toMatch(/^[^/]*[ạ-ỹàáâãèéêìíòóôõùúýăđĩũơư]/);
    await expect(page.getByText(expected.get('scores.0.reason')!)).toBeVisible();

    await page.getByLabel('Mô tả quan hệ').fill('ab');
    await page.getByRole('button', { name: 'Khai báo và rời hồ sơ' }).click();
    await expect(page.getByLabel('Mô tả quan hệ')).toHaveAttribute('aria-invalid', 'true');
    await checkPage(page, 'assessor-submission-refused', async () => {
      await expect(page.getByLabel('Mô tả quan hệ')).toHaveAttribute('aria-invalid', 'true');
    });
  });

  test('two assessors pass the submission and the solution is listed', async ({ page }) => {
    await passSubmission(page, ASSESSORS[0], solutionName);
    await expect(page.getByText('Chưa chấm', { exact: true })).toBeVisible();
    await passSubmission(page, ASSESSORS[1], solutionName);
    await expect(page.getByText('Đã niêm yết', { exact: true })).toBeVisible();
    await checkPage(page, 'assessor-scored', async () => {
      await expect(page.getByTestId('scored')).toBeVisible();
    });
  });

  test('an assessor declares a link with the vendor and leaves its submission', async ({ page, request }) => {
    const linked = await submittedSolution(request, await newVendor(request));
    await signInAs(page, ASSESSORS[0]);
    await page.getByTestId('assessor-queue').getByRole('link', { name: linked }).click();
    await page.getByLabel('Mô tả quan hệ').fill('Tôi từng là cố vấn kỹ thuật của doanh nghiệp này (2025).');
    await page.getByRole('button', { name: 'Khai báo và rời hồ sơ' }).click();
    await expect(page).toHaveURL(/\/tien-kiem$/);
    await expect(
      page.getByText('Đã ghi nhận quan hệ lợi ích; hồ sơ của nhà cung cấp này đã được giao cho thành viên khác.'),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: linked })).toHaveCount(0);
  });
});

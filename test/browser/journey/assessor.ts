import type { APIRequestContext, Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, signInAs } from '../fixtures';

export const ASSESSORS = ['tienkiem01@sokhcn.hanoi.gov.vn', 'tienkiem02@sokhcn.hanoi.gov.vn'];

/** An access token for calling the API directly (to learn what it says about an input). */
export async function tokenOf(request: APIRequestContext, email: string): Promise<string> {
  const login = await request.post('/auth/login', { data: { email, password: DEMO_PASSWORD } });
  return ((await login.json()) as { accessToken: string }).accessToken;
}

/** The API's problems about each field of a refused request, by field path (`scores.0.score`). */
export async function problemsOf(
  request: APIRequestContext,
  token: string,
  route: string,
  body: unknown,
  method: 'POST' | 'PUT' = 'POST',
): Promise<Map<string, string>> {
  const response = await request.fetch(route, { method, data: body, headers: { authorization: `Bearer ${token}` } });
  expect(response.status()).toBe(400);
  const { details } = (await response.json()) as { details: Array<{ field: string; problems: string[] }> };
  return new Map(details.map((d) => [d.field.replace(/^body\./, ''), d.problems.join(' ')]));
}

export const PASSING = [
  { group: 'Năng lực', score: '85', reason: 'Đủ năng lực: ba triển khai tham chiếu, đội ngũ 40 người.' },
  { group: 'An toàn thông tin', score: '80', reason: 'Hệ thống đạt cấp độ 3, có kiểm thử xâm nhập năm nay.' },
  { group: 'Khả năng đo lường KPI', score: '90', reason: 'KPI đo tự động bằng camera, có kỳ cơ sở và điểm đối chứng.' },
];

/**
 * Journey step: the assessor signs in, opens the submission of `solutionName` from their queue, scores every group as
 * passing with a reason, sends the scores and waits until they are recorded.
 */
export async function passSubmission(page: Page, assessorEmail: string, solutionName: string): Promise<void> {
  await signInAs(page, assessorEmail);
  await expect(page).toHaveURL(/\/tien-kiem$/);
  await page.getByTestId('assessor-queue').getByRole('link', { name: solutionName }).click();
  await expect(page.getByRole('heading', { level: 1, name: solutionName })).toBeVisible();
  for (const { group, score, reason } of PASSING) {
    await page.getByLabel(`Điểm ${group} (0–100)`).fill(score);
    await page.getByLabel(`Lý do — ${group}`).fill(reason);
  }
  await page.getByRole('button', { name: 'Gửi điểm' }).click();
  await expect(page.getByTestId('scored')).toHaveText('Đã ghi nhận điểm của bạn.');
}

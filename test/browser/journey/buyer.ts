import type { APIRequestContext, Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, signInAs } from '../fixtures';

/** The demo's buyer (cơ quan đặt hàng) of Sở Y tế, and a vendor with a health solution listed. */
export const DEMO_BUYER = 'dathang@soyte.hanoi.gov.vn';
export const HEALTH_VENDOR = 'kinhdoanh@dulieusonghong.vn';
export const HEALTH_VENDOR_NAME = 'Công ty TNHH Dữ liệu Sông Hồng';

/** A problem as the buyer types it: one KPI, the category by its Vietnamese name. */
export interface ProblemDraft {
  titleVi: string;
  titleEn: string;
  category: string;
  budget: string;
  outcomeSharePercent: string;
  kpi: {
    nameVi: string;
    nameEn: string;
    unit: string;
    /** 'Tăng' (the form's default) or 'Giảm' */
    direction?: string;
    baseline: string;
    target: string;
    dataSource: string;
  };
}

export const healthProblem = (tag: string): ProblemDraft => ({
  titleVi: `Nhắc lịch tiêm chủng tự động cho trẻ em (${tag})`,
  titleEn: `Automatic vaccination reminders for children (${tag})`,
  category: 'Y tế',
  budget: '1.200.000.000',
  outcomeSharePercent: '70',
  kpi: {
    nameVi: 'Tỷ lệ trẻ tiêm đúng lịch',
    nameEn: 'Share of children vaccinated on time',
    unit: '%',
    baseline: '62',
    target: '85',
    dataSource: 'Hệ thống tiêm chủng quốc gia',
  },
});

const UUID = '[0-9a-f-]{36}';
const HANOI_OFFSET_MS = 7 * 3_600_000;

/** "YYYY-MM-DDTHH:mm" of an instant in Hanoi (UTC+7, no daylight saving), as a datetime-local input takes it. */
const hanoiLocal = (at: Date) => new Date(at.getTime() + HANOI_OFFSET_MS).toISOString().slice(0, 16);
/** The next whole minute at or after `at` (a datetime-local input keeps minutes only). */
const wholeMinute = (at: Date) => new Date(Math.ceil(at.getTime() / 60_000) * 60_000);
const idIn = (page: Page, pattern: string) => new RegExp(`${pattern}/(${UUID})$`).exec(page.url())![1];

/**
 * Signs in through the form as a buyer; the sign-in lands on the buyer pages (the one the tab was on before signing
 * out, or their home).
 */
export async function signInAsBuyer(page: Page, email = DEMO_BUYER): Promise<void> {
  await signInAs(page, email);
  await expect(page).toHaveURL(/\/co-quan(\/|$)/);
}

/** The buyer drafts a problem (KPI, budget envelope, share payable by results) and publishes it. */
export async function draftAndPublishProblem(
  page: Page,
  draft: ProblemDraft,
  email = DEMO_BUYER,
): Promise<{ problemId: string }> {
  await signInAsBuyer(page, email);
  await page.getByRole('link', { name: 'Bài toán của cơ quan' }).click();
  await page.getByRole('link', { name: 'Soạn bài toán mới' }).click();
  await page.getByLabel('Tên bài toán (tiếng Việt)', { exact: true }).fill(draft.titleVi);
  await page.getByLabel('Tên bài toán (tiếng Anh)', { exact: true }).fill(draft.titleEn);
  await page.getByLabel('Lĩnh vực', { exact: true }).selectOption({ label: draft.category });
  await page.getByLabel('Dự toán kinh phí (đồng)', { exact: true }).fill(draft.budget);
  await page.getByLabel('Tỷ lệ thanh toán theo kết quả (%)', { exact: true }).fill(draft.outcomeSharePercent);
  await page.getByLabel('Tên KPI (tiếng Việt)', { exact: true }).fill(draft.kpi.nameVi);
  await page.getByLabel('Tên KPI (tiếng Anh)', { exact: true }).fill(draft.kpi.nameEn);
  await page.getByLabel('Đơn vị đo', { exact: true }).fill(draft.kpi.unit);
  if (draft.kpi.direction)
    await page.getByLabel('Chiều cải thiện', { exact: true }).selectOption({ label: draft.kpi.direction });
  await page.getByLabel('Giá trị cơ sở', { exact: true }).fill(draft.kpi.baseline);
  await page.getByLabel('Mục tiêu', { exact: true }).fill(draft.kpi.target);
  await page.getByLabel('Nguồn dữ liệu', { exact: true }).fill(draft.kpi.dataSource);
  await page.getByRole('button', { name: 'Lưu bài toán nháp' }).click();
  await expect(page).toHaveURL(new RegExp(`/co-quan/bai-toan/${UUID}$`));
  await expect(page.getByTestId('problem-status')).toHaveText('Nháp');
  await page.getByRole('button', { name: 'Công bố bài toán' }).click();
  await expect(page.getByTestId('problem-status')).toHaveText('Đã công bố');
  return { problemId: idIn(page, '/co-quan/bai-toan') };
}

/**
 * The buyer opens a call on its published problem with the default weights; offers are sealed until `deadline`
 * (rounded up to the whole minute the form takes), then scored. Returns the call and its deadline.
 */
export async function openCall(
  page: Page,
  { problemId, deadline }: { problemId: string; deadline: Date },
  email = DEMO_BUYER,
): Promise<{ callId: string; deadline: Date }> {
  await signInAsBuyer(page, email);
  await page.goto(`/co-quan/bai-toan/${problemId}`);
  const closes = wholeMinute(deadline);
  await page.getByLabel('Hạn nộp hồ sơ chào', { exact: true }).fill(hanoiLocal(closes));
  await page.getByRole('button', { name: 'Mở lời mời' }).click();
  await expect(page).toHaveURL(new RegExp(`/co-quan/loi-moi/${UUID}$`));
  await expect(page.getByTestId('call-status')).toHaveText('Đang mở');
  return { callId: idIn(page, '/co-quan/loi-moi'), deadline: closes };
}

/**
 * After the deadline the buyer compares the offers side by side with their scores and awards the vendor's offer;
 * the draft order opens. Waits (up to `waitMs`) for the deadline to pass and the offers to be scored.
 */
export async function awardOffer(
  page: Page,
  {
    callId,
    vendorName,
    disputeDays,
    waitMs = 300_000,
  }: { callId: string; vendorName: string; disputeDays?: string; waitMs?: number },
  email = DEMO_BUYER,
): Promise<{ orderId: string }> {
  await signInAsBuyer(page, email);
  await page.goto(`/co-quan/loi-moi/${callId}`);
  await expect(page.getByTestId('call-status')).toHaveText('Đã chấm điểm', { timeout: waitMs });
  const offers = page.getByRole('table', { name: /So sánh hồ sơ chào/ });
  await expect(offers.getByRole('columnheader', { name: vendorName })).toBeVisible();
  const choice = page.getByLabel('Hồ sơ được trao thầu', { exact: true });
  const option = choice.getByRole('option', { name: new RegExp(`^${vendorName} · `) });
  await choice.selectOption(await option.getAttribute('value'));
  if (disputeDays !== undefined)
    await page.getByLabel('Thời hạn khiếu nại biên bản (ngày)', { exact: true }).first().fill(disputeDays);
  await page.getByRole('button', { name: 'Trao thầu và lập dự thảo đơn hàng' }).click();
  await expect(page).toHaveURL(new RegExp(`/co-quan/don-hang/${UUID}$`));
  await expect(page.getByTestId('order-status')).toHaveText('Chờ ký');
  return { orderId: idIn(page, '/co-quan/don-hang') };
}

/** The buyer signs the draft order's terms; once the vendor has signed too, the budget share moves into escrow. */
export async function signOrder(page: Page, { orderId }: { orderId: string }, email = DEMO_BUYER): Promise<void> {
  await signInAsBuyer(page, email);
  await page.goto(`/co-quan/don-hang/${orderId}`);
  await page.getByRole('button', { name: 'Ký đơn hàng' }).click();
  await expect(
    page
      .getByText('Cơ quan đã ký; đang chờ nhà cung cấp ký.')
      .or(page.getByTestId('order-status').getByText('Đang triển khai')),
  ).toBeVisible();
}

/** The agency's available budget as its budget page shows it ("1.234.567 đ"). */
export async function availableBudget(page: Page, email = DEMO_BUYER): Promise<string> {
  await signInAsBuyer(page, email);
  await page.getByRole('link', { name: 'Ngân sách', exact: true }).click();
  const figure = page.getByTestId('budget-available');
  await expect(figure).toBeVisible();
  return (await figure.textContent())!;
}

// ---------------------------------------------------------------------------------------------------------------
// The API side of a scene the buyer pages need (another role's step, done through the API)

export async function bearer(request: APIRequestContext, email: string): Promise<Record<string, string>> {
  const login = await request.post('/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(login.ok()).toBe(true);
  return { authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}` };
}

/** The health vendor offers its listed health solution on a call: the KPI's target beaten, below the envelope. */
export async function offerAsHealthVendor(
  request: APIRequestContext,
  { callId, price, target }: { callId: string; price: string; target: string },
): Promise<void> {
  const headers = await bearer(request, HEALTH_VENDOR);
  const solutions = (await (await request.get('/vendor/solutions', { headers })).json()) as Array<{
    id: string;
    categoryCode: string;
    status: string;
  }>;
  const solution = solutions.find((s) => s.categoryCode === 'y-te' && s.status === 'LISTED')!;
  const offered = await request.post(`/calls/${callId}/offers`, {
    headers,
    data: { solutionId: solution.id, price, kpiCommitments: [{ kpiCode: 'K1', target }], durationDays: 90, rounds: 1 },
  });
  expect(offered.ok(), await offered.text()).toBe(true);
}

/** The vendor signs the order's current terms (the last signature funds the escrow). */
export async function signAsHealthVendor(request: APIRequestContext, orderId: string): Promise<void> {
  const headers = await bearer(request, HEALTH_VENDOR);
  const order = (await (await request.get(`/orders/${orderId}`, { headers })).json()) as { termsHash: string };
  const signed = await request.post(`/orders/${orderId}/signatures`, { headers, data: { termsHash: order.termsHash } });
  expect(signed.ok(), await signed.text()).toBe(true);
}

/**
 * A draft order of the demo agency awarded to the health vendor, made through the API as the buyer and the vendor
 * would (problem, call closing in `openMs`, offer, scoring, award): the scene the co-funder pledges to.
 */
export async function draftHealthOrder(
  request: APIRequestContext,
  { tag, price, openMs = 45_000 }: { tag: string; price: string; openMs?: number },
): Promise<{ orderId: string }> {
  const headers = await bearer(request, DEMO_BUYER);
  const post = async <T>(path: string, data: unknown): Promise<T> => {
    const answer = await request.post(path, { headers, data });
    expect(answer.ok(), await answer.text()).toBe(true);
    return (await answer.json()) as T;
  };
  const draft = healthProblem(tag);
  const problem = await post<{ id: string }>('/problems', {
    titleVi: draft.titleVi,
    titleEn: draft.titleEn,
    categoryCode: 'y-te',
    budgetEnvelope: draft.budget.replace(/\./g, ''),
    outcomeShareBp: 7000,
    kpis: [
      {
        code: 'K1',
        ...draft.kpi,
        direction: 'increase',
        measurementPeriod: 'monthly',
      },
    ],
  });
  await post(`/problems/${problem.id}/publish`, {});
  const call = await post<{ id: string }>('/calls', {
    problemId: problem.id,
    deadline: new Date(Date.now() + openMs).toISOString(),
  });
  await offerAsHealthVendor(request, { callId: call.id, price, target: '88' });
  await expect
    .poll(async () => ((await (await request.get(`/calls/${call.id}`)).json()) as { status: string }).status, {
      timeout: openMs + 240_000,
    })
    .toBe('EVALUATED');
  const offers = (await (await request.get(`/calls/${call.id}/offers`, { headers })).json()) as Array<{ id: string }>;
  const order = await post<{ id: string }>(`/calls/${call.id}/award`, { offerId: offers[0].id });
  return { orderId: order.id };
}

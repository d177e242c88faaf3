import { checkPage, expect, test } from './fixtures';
import {
  availableBudget,
  awardOffer,
  bearer,
  DEMO_BUYER,
  draftAndPublishProblem,
  HEALTH_VENDOR_NAME,
  healthProblem,
  offerAsHealthVendor,
  openCall,
  signAsHealthVendor,
  signInAsBuyer,
  signOrder,
} from './journey/buyer';

/** The seconds a call stays open for the vendor's offer (sent through the API right after the call opens). */
const CALL_OPEN_MS = 60_000;

test.describe('the buyer (cơ quan đặt hàng)', () => {
  test('its pages render the demo agency’s problems, calls, orders and budget', async ({ page }) => {
    await signInAsBuyer(page);
    await checkPage(page, 'buyer-problems', async () => {
      await expect(page.getByRole('heading', { name: 'Bài toán đã công bố' })).toBeVisible();
      await expect(page.getByRole('link', { name: /^BT-10 · / })).toBeVisible();
    });

    await page.getByRole('link', { name: 'Soạn bài toán mới' }).click();
    await checkPage(page, 'buyer-problem-new', async () => {
      await expect(page.getByLabel('Lĩnh vực', { exact: true }).getByRole('option', { name: 'Y tế' })).toBeAttached();
    });

    await page.getByRole('link', { name: 'Đề xuất bài toán (Mẫu 01)' }).click();
    await checkPage(page, 'buyer-proposals', async () => {
      await expect(page.getByLabel('Vấn đề cần giải quyết', { exact: true })).toBeVisible();
      await expect(page.getByText('Chưa có đề xuất nào.').or(page.getByTestId('proposals'))).toBeVisible();
    });

    await page.getByRole('link', { name: 'Lời mời chào giá', exact: true }).click();
    await checkPage(page, 'buyer-calls', async () => {
      await expect(page.getByTestId('calls').getByRole('cell', { name: 'Đã trao thầu' }).first()).toBeVisible();
    });
    await page.getByTestId('calls').getByRole('link').first().click();
    await checkPage(page, 'buyer-call-awarded', async () => {
      await expect(page.getByTestId('call-status')).toHaveText('Đã trao thầu');
      await expect(page.getByRole('table', { name: /So sánh hồ sơ chào/ })).toBeVisible();
    });

    await page.getByRole('link', { name: 'Đơn đặt hàng', exact: true }).click();
    await checkPage(page, 'buyer-orders', async () => {
      await expect(page.getByTestId('orders').getByText('Đang triển khai').first()).toBeVisible();
    });
    await page.getByTestId('orders').getByRole('link').first().click();
    await checkPage(page, 'buyer-order', async () => {
      await expect(page.getByTestId('order-status')).toHaveText('Đang triển khai');
      await expect(page.getByTestId('round-1')).toBeVisible();
    });

    await page.getByRole('link', { name: 'Ngân sách', exact: true }).click();
    await checkPage(page, 'buyer-budget', async () => {
      await expect(
        page.getByTestId('statement').getByRole('cell', { name: 'Cấp ngân sách', exact: true }),
      ).toBeVisible();
      await expect(page.getByTestId('statement').getByText('Giữ vào ký quỹ đơn hàng').first()).toBeVisible();
    });
  });

  test('a bad input shows the API’s words next to its field', async ({ page, request }) => {
    const draft = healthProblem('sai');
    const refused = await request.post('/problems', {
      headers: await bearer(request, DEMO_BUYER),
      data: {
        titleVi: draft.titleVi,
        titleEn: draft.titleEn,
        categoryCode: 'y-te',
        scope: '',
        scale: 'SMALL_TRIAL',
        budgetEnvelope: 'mườitỷ',
        outcomeShareBp: 7000,
        kpis: [
          {
            code: 'K1',
            nameVi: draft.kpi.nameVi,
            nameEn: draft.kpi.nameEn,
            unit: '%',
            direction: 'increase',
            baseline: '62',
            target: 'tám mươi',
            measurementPeriod: 'monthly',
            dataSource: draft.kpi.dataSource,
            aggregation: 'mean',
          },
        ],
      },
    });
    expect(refused.status()).toBe(400);
    const { details } = (await refused.json()) as { details: Array<{ field: string; problems: string[] }> };
    const said = (field: string) => details.find((d) => d.field === field)!.problems.join(' ');

    await signInAsBuyer(page);
    await page.getByRole('link', { name: 'Bài toán của cơ quan' }).click();
    await page.getByRole('link', { name: 'Soạn bài toán mới' }).click();
    await page.getByLabel('Tên bài toán (tiếng Việt)', { exact: true }).fill(draft.titleVi);
    await page.getByLabel('Tên bài toán (tiếng Anh)', { exact: true }).fill(draft.titleEn);
    await page.getByLabel('Lĩnh vực', { exact: true }).selectOption({ label: 'Y tế' });
    await page.getByLabel('Dự toán kinh phí (đồng)', { exact: true }).fill('mười tỷ');
    await page.getByLabel('Tỷ lệ thanh toán theo kết quả (%)', { exact: true }).fill('70');
    await page.getByLabel('Tên KPI (tiếng Việt)', { exact: true }).fill(draft.kpi.nameVi);
    await page.getByLabel('Tên KPI (tiếng Anh)', { exact: true }).fill(draft.kpi.nameEn);
    await page.getByLabel('Đơn vị đo', { exact: true }).fill('%');
    await page.getByLabel('Giá trị cơ sở', { exact: true }).fill('62');
    await page.getByLabel('Mục tiêu', { exact: true }).fill('tám mươi');
    await page.getByLabel('Nguồn dữ liệu', { exact: true }).fill(draft.kpi.dataSource);
    await page.getByRole('button', { name: 'Lưu bài toán nháp' }).click();

    const budget = page.getByLabel('Dự toán kinh phí (đồng)', { exact: true });
    await expect(budget).toHaveAttribute('aria-invalid', 'true');
    await expect(budget).toHaveAccessibleDescription(new RegExp(literally(said('budgetEnvelope'))));
    const target = page.getByLabel('Mục tiêu', { exact: true });
    await expect(target).toHaveAttribute('aria-invalid', 'true');
    await expect(target).toHaveAccessibleDescription(new RegExp(literally(said('kpis.0.target'))));
    await expect(page.getByLabel('Tên KPI (tiếng Việt)', { exact: true })).toHaveAttribute('aria-invalid', 'false');
    await expect(page.getByTestId('form-failure')).toContainText('Dữ liệu không hợp lệ');
    await checkPage(page, 'buyer-problem-refused', async () => {
      await expect(budget).toHaveAttribute('aria-invalid', 'true');
    });
    await expect(page).toHaveURL(/\/co-quan\/bai-toan\/moi$/);
  });

  test('edits a draft, closes a published problem with a reason, and sends a Mẫu 01 proposal', async ({
    page,
    request,
  }) => {
    const draft = healthProblem(`sửa ${Date.now()}`);
    const created = await request.post('/problems', {
      headers: await bearer(request, DEMO_BUYER),
      data: {
        titleVi: draft.titleVi,
        titleEn: draft.titleEn,
        categoryCode: 'y-te',
        budgetEnvelope: '1200000000',
        outcomeShareBp: 7000,
        kpis: [{ code: 'K1', ...draft.kpi, direction: 'increase', measurementPeriod: 'monthly' }],
      },
    });
    const { id } = (await created.json()) as { id: string };

    await signInAsBuyer(page);
    await page.getByRole('link', { name: 'Bài toán của cơ quan' }).click();
    await page.getByRole('link', { name: new RegExp(literally(draft.titleVi)) }).click();
    await page.getByRole('button', { name: 'Sửa bài toán nháp' }).click();
    await page.getByLabel('Mục tiêu', { exact: true }).fill('90,5');
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await expect(page.getByRole('table', { name: 'Chỉ số KPI' }).getByRole('cell', { name: '90,5 %' })).toBeVisible();
    await page.getByRole('button', { name: 'Công bố bài toán' }).click();
    await expect(page.getByTestId('problem-status')).toHaveText('Đã công bố');

    const reason = page.getByLabel('Lý do đóng bài toán', { exact: true });
    await page.getByRole('button', { name: 'Đóng bài toán' }).click();
    await expect(reason).toHaveAttribute('aria-invalid', 'true');
    await checkPage(page, 'buyer-problem-close-refused', async () => {
      await expect(reason).toHaveAttribute('aria-invalid', 'true');
    });
    await reason.fill('Sở đã giải quyết bằng nguồn lực nội bộ.');
    await page.getByRole('button', { name: 'Đóng bài toán' }).click();
    await expect(page.getByTestId('problem-status')).toHaveText('Đã đóng');
    await expect(page.getByText('Bài toán đã đóng: Sở đã giải quyết bằng nguồn lực nội bộ.')).toBeVisible();
    expect(((await (await request.get(`/problems/${id}`)).json()) as { status: string }).status).toBe('CLOSED');

    await page.getByRole('link', { name: 'Đề xuất bài toán (Mẫu 01)' }).click();
    const problem = page.getByLabel('Vấn đề cần giải quyết', { exact: true });
    await problem.fill('Ngắn');
    await page.getByRole('button', { name: 'Gửi đề xuất' }).click();
    await expect(problem).toHaveAttribute('aria-invalid', 'true');
    await page.getByLabel('Y tế', { exact: true }).check();
    await page.getByLabel('Người liên hệ', { exact: true }).fill('Phan Thị Hồng Nhung – Phó Giám đốc – 0912 345 678');
    const need = `Trẻ em ở các phường ngoại thành bị lỡ lịch tiêm chủng (${Date.now()}).`;
    await problem.fill(need);
    await page.getByLabel('Cách xử lý hiện nay', { exact: true }).fill('Trạm y tế gọi điện nhắc thủ công.');
    await page.getByLabel('Nhu cầu quản lý', { exact: true }).fill('Công cụ nhắc lịch tự động theo sổ tiêm.');
    await page.getByLabel('Phạm vi thử nghiệm', { exact: true }).fill('Ba phường, sáu tháng.');
    await page
      .getByLabel('Dữ liệu hiện có để đo', { exact: true })
      .fill('Hệ thống tiêm chủng quốc gia, cập nhật hằng ngày.');
    await page.getByRole('button', { name: 'Gửi đề xuất' }).click();
    await expect(page.getByRole('status').getByText('Đã gửi đề xuất.')).toBeVisible();
    await expect(page.getByTestId('proposals').getByRole('heading', { name: need })).toBeVisible();
  });

  test('drafts and publishes a problem, opens a call, compares the offer, awards and signs it', async ({
    page,
    request,
  }) => {
    test.setTimeout(600_000);
    const budgetBefore = await availableBudget(page);
    const { problemId } = await draftAndPublishProblem(page, healthProblem(`${Date.now()}`));
    await checkPage(page, 'buyer-problem-published', async () => {
      await expect(page.getByRole('heading', { name: 'Mở lời mời chào giá' })).toBeVisible();
    });

    const { callId } = await openCall(page, { problemId, deadline: new Date(Date.now() + CALL_OPEN_MS) });
    await checkPage(page, 'buyer-call-open', async () => {
      await expect(page.getByTestId('sealed')).toBeVisible();
    });
    await offerAsHealthVendor(request, { callId, price: '950000000', target: '88' });

    const { orderId } = await awardOffer(page, { callId, vendorName: HEALTH_VENDOR_NAME });
    await page.goto(`/co-quan/loi-moi/${callId}`);
    await checkPage(page, 'buyer-call-offers', async () => {
      const offers = page.getByRole('table', { name: /So sánh hồ sơ chào/ });
      await expect(offers.getByRole('row', { name: /Tổng điểm/ })).toBeVisible();
      await expect(offers.getByRole('row', { name: /Giá tối đa/ })).toContainText('950.000.000\u00a0đ');
      await expect(page.getByTestId('call-status')).toHaveText('Đã trao thầu');
    });

    await signOrder(page, { orderId });
    await signAsHealthVendor(request, orderId);
    await expect(page.getByTestId('order-status')).toHaveText('Đang triển khai');
    await expect(page.getByTestId('escrow')).toHaveText('950.000.000\u00a0đ');
    await checkPage(page, 'buyer-order-signed', async () => {
      await expect(page.getByTestId('round-1')).toBeVisible();
    });

    const budgetAfter = await availableBudget(page);
    expect(dong(budgetBefore) - dong(budgetAfter)).toBe(950_000_000n);
    await expect(page.getByTestId('statement').getByRole('row').nth(1)).toContainText('-950.000.000\u00a0đ');
    await expect(page.getByTestId('statement').getByRole('row').nth(1)).toContainText(
      `Đơn hàng ${orderId.slice(0, 8)}`,
    );
  });
});

const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const dong = (text: string) => BigInt(text.replace(/\D/g, ''));

import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, signInAs } from '../fixtures';

/** The demo vendor of transport solutions. */
export const VENDOR_EMAIL = 'kinhdoanh@thanglongso.vn';
export const VENDOR_NAME = 'Công ty Cổ phần Giải pháp Số Thăng Long';

/** A small real PDF (the API types documents by their bytes). */
export function samplePdf(title: string): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${title}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Signs in as the vendor and opens one of its pages through the vendor menu. */
export async function openVendorPage(page: Page, link: string): Promise<void> {
  await signInAs(page, VENDOR_EMAIL);
  await expect(page).toHaveURL(/\/nha-cung-cap$/);
  await page.getByRole('navigation', { name: 'Trang của nhà cung cấp' }).getByRole('link', { name: link }).click();
}

/**
 * The vendor creates a transport solution with one measurable KPI, uploads its capability profile (PDF, shown with
 * its SHA-256), answers the pre-check by type and submits it; the submission goes to the assessors.
 */
export async function listSolutionAndAnswerPrecheck(
  page: Page,
  name = `Đèn tín hiệu thích ứng thế hệ mới ${Date.now()}`,
  minimumSample = '20',
): Promise<{ name: string; solutionId: string }> {
  await openVendorPage(page, 'Giải pháp');
  await page.getByRole('link', { name: 'Thêm giải pháp' }).click();
  await page.getByLabel('Tên giải pháp').fill(name);
  await page
    .getByLabel('Tóm tắt')
    .fill('Điều khiển đèn theo lưu lượng thực đo bằng camera AI tại nút giao trọng điểm.');
  await page.getByLabel('Lĩnh vực').selectOption({ label: 'Giao thông' });
  const kpi = page.getByRole('group', { name: 'KPI 1' });
  await kpi.getByLabel('Chỉ số', { exact: true }).fill('Thời gian chờ đèn đỏ trung bình giờ cao điểm');
  await kpi.getByLabel('Đơn vị', { exact: true }).fill('giây');
  await kpi.getByLabel('Chiều cải thiện').selectOption({ label: 'Giảm là tốt' });
  await kpi.getByLabel('Cách tổng hợp').selectOption({ label: 'Trung bình' });
  await kpi.getByLabel('Tần suất đo').selectOption({ label: 'Hằng ngày' });
  await kpi.getByLabel('Cỡ mẫu tối thiểu').fill(minimumSample);
  await kpi.getByLabel('Nguồn dữ liệu').fill('Camera giao thông của Sở Xây dựng');
  await kpi.getByLabel('Chủ dữ liệu').fill('Sở Xây dựng Hà Nội');
  await kpi.getByLabel('Phương pháp đo').fill('Đo thời gian chờ từng chu kỳ đèn bằng camera AI');
  await kpi.getByLabel('Cách xác định mức cơ sở').fill('Trung bình 4 tuần trước triển khai');
  await kpi.getByLabel('Định dạng bằng chứng').fill('CSV');
  await page.getByRole('button', { name: 'Tạo giải pháp' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const solutionId = /giai-phap\/([0-9a-f-]{36})/.exec(page.url())![1];

  const pdf = samplePdf(name);
  await page
    .getByLabel('Tài liệu (PDF, PNG, JPEG, tối đa 10 MB)')
    .setInputFiles({ name: 'ho-so-nang-luc.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.getByRole('button', { name: 'Tải lên' }).click();
  await expect(page.getByTestId('documents')).toContainText(sha256(pdf));

  await page.getByRole('link', { name: 'Trả lời tiền kiểm và nộp' }).click();
  await page.getByLabel('Số năm hoạt động').fill('6');
  await page.getByLabel('Số triển khai tham chiếu').fill('4');
  await page.getByLabel('Hồ sơ năng lực (PDF)').selectOption({ label: 'ho-so-nang-luc.pdf' });
  await page.getByLabel('Cấp độ an toàn hệ thống thông tin').selectOption('3');
  await page.getByLabel('Có chứng nhận ISO/IEC 27001').selectOption({ label: 'Có' });
  const tested = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Ngày kiểm thử xâm nhập gần nhất').fill(tested);
  await page.getByRole('button', { name: 'Nộp hồ sơ tiền kiểm' }).click();
  await expect(page.getByTestId('precheck-status').first()).toHaveText('Đang thẩm định');
  return { name, solutionId };
}

/**
 * The vendor opens the call on `problemTitle` from its open calls, fills the offer (Mẫu 02) — the problem's targets,
 * `baseline` for every KPI the problem has none for, the price and rounds — sees the payout simulator drawn, and
 * submits.
 */
export async function offerOnCall(
  page: Page,
  offer: { problemTitle: string; price: string; rounds?: number; baseline?: string; solutionName?: string },
): Promise<void> {
  await openVendorPage(page, 'Lời mời chào giá');
  await page
    .getByTestId('open-calls')
    .getByRole('listitem')
    .filter({ hasText: offer.problemTitle })
    .first()
    .getByRole('link', { name: 'Nộp hồ sơ chào' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hồ sơ chào (Mẫu 02)' })).toBeVisible();
  if (offer.solutionName) await page.getByLabel('Giải pháp chào').selectOption({ label: offer.solutionName });
  for (const baseline of await page.getByLabel(/^Mức cơ sở/).all())
    if ((await baseline.inputValue()) === '') await baseline.fill(offer.baseline ?? '0');
  await page.getByLabel('Số kỳ đo').fill(String(offer.rounds ?? 2));
  await page.getByLabel('Giá chào tối đa (đồng)').fill(offer.price);
  const simulator = page.getByTestId('payout-simulator');
  await expect(simulator.getByRole('img', { name: /Biểu đồ số tiền được trả/ })).toBeVisible();
  await expect(simulator.locator('svg').first()).toBeVisible();
  await expect(simulator.getByRole('row').last()).toContainText(
    `${offer.price.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}\u00a0đ`,
  );
  await page.getByRole('button', { name: 'Nộp hồ sơ chào' }).click();
  await expect(page.getByTestId('offer-submitted')).toBeVisible();
}

/** Signs in as the vendor and opens its newest order on `problemTitle` (in `status` when given). */
async function openOrder(page: Page, problemTitle: string, status?: string): Promise<void> {
  await openVendorPage(page, 'Đơn hàng');
  const orders = page.getByTestId('orders').getByRole('listitem').filter({ hasText: problemTitle });
  await (status ? orders.filter({ hasText: status }) : orders).first().getByRole('link').click();
}

/** Opens the order on `problemTitle` awaiting the vendor's signature, reads its terms and signs them. */
export async function signOrder(page: Page, problemTitle: string): Promise<void> {
  await openOrder(page, problemTitle, 'Chờ ký');
  await expect(page.getByText('Mã băm điều khoản được ký')).toBeVisible();
  await page.getByRole('button', { name: 'Ký đơn hàng' }).click();
  await expect(page.getByTestId('signatures')).toContainText('Nhà cung cấp');
}

/**
 * Opens the order on `problemTitle` until its outcome payment shows (settlement runs after the dispute window), then
 * the balances; returns the payment line.
 */
export async function seePayment(page: Page, problemTitle: string): Promise<string> {
  await openOrder(page, problemTitle);
  const settlements = page.getByTestId('settlements');
  await expect(async () => {
    await page.reload();
    await expect(settlements).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 180_000 });
  const line = (await settlements.getByRole('listitem').first().textContent()) ?? '';
  await page
    .getByRole('navigation', { name: 'Trang của nhà cung cấp' })
    .getByRole('link', { name: 'Số dư và thanh toán' })
    .click();
  await expect(page.getByTestId('payments')).toContainText('Thanh toán theo kết quả');
  return line;
}

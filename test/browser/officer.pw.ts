import { checkPage, expect, signIn, test } from './fixtures';
import { dropFile, measurementWorkbook, openOrderToMeasure, uploadXlsxSignAndDownloadRecord } from './journey/officer';

/** The demo's order being carried out (BT-10, 4 rounds, nothing measured yet), ordered by Sở Y tế. */
const OFFICER = 'nghiemthu@soyte.hanoi.gov.vn';
const OFFICER_NAME = 'Lý Minh Quân';
const PROBLEM = 'Phát triển y tế số, kinh tế chăm sóc người cao tuổi';

test.describe('the acceptance officer', () => {
  test('orders to measure, records awaiting signature and an order’s rounds render with the demo data', async ({
    page,
  }) => {
    await signIn(page, OFFICER);
    await expect(page).toHaveURL(/\/nghiem-thu$/);
    await checkPage(page, 'officer-orders', async () => {
      await expect(page.getByRole('heading', { level: 1, name: 'Đơn hàng cần đo' })).toBeVisible();
      await expect(page.getByTestId('officer-orders')).toContainText(PROBLEM);
      await expect(page.getByTestId('officer-orders')).toContainText('Sông Hồng');
    });

    await page.getByRole('link', { name: 'Biên bản chờ ký' }).click();
    await checkPage(page, 'officer-awaiting', async () => {
      await expect(page.getByRole('heading', { level: 1, name: 'Biên bản chờ ký' })).toBeVisible();
      await expect(page.getByText('Không có biên bản nào chờ ký.')).toBeVisible();
    });

    await page.getByRole('link', { name: '← Đơn hàng cần đo' }).click();
    await page.getByRole('link', { name: new RegExp(`^Đo và nghiệm thu: .*${PROBLEM}`) }).click();
    await checkPage(page, 'officer-order', async () => {
      await expect(page.getByTestId('rounds').getByRole('row')).toHaveCount(5);
      await expect(page.getByTestId('rounds')).toContainText('Chưa đủ dữ liệu');
      await expect(page.getByLabel('Kỳ đo')).toHaveValue('1');
      await expect(page.getByText('Chưa có biên bản')).toBeVisible();
    });
  });

  test('refused rows and an unreadable file are explained in Vietnamese, and nothing is offered for upload', async ({
    page,
  }) => {
    await openOrderToMeasure(page, OFFICER, PROBLEM);
    await dropFile(page, await measurementWorkbook({ K1: [74.5], K9: [12], K2: ['nhiều'] }, 'so-lieu-loi.xlsx'));
    const refused = page.getByTestId('refused-rows');
    await expect(refused).toContainText('Mã KPI "K9" không có trong đơn hàng.');
    await expect(refused).toContainText('Giá trị "nhiều" không phải là số.');
    await expect(page.getByTestId('upload-preview')).toContainText('1 dòng hợp lệ, 2 dòng bị từ chối');
    await expect(page.getByRole('button', { name: 'Xác nhận tải lên' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Chỉ lưu 1 dòng hợp lệ' })).toBeVisible();
    await checkPage(page, 'officer-refused-rows', async () => {
      await expect(refused.getByRole('row')).toHaveCount(3);
    });

    await dropFile(page, { name: 'bang-tinh-hong.xlsx', buffer: Buffer.from('không phải bảng tính') });
    await expect(page.getByTestId('form-failure')).toContainText('Không đọc được tệp số liệu.');
    await expect(page.getByTestId('upload-preview')).toHaveCount(0);
  });

  test('uploads an XLSX file, signs the record and downloads the biên bản nghiệm thu as a PDF', async ({ page }) => {
    const text = await uploadXlsxSignAndDownloadRecord(page, {
      officerEmail: OFFICER,
      problemTitle: PROBLEM,
      readings: { K1: [74.5], K2: [40], K3: [1] },
    });
    const words = text.replace(/\s+/g, ' ');
    expect(words).toContain('BIÊN BẢN NGHIỆM THU');
    expect(words).toContain('Kỳ đo số 1 — phiên bản 1');
    expect(words).toContain(`Bài toán: ${PROBLEM}`);
    expect(words).toContain('Cơ quan đặt hàng: Sở Y tế');
    expect(words).toContain('Tỷ lệ người dân có hồ sơ sức khỏe điện tử “sống”');
    expect(words).toContain('Giá trị đo: 74,5 %');
    expect(words).toMatch(/Mức đạt: [\d,]+ %/);
    expect(words).toMatch(/Số tiền: [\d.]+ đ/);
    expect(words).toMatch(/Tệp số liệu \(SHA-256\) [0-9a-f]{64}/);
    expect(words).toContain(`Người ký: ${OFFICER_NAME} (${OFFICER})`);
    expect(words).toMatch(/Ký lúc: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(giờ Việt Nam\)/);

    await checkPage(page, 'officer-record-signed', async () => {
      await expect(page.getByTestId('record').first()).toContainText('Đã ký, trong thời hạn khiếu nại');
    });
  });
});

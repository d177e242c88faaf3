import { CITY_LEADER, expect, signInAs, test } from './fixtures';
import { ASSESSORS, passSubmission } from './journey/assessor';
import { awardOffer, draftAndPublishProblem, openCall, signOrder as buyerSigns } from './journey/buyer';
import { uploadXlsxSignAndDownloadRecord } from './journey/officer';
import { allocateBudget } from './journey/operator';
import {
  listSolutionAndAnswerPrecheck,
  offerOnCall,
  seePayment,
  signOrder as vendorSigns,
  VENDOR_NAME,
} from './journey/vendor';

const BUYER = 'dathang@congan.hanoi.gov.vn';
const OFFICER = 'nghiemthu@congan.hanoi.gov.vn';
const AGENCY = 'Công an Thành phố';
const PRICE = '400000000';

/**
 * The whole marketplace clicked through by the demo's people, each signed in through the form: listing and pre-check,
 * a problem and its call, the offer with its payout simulation, award and signatures, the measured data, the signed
 * biên bản as a PDF, the payment, and the vendor's place in the city's rankings.
 */
test('the whole journey, from a listing to the payment and the rankings', async ({ page }) => {
  test.setTimeout(900_000);
  const tag = Date.now().toString(36);

  const { name: solutionName } = await listSolutionAndAnswerPrecheck(page, `Đèn tín hiệu thích ứng ${tag}`, '5');
  for (const assessor of ASSESSORS) await passSubmission(page, assessor, solutionName);

  await allocateBudget(page, AGENCY, 1_000_000_000n, `QĐ-${tag}/2026 cấp ngân sách thí điểm`);
  const titleVi = `Giảm thời gian chờ đèn đỏ tại nút giao trọng điểm (${tag})`;
  const { problemId } = await draftAndPublishProblem(
    page,
    {
      titleVi,
      titleEn: `Shorter red-light waits at key junctions (${tag})`,
      category: 'Giao thông',
      budget: '500.000.000',
      outcomeSharePercent: '80',
      kpi: {
        nameVi: 'Thời gian chờ đèn đỏ trung bình giờ cao điểm',
        nameEn: 'Average red-light wait at peak hours',
        unit: 'giây',
        direction: 'Giảm',
        baseline: '90',
        target: '60',
        dataSource: 'Camera giao thông của Công an Thành phố',
      },
    },
    BUYER,
  );
  const { callId } = await openCall(page, { problemId, deadline: new Date(Date.now() + 150_000) }, BUYER);

  await offerOnCall(page, { problemTitle: titleVi, price: PRICE, rounds: 1, solutionName });
  const { orderId } = await awardOffer(page, { callId, vendorName: VENDOR_NAME, disputeDays: '0' }, BUYER);
  await buyerSigns(page, { orderId }, BUYER);
  await vendorSigns(page, titleVi);
  const measuringSince = new Date();

  // 5 readings (the vendor's declared minimum sample), all at the 60 s target: the whole round is earned.
  const recordText = await uploadXlsxSignAndDownloadRecord(page, {
    officerEmail: OFFICER,
    problemTitle: titleVi,
    readings: { K1: ['60', '60', '60', '60', '60'] },
    since: measuringSince,
  });
  const record = recordText.replace(/\s+/g, ' ');
  expect(record).toContain('BIÊN BẢN NGHIỆM THU');
  expect(record).toContain(`Bài toán: ${titleVi}`);
  expect(record).toContain('Cơ quan đặt hàng: Công an Thành phố');

  expect(await seePayment(page, titleVi)).toContain('400.000.000');

  await signInAs(page, CITY_LEADER);
  await page.getByTestId('ranking-table').getByRole('link', { name: VENDOR_NAME }).first().click();
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole('table', { name: /^Kết quả gần đây/ })).toContainText(orderId.slice(0, 8), {
      timeout: 5_000,
    });
  }).toPass({ timeout: 120_000 });
});

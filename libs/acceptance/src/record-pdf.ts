import PDFDocument from 'pdfkit';
import { formatDong, formatExact, hanoiDateTime, parseDecimal } from '@app/kernel';
import type { AcceptanceRecord } from './acceptance-record.entity';
import { DELIVERY_ROUND, type RecordStatus } from './contracts/acceptance';

/** DejaVu Sans covers every Vietnamese letter with its precomposed glyph; shipped by an npm package, no system font. */
const FONTS = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};

const STATUS_VI: Record<RecordStatus, string> = {
  EVALUATED: 'Chờ ký',
  SIGNED: 'Đã ký, trong thời hạn khiếu nại',
  DISPUTED: 'Đang khiếu nại',
  PAYABLE: 'Đã hết hạn khiếu nại, chờ thanh toán',
  SETTLED: 'Đã thanh toán',
  SUPERSEDED: 'Đã được thay thế bởi phiên bản mới',
};

/** Everything the printed record states besides the record itself: who the parties are and who signed. */
export interface RecordPdfContext {
  problemTitle: string;
  agencyName: string;
  vendorName: string;
  round: { startsAt: string; endsAt: string } | undefined;
  signer: { fullName: string; email: string } | undefined;
}

/** An exact decimal with a decimal comma: "-10.6" → "-10,6". */
const decimalVi = (value: string) => value.replace('.', ',');

/** An exact share (4 decimals, "0.8833") as a percentage: "88,33 %". */
export const percentVi = (share: string) => `${decimalVi(formatExact(parseDecimal(share).mul(100)))} %`;

/** What the round's KPIs earn in it, đồng. */
const roundAmount = (record: AcceptanceRecord) => record.results.reduce((sum, k) => sum + BigInt(k.amount), 0n);

/**
 * The biên bản nghiệm thu as a PDF: order, round, each KPI's measured value, attainment, pay fraction and why, the
 * amounts, the data files' SHA-256 and the signature. The text is real text (embedded font with its Unicode map),
 * so it can be searched, copied and read aloud.
 */
export function recordPdf(record: AcceptanceRecord, context: RecordPdfContext): PDFKit.PDFDocument {
  const delivery = record.roundNo === DELIVERY_ROUND;
  const title = delivery ? 'BIÊN BẢN BÀN GIAO' : 'BIÊN BẢN NGHIỆM THU';
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: `${title} — ${context.problemTitle}`, Author: 'Chợ chuyển đổi số' },
  });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  doc.lineGap(3);
  const line = (label: string, value: string) =>
    doc.font('bold').text(`${label}: `, { continued: true }).font('regular').text(value);
  const heading = (text: string) => doc.moveDown(0.8).font('bold').fontSize(12).text(text).fontSize(10).moveDown(0.3);

  doc.font('bold').fontSize(10).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'center' });
  doc.font('regular').text('Độc lập - Tự do - Hạnh phúc', { align: 'center' }).moveDown();
  doc.font('bold').fontSize(16).text(title, { align: 'center' });
  doc
    .font('regular')
    .fontSize(11)
    .text(delivery ? 'Xác nhận bàn giao' : `Kỳ đo số ${record.roundNo} — phiên bản ${record.version}`, {
      align: 'center',
    })
    .moveDown()
    .fontSize(10);

  line('Bài toán', context.problemTitle);
  line('Đơn đặt hàng', record.orderId);
  line('Cơ quan đặt hàng', context.agencyName);
  line('Nhà cung cấp', context.vendorName);
  if (context.round)
    line('Thời gian kỳ đo', `${hanoiDateTime(context.round.startsAt)} – ${hanoiDateTime(context.round.endsAt)}`);
  line('Đánh giá lúc', hanoiDateTime(record.evaluatedAt));
  line('Trạng thái', STATUS_VI[record.status]);

  if (record.deliveryNote) {
    heading('Nội dung bàn giao');
    doc.font('regular').text(record.deliveryNote);
  }

  if (record.results.length > 0) heading('Kết quả theo chỉ số (KPI)');
  for (const kpi of record.results) {
    doc.font('bold').text(`${kpi.key} — ${kpi.nameVi}`);
    const baseline = kpi.baseline === null ? '' : ` (cơ sở ${decimalVi(kpi.baseline)})`;
    line('Giá trị đo', `${decimalVi(kpi.measuredDisplay)} ${kpi.unit}`);
    line('Mục tiêu', `${decimalVi(kpi.target)} ${kpi.unit}${baseline}`);
    line('Số điểm dữ liệu', `${kpi.points} (cần ${kpi.requiredPoints})`);
    line('Mức đạt', percentVi(kpi.attainment));
    line('Tỷ lệ thanh toán', percentVi(kpi.payFraction));
    line('Trọng số', percentVi(String(kpi.weightBp / 10_000)));
    line('Số tiền', formatDong(BigInt(kpi.amount)));
    line('Giải thích', kpi.reasonVi);
    doc.moveDown(0.5);
  }

  heading('Số tiền');
  if (!delivery) line('Kỳ này được hưởng', formatDong(roundAmount(record)));
  line('Lũy kế đơn hàng được hưởng', formatDong(BigInt(record.earnedCumulative)));

  heading('Tệp số liệu (SHA-256)');
  if (record.batchHashes.length === 0) doc.font('regular').text('Không có tệp số liệu.');
  for (const hash of record.batchHashes) doc.font('regular').text(hash);

  heading('Xác nhận');
  line('Mã băm biên bản (SHA-256)', record.recordHash);
  if (record.signedAt && context.signer) {
    line('Người ký', `${context.signer.fullName} (${context.signer.email})`);
    line('Ký lúc', `${hanoiDateTime(record.signedAt)} (giờ Việt Nam)`);
    if (record.disputeDeadline) line('Hạn khiếu nại', hanoiDateTime(record.disputeDeadline));
  } else line('Chữ ký', 'Chưa ký');
  doc.end();
  return doc;
}

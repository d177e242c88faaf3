import type { CityFacts, OrderMoneyRow } from '@app/acceptance';

/** The plan's targets for the marketplace (Kế hoạch 20-KH/BCĐ57, project 3.19). */
export const PLAN_TARGETS = { vendors: 50, trialOrders: 20, solutionsPurchased: 10, leverage: 3 } as const;

export interface SeriesPoint {
  month: string;
  value: number;
}

export interface TargetFigure {
  key: 'vendors' | 'trialOrders' | 'solutionsPurchased' | 'leverage';
  labelVi: string;
  labelEn: string;
  target: number;
  actual: number;
  met: boolean;
  /** cumulative by calendar month (UTC) */
  series: SeriesPoint[];
  /** the rows the figure counts: vendor, order or solution ids */
  sourceIds: string[];
  noteVi?: string;
  noteEn?: string;
}

export interface MoneyFigure {
  key: string;
  committed: string;
  paid: string;
  released: string;
  clawedBack: string;
  /** share of the committed money payable only by measured results, 4 decimals */
  shareByResults: string;
  orderIds: string[];
}

export interface DurationFigure {
  count: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
  /** order ids (with round for upload → payment) the durations come from */
  sourceIds: string[];
}

export interface CityDashboard {
  targets: TargetFigure[];
  money: { total: MoneyFigure; byAgency: MoneyFigure[]; byCategory: MoneyFigure[]; byProblem: MoneyFigure[] };
  flow: { uploadToPayment: DurationFigure; callToOrder: DurationFigure };
  notesVi: string[];
  notesEn: string[];
}

const month = (d: Date) => d.toISOString().slice(0, 7);

function cumulative(dates: Date[]): SeriesPoint[] {
  const counts = new Map<string, number>();
  for (const d of [...dates].sort((a, b) => a.getTime() - b.getTime()))
    counts.set(month(d), (counts.get(month(d)) ?? 0) + 1);
  let total = 0;
  return [...counts].map(([m, n]) => ({ month: m, value: (total += n) }));
}

function moneyOf(key: string, rows: OrderMoneyRow[]): MoneyFigure {
  const committed = rows.reduce((s, r) => s + r.committed, 0n);
  const byResults = rows.reduce((s, r) => s + (r.committed * BigInt(10_000 - r.deliveryShareBp)) / 10_000n, 0n);
  return {
    key,
    committed: committed.toString(),
    paid: rows.reduce((s, r) => s + r.paid, 0n).toString(),
    released: rows.reduce((s, r) => s + r.released, 0n).toString(),
    clawedBack: '0',
    shareByResults: committed > 0n ? ratio(byResults, committed) : '0.0000',
    orderIds: rows.map((r) => r.orderId),
  };
}

/** Exact a / b rounded down to 4 decimals. */
function ratio(a: bigint, b: bigint): string {
  const scaled = (a * 10_000n) / b;
  return `${scaled / 10_000n}.${(scaled % 10_000n).toString().padStart(4, '0')}`;
}

function grouped(rows: OrderMoneyRow[], keyOf: (r: OrderMoneyRow) => string): MoneyFigure[] {
  const groups = new Map<string, OrderMoneyRow[]>();
  for (const r of rows) {
    const group = groups.get(keyOf(r));
    if (group) group.push(r);
    else groups.set(keyOf(r), [r]);
  }
  return [...groups].map(([key, group]) => moneyOf(key, group)).sort((a, b) => a.key.localeCompare(b.key));
}

/** Nearest-rank percentile: the smallest value with at least p of the values at or below it. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

function durations(items: Array<{ id: string; seconds: number }>): DurationFigure {
  const values = items.map((i) => i.seconds);
  return {
    count: values.length,
    medianSeconds: percentile(values, 0.5),
    p90Seconds: percentile(values, 0.9),
    sourceIds: items.map((i) => i.id),
  };
}

export function cityDashboard(facts: CityFacts): CityDashboard {
  const purchased = new Map<string, Date>();
  for (const o of facts.orders)
    if (o.status === 'CLOSED' && o.paid > 0n && o.closedAt && !purchased.has(o.solutionId))
      purchased.set(o.solutionId, o.closedAt);
  const leverageNoteVi =
    'Chưa có khoản đồng tài trợ nào được ghi nhận nên tỷ lệ đòn bẩy vốn mồi là 0 (mục tiêu 1 : 3).';
  const leverageNoteEn = 'No co-funding has been recorded yet, so the seed-capital leverage is 0 (target 1 : 3).';
  const targets: TargetFigure[] = [
    {
      key: 'vendors',
      labelVi: 'Nhà cung cấp trên Chợ',
      labelEn: 'Vendors on the marketplace',
      target: PLAN_TARGETS.vendors,
      actual: facts.listedVendors.length,
      series: cumulative(facts.listedVendors.map((v) => v.listedAt)),
      sourceIds: facts.listedVendors.map((v) => v.vendorOrganisationId),
      met: facts.listedVendors.length >= PLAN_TARGETS.vendors,
    },
    {
      key: 'trialOrders',
      labelVi: 'Hợp đồng đặt hàng thử nghiệm đã ký',
      labelEn: 'Trial orders signed',
      target: PLAN_TARGETS.trialOrders,
      actual: facts.orders.length,
      series: cumulative(facts.orders.map((o) => o.activatedAt)),
      sourceIds: facts.orders.map((o) => o.orderId),
      met: facts.orders.length >= PLAN_TARGETS.trialOrders,
    },
    {
      key: 'solutionsPurchased',
      labelVi: 'Giải pháp được mua thành công',
      labelEn: 'Solutions successfully purchased',
      target: PLAN_TARGETS.solutionsPurchased,
      actual: purchased.size,
      series: cumulative([...purchased.values()]),
      sourceIds: [...purchased.keys()],
      met: purchased.size >= PLAN_TARGETS.solutionsPurchased,
    },
    {
      key: 'leverage',
      labelVi: 'Đòn bẩy vốn mồi (đồng tài trợ trên 1 đồng vốn mồi)',
      labelEn: 'Seed-capital leverage (co-funding per đồng of seed capital)',
      target: PLAN_TARGETS.leverage,
      actual: 0,
      series: [],
      sourceIds: [],
      met: false,
      noteVi: leverageNoteVi,
      noteEn: leverageNoteEn,
    },
  ];
  return {
    targets,
    money: {
      total: moneyOf('*', facts.orders),
      byAgency: grouped(facts.orders, (o) => o.agencyOrganisationId),
      byCategory: grouped(facts.orders, (o) => o.categoryCode),
      byProblem: grouped(facts.orders, (o) => o.problemId),
    },
    flow: {
      uploadToPayment: durations(
        facts.uploadToPayment.map((u) => ({ id: `${u.orderId}/${u.roundNo}`, seconds: u.seconds })),
      ),
      callToOrder: durations(facts.callToOrder.map((c) => ({ id: c.orderId, seconds: c.seconds }))),
    },
    notesVi: [
      leverageNoteVi,
      'Chưa có thu hồi (clawback) và khiếu nại trong sổ; các số liệu này sẽ xuất hiện khi mô-đun nghiệm thu ghi nhận chúng.',
    ],
    notesEn: [
      leverageNoteEn,
      'No clawbacks or disputes are recorded yet; these figures appear once the acceptance module records them.',
    ],
  };
}

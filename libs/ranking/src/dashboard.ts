import type { CityFigures, CountSeries, DashboardRowSet, DurationStats, MoneyTotals } from './dashboard-reads';
import { formatDong } from '@app/kernel';

/** The plan's targets for the marketplace (Kế hoạch 20-KH/BCĐ57, project 3.19). */
export const PLAN_TARGETS = { vendors: 50, trialOrders: 20, solutionsPurchased: 10, leverage: 3 } as const;

/** Where the rows a figure counts are listed (cursor-paginated). */
const DASHBOARD_ROWS_PATH = '/city/dashboard/rows';

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
  /** lists the vendor, order or solution ids the figure counts; null when it counts no rows yet */
  rows: string | null;
  noteVi?: string;
  noteEn?: string;
}

export interface MoneyFigure {
  key: string;
  orders: number;
  committed: string;
  paid: string;
  released: string;
  clawedBack: string;
  /** share of the money actually paid (net of clawbacks) that paid for measured results, not a delivery share; 4 decimals */
  shareByResults: string;
  /** lists the order ids */
  rows: string;
}

export interface DurationFigure {
  count: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
  /** lists the order ids (`orderId/roundNo` for upload → payment) the durations come from */
  rows: string;
}

export interface DisputeFigure {
  opened: number;
  byStatus: Array<{ status: string; count: number; rows: string }>;
  rows: string;
}

export interface CityDashboard {
  targets: TargetFigure[];
  money: { total: MoneyFigure; byAgency: MoneyFigure[]; byCategory: MoneyFigure[]; byProblem: MoneyFigure[] };
  flow: { uploadToPayment: DurationFigure; callToOrder: DurationFigure; disputes: DisputeFigure };
  notesVi: string[];
  notesEn: string[];
}

const rowsLink = (set: DashboardRowSet, params: Record<string, string> = {}): string =>
  `${DASHBOARD_ROWS_PATH}?${new URLSearchParams({ set, ...params }).toString()}`;

/** Exact a / b rounded down to 4 decimals. */
function ratio(a: bigint, b: bigint): string {
  const scaled = (a * 10_000n) / b;
  return `${scaled / 10_000n}.${(scaled % 10_000n).toString().padStart(4, '0')}`;
}

function moneyOf(dimension: string, m: MoneyTotals): MoneyFigure {
  return {
    key: m.key,
    orders: m.orders,
    committed: m.committed.toString(),
    paid: m.paid.toString(),
    released: m.released.toString(),
    clawedBack: m.clawedBack.toString(),
    shareByResults: m.paid - m.clawedBack > 0n ? ratio(m.byResults, m.paid - m.clawedBack) : '0.0000',
    rows: rowsLink('money', { dimension, key: m.key }),
  };
}

const duration = (set: DashboardRowSet, d: DurationStats): DurationFigure => ({ ...d, rows: rowsLink(set) });

function target(
  key: Exclude<TargetFigure['key'], 'leverage'>,
  labelVi: string,
  labelEn: string,
  figure: CountSeries,
): TargetFigure {
  return {
    key,
    labelVi,
    labelEn,
    target: PLAN_TARGETS[key],
    actual: figure.count,
    met: figure.count >= PLAN_TARGETS[key],
    series: figure.series,
    rows: rowsLink(key),
  };
}

/** Co-funding per đồng of seed capital, 4 decimals rounded down (0 before any seed capital). */
const leverageOf = (m: { city: bigint; cofunders: bigint }) => (m.city > 0n ? Number(ratio(m.cofunders, m.city)) : 0);

export function cityDashboard(f: CityFigures): CityDashboard {
  const { funding } = f;
  const leverageNoteVi = `Đòn bẩy = vốn đồng tài trợ ${formatDong(funding.cofunders)} / vốn mồi (ngân sách) ${formatDong(funding.city)} của các đơn hàng đã ký (mục tiêu 1 : 3).`;
  const leverageNoteEn = `Leverage = co-funding ${formatDong(funding.cofunders)} / seed capital (agency budgets) ${formatDong(funding.city)} in signed orders (target 1 : 3).`;
  const targets: TargetFigure[] = [
    target('vendors', 'Nhà cung cấp trên Chợ', 'Vendors on the marketplace', f.vendors),
    target('trialOrders', 'Hợp đồng đặt hàng thử nghiệm đã ký', 'Trial orders signed', f.trialOrders),
    target(
      'solutionsPurchased',
      'Giải pháp được mua thành công',
      'Solutions successfully purchased',
      f.solutionsPurchased,
    ),
    {
      key: 'leverage',
      labelVi: 'Đòn bẩy vốn mồi (đồng tài trợ trên 1 đồng vốn mồi)',
      labelEn: 'Seed-capital leverage (co-funding per đồng of seed capital)',
      target: PLAN_TARGETS.leverage,
      actual: leverageOf(funding),
      series: funding.series.map((m) => ({ month: m.month, value: leverageOf(m) })),
      rows: funding.cofunders > 0n ? rowsLink('cofunded') : null,
      met: funding.city > 0n && funding.cofunders >= BigInt(PLAN_TARGETS.leverage) * funding.city,
      noteVi: leverageNoteVi,
      noteEn: leverageNoteEn,
    },
  ];
  return {
    targets,
    money: {
      total: moneyOf('total', f.money.total[0]),
      byAgency: f.money.agency.map((m) => moneyOf('agency', m)),
      byCategory: f.money.category.map((m) => moneyOf('category', m)),
      byProblem: f.money.problem.map((m) => moneyOf('problem', m)),
    },
    flow: {
      uploadToPayment: duration('uploadToPayment', f.uploadToPayment),
      callToOrder: duration('callToOrder', f.callToOrder),
      disputes: {
        opened: f.disputes.opened,
        byStatus: f.disputes.byStatus.map((d) => ({ ...d, rows: rowsLink('disputes', { status: d.status }) })),
        rows: rowsLink('disputes'),
      },
    },
    notesVi: [
      leverageNoteVi,
      'Đã chi là tổng tiền đã trả trước thu hồi; phần hoàn trả ngân sách tính trên số nhà cung cấp giữ lại sau thu hồi.',
    ],
    notesEn: [
      leverageNoteEn,
      'Paid is what was paid out before clawbacks; released is computed on what the vendor kept after them.',
    ],
  };
}

import type { CategorisedOutcome, OutcomeStatistics } from '@app/acceptance';
import {
  median,
  MIN_CATEGORY_OUTCOMES,
  NEW_SUPPLIER_VI,
  priorMean,
  TRUST_LABELS_VI,
  trustScore,
  type TrustScore,
} from './trust-score';
import { OVERALL, type LastOutcome } from './trust-snapshot.entity';

export const PRIOR_PSEUDO_ORDERS = 4;
export const LOWER_BOUND_Z = 1.28;
export const HALF_LIFE_MONTHS = 18;

/** A vendor's score in one scope, with everything needed to store and explain it. */
export interface ScopeScore {
  vendorOrganisationId: string;
  scope: string;
  score: TrustScore;
  orders: number;
  lastOutcomes: LastOutcome[];
  inputs: object;
  explanationVi: string;
  explanationEn: string;
}

/** x = share of the order's money the vendor earned (after settlements and clawbacks). */
export const outcomeX = (o: Pick<CategorisedOutcome, 'paid' | 'maxAmount'>): number =>
  o.maxAmount > 0n ? Math.min(1, Math.max(0, Number(o.paid) / Number(o.maxAmount))) : 0;

/** The same statistics `outcomeStatistics` computes in SQL, for a full recomputation over every outcome. */
export function statisticsOf(outcomes: CategorisedOutcome[]): OutcomeStatistics[] {
  const groups = new Map<string, CategorisedOutcome[]>([[OVERALL, outcomes]]);
  for (const o of outcomes) {
    const group = groups.get(o.categoryCode);
    if (group) group.push(o);
    else groups.set(o.categoryCode, [o]);
  }
  return [...groups].map(([scope, group]) => ({
    scope,
    orders: group.length,
    meanX: group.length ? group.reduce((sum, o) => sum + outcomeX(o), 0) / group.length : 0,
    medianValue: median(group.map((o) => Number(o.maxAmount))),
  }));
}

export function priorOf(stats: OutcomeStatistics | undefined): number {
  return priorMean(stats?.orders ?? 0, stats?.meanX ?? 0);
}

/** The score a vendor without evidence in a scope gets: the prior minus its uncertainty margin. */
export function newVendorScore(stats: OutcomeStatistics | undefined, now: Date): TrustScore {
  return trustScore([], { now, categoryMedianValue: stats?.medianValue ?? 0, priorMean: priorOf(stats) });
}

/**
 * Overall and per-category scores of one vendor. Orders bought by an agency linked to the vendor are left out
 * (and listed as excluded in the inputs), so a friendly buyer cannot lift the score.
 */
export function vendorScores(
  vendorOrganisationId: string,
  outcomes: CategorisedOutcome[],
  linkedAgencies: ReadonlySet<string>,
  statistics: OutcomeStatistics[],
  now: Date,
): ScopeScore[] {
  const stats = new Map(statistics.map((s) => [s.scope, s]));
  const scopes = [OVERALL, ...new Set(outcomes.map((o) => o.categoryCode))];
  return scopes.map((scope) => {
    const inScope = outcomes.filter((o) => scope === OVERALL || o.categoryCode === scope);
    const counted = inScope.filter((o) => !linkedAgencies.has(o.agencyOrganisationId));
    const excluded = inScope.filter((o) => linkedAgencies.has(o.agencyOrganisationId)).map((o) => o.orderId);
    const s = stats.get(scope);
    const params = {
      now,
      categoryMedianValue: s?.medianValue ?? 0,
      priorMean: priorOf(s),
      m: PRIOR_PSEUDO_ORDERS,
      z: LOWER_BOUND_Z,
      halfLifeMonths: HALF_LIFE_MONTHS,
    };
    const orders = counted.map((o) => ({
      orderId: o.orderId,
      agencyId: o.agencyOrganisationId,
      x: outcomeX(o),
      value: Number(o.maxAmount),
      closedAt: o.closedAt,
    }));
    const score = trustScore(orders, params);
    const lastOutcomes = [...counted]
      .sort((a, b) => b.closedAt.getTime() - a.closedAt.getTime() || b.orderId.localeCompare(a.orderId))
      .slice(0, 5)
      .map((o) => ({
        orderId: o.orderId,
        agencyOrganisationId: o.agencyOrganisationId,
        x: outcomeX(o),
        closedAt: o.closedAt.toISOString(),
      }));
    const text = explain(score, params.priorMean, counted.length, excluded.length, s?.orders ?? 0);
    return {
      vendorOrganisationId,
      scope,
      score,
      orders: counted.length,
      lastOutcomes,
      inputs: {
        ...params,
        now: now.toISOString(),
        categoryOrders: s?.orders ?? 0,
        // each order with its x, value, close date, raw weight (decay × value) and weight after the agency cap
        orders: score.weights.map((w, k) => ({
          ...w,
          value: orders[k].value,
          closedAt: orders[k].closedAt.toISOString(),
        })),
        excludedOrderIds: excluded,
      },
      explanationVi: text.vi,
      explanationEn: text.en,
    };
  });
}

const pct = (v: number, decimalComma: boolean) => {
  const s = (v * 100).toFixed(1);
  return `${decimalComma ? s.replace('.', ',') : s}%`;
};
const num = (v: number, decimalComma: boolean) => (decimalComma ? v.toFixed(2).replace('.', ',') : v.toFixed(2));

/** Why the score is what it is, in one paragraph per language. */
export function explain(
  score: TrustScore,
  mu0: number,
  orders: number,
  excluded: number,
  categoryOrders: number,
): { vi: string; en: string } {
  const capped = score.weights.some((w) => w.weight < w.rawWeight - 1e-12);
  const labelVi = score.isNew ? NEW_SUPPLIER_VI : TRUST_LABELS_VI[score.label];
  const labelEn = score.isNew ? 'New supplier' : LABELS_EN[score.label];
  const vi = [
    `Kỳ vọng E = ${pct(score.expected, true)}: tỷ lệ tiền kết quả nhà cung cấp thực nhận trên ${orders} đơn hàng đã nghiệm thu (bằng chứng hiệu dụng ${num(score.effectiveEvidence, true)}), có trọng số theo thời gian (nửa đời ${HALF_LIFE_MONTHS} tháng) và giá trị đơn hàng, được kéo về mức trung bình μ0 = ${pct(mu0, true)}${categoryOrders < MIN_CATEGORY_OUTCOMES ? ' (mặc định khi lĩnh vực có dưới 10 đơn hàng)' : ` của ${categoryOrders} đơn hàng trong phạm vi`} như thể có thêm ${PRIOR_PSEUDO_ORDERS} đơn hàng.`,
    `Cận dưới L = ${pct(score.lowerBound, true)} trừ đi biên độ bất định; xếp hạng và xếp loại theo L: ${labelVi}.`,
    capped ? 'Trọng số của một cơ quan đặt hàng đã được giới hạn để không chiếm quá phần cho phép.' : '',
    excluded ? `${excluded} đơn hàng bị loại vì cơ quan đặt hàng có liên hệ với nhà cung cấp.` : '',
    score.isNew ? 'Bằng chứng hiệu dụng dưới 2 đơn hàng nên hiển thị "Nhà cung cấp mới".' : '',
  ];
  const en = [
    `Expected E = ${pct(score.expected, false)}: the share of outcome money the vendor actually earned over ${orders} post-checked orders (effective evidence ${num(score.effectiveEvidence, false)}), weighted by age (half-life ${HALF_LIFE_MONTHS} months) and order value, shrunk toward the average μ0 = ${pct(mu0, false)}${categoryOrders < MIN_CATEGORY_OUTCOMES ? ' (the default while the category has fewer than 10 orders)' : ` of ${categoryOrders} orders in scope`} as if there were ${PRIOR_PSEUDO_ORDERS} more orders.`,
    `Lower bound L = ${pct(score.lowerBound, false)} after an uncertainty margin; rank and label follow L: ${labelEn}.`,
    capped ? 'One buying agency’s weight was capped so it cannot carry the score.' : '',
    excluded ? `${excluded} orders were excluded because the buying agency is linked to the vendor.` : '',
    score.isNew ? 'Effective evidence is below 2 orders, so the vendor shows as "New supplier".' : '',
  ];
  return { vi: vi.filter(Boolean).join(' '), en: en.filter(Boolean).join(' ') };
}

const LABELS_EN: Record<TrustScore['label'], string> = {
  XUAT_SAC: 'Exceptional',
  TOT: 'Very good',
  DAT: 'Satisfactory',
  CAN_CAI_THIEN: 'Marginal',
  YEU: 'Unsatisfactory',
};

import type { OutcomeRow } from './dashboard-reads';
import {
  MIN_CATEGORY_OUTCOMES,
  NEW_SUPPLIER_VI,
  priorMean,
  TRUST_LABELS_VI,
  trustScore,
  type TrustScore,
} from './trust-score';
import { OVERALL, type ExclusionReason, type LastOutcome, type StoredOutcome } from './trust-snapshot.entity';

/** Per category and over all categories (OVERALL): post-checked orders, mean outcome x and median order value (0 without orders). */
export interface OutcomeStatistics {
  scope: string;
  orders: number;
  meanX: number;
  medianValue: number;
}

export const PRIOR_PSEUDO_ORDERS = 4;
export const LOWER_BOUND_Z = 1.28;
export const HALF_LIFE_MONTHS = 18;

/** A vendor's links: orders bought by a linked agency, or accepted by an officer linked to it, do not count. */
export interface VendorLinks {
  agencies: ReadonlySet<string>;
  officers: ReadonlySet<string>;
}

export const NO_LINKS: VendorLinks = { agencies: new Set(), officers: new Set() };

/** The parameters of one scope's score, stored with the snapshot. */
export interface ScopeParams {
  /** μ0 */
  priorMean: number;
  categoryOrders: number;
  categoryMedianValue: number;
  m: number;
  z: number;
  halfLifeMonths: number;
}

/** A vendor's score in one scope, with what the snapshot stores besides the outcome set. */
export interface ScopeScore {
  vendorOrganisationId: string;
  scope: string;
  score: TrustScore;
  /** orders counted */
  orders: number;
  /** orders left out because of a link */
  excluded: number;
  /** an agency's weight was scaled down to the cap */
  capped: boolean;
  params: ScopeParams;
}

/** One order as the score reads it. */
interface ScoredOrder {
  orderId: string;
  agencyId: string;
  categoryCode: string;
  x: number;
  value: number;
  closedAt: Date;
  excluded: ExclusionReason | null;
}

const BP = 10_000n;

/**
 * x = (paid − delivery share paid) / ((1 − d)·M): the share of the order's outcome money the vendor earned after
 * settlements and clawbacks; the fixed delivery share is not an outcome. Exact in đồng and basis points until the
 * one division.
 */
function shareEarned(paid: string, maxAmount: string, deliveryShareBp: number, deliveryPaid: boolean): number {
  const m = BigInt(maxAmount);
  const d = BigInt(deliveryShareBp);
  const outcomeMoney = m * (BP - d);
  if (outcomeMoney <= 0n) return 0;
  const earned = BP * BigInt(paid) - (deliveryPaid ? m * d : 0n);
  if (earned <= 0n) return 0;
  return earned >= outcomeMoney ? 1 : Number(earned) / Number(outcomeMoney);
}

/** x of one outcome row (see shareEarned). */
export const outcomeX = (o: Pick<OutcomeRow, 'paid' | 'maxAmount' | 'deliveryShareBp' | 'deliveryPaid'>): number =>
  shareEarned(o.paid, o.maxAmount, o.deliveryShareBp, o.deliveryPaid);

/** x of a stored outcome; sets stored before the delivery share was recorded had none. */
const storedX = (o: StoredOutcome): number => shareEarned(o[3], o[4], o[7] ?? 0, o[8] ?? false);

export function priorOf(stats: OutcomeStatistics | undefined): number {
  return priorMean(stats?.orders ?? 0, stats?.meanX ?? 0);
}

function paramsOf(stats: OutcomeStatistics | undefined): ScopeParams {
  return {
    priorMean: priorOf(stats),
    categoryOrders: stats?.orders ?? 0,
    categoryMedianValue: stats?.medianValue ?? 0,
    m: PRIOR_PSEUDO_ORDERS,
    z: LOWER_BOUND_Z,
    halfLifeMonths: HALF_LIFE_MONTHS,
  };
}

/** The score a vendor without evidence in a scope gets: the prior minus its uncertainty margin. */
export function newVendorScore(stats: OutcomeStatistics | undefined, now: Date): TrustScore {
  return trustScore([], { now, categoryMedianValue: stats?.medianValue ?? 0, priorMean: priorOf(stats) });
}

function exclusionOf(o: OutcomeRow, links: VendorLinks): ExclusionReason | null {
  if (links.agencies.has(o.agencyOrganisationId)) return 'AGENCY_LINKED';
  if (o.signedByUserIds.some((u) => links.officers.has(u))) return 'OFFICER_LINKED';
  return null;
}

/** Oldest first, then by order id: the order of a stored outcome set, so equal sets have equal hashes. */
export const byCloseDate = (a: OutcomeRow, b: OutcomeRow): number =>
  a.closedAt < b.closedAt ? -1 : a.closedAt > b.closedAt ? 1 : a.orderId < b.orderId ? -1 : 1;

/** The outcome set a snapshot stores: every order of the vendor with its money, and why it is excluded if it is. */
export function storedOutcomes(outcomes: OutcomeRow[], links: VendorLinks): StoredOutcome[] {
  return outcomes.map((o) => [
    o.orderId,
    o.agencyOrganisationId,
    o.categoryCode,
    o.paid,
    o.maxAmount,
    o.closedAt,
    exclusionOf(o, links),
    o.deliveryShareBp,
    o.deliveryPaid,
  ]);
}

const quoted = new Map<string, string>();
/** JSON string literal of a category code, cached: a handful of codes recur across 10^5 orders. */
const quote = (text: string): string => {
  let q = quoted.get(text);
  if (q === undefined) quoted.set(text, (q = JSON.stringify(text)));
  return q;
};

/**
 * JSON.stringify of a stored outcome set, written out directly (ids, amounts, ISO dates and exclusion reasons need
 * no escaping): the full recomputation serialises 10^5 orders.
 */
export const storedJson = (stored: StoredOutcome[]): string =>
  `[${stored
    .map(
      (o) =>
        `["${o[0]}","${o[1]}",${quote(o[2])},"${o[3]}","${o[4]}","${o[5]}",${o[6] === null ? 'null' : `"${o[6]}"`},${o[7]},${o[8]}]`,
    )
    .join(',')}]`;

function parsed(stored: StoredOutcome[]): ScoredOrder[] {
  return stored.map((o) => {
    const [orderId, agencyId, categoryCode, , maxAmount, closedAt, excluded] = o;
    return {
      orderId,
      agencyId,
      categoryCode,
      x: storedX(o),
      value: Number(maxAmount),
      closedAt: new Date(closedAt),
      excluded,
    };
  });
}

const inScope = (scope: string) => (o: { categoryCode: string }) => scope === OVERALL || o.categoryCode === scope;

function scoreOf(orders: ScoredOrder[], params: ScopeParams, now: Date): TrustScore {
  return trustScore(orders, {
    now,
    categoryMedianValue: params.categoryMedianValue,
    priorMean: params.priorMean,
    m: params.m,
    z: params.z,
    halfLifeMonths: params.halfLifeMonths,
  });
}

/**
 * Overall and per-category scores of one vendor from its stored outcome set (what the recomputation stores and an
 * auditor recomputes). Excluded orders (a linked agency or officer) are left out, so a friendly buyer cannot lift
 * the score.
 */
export function scopeScores(
  vendorOrganisationId: string,
  stored: StoredOutcome[],
  statistics: OutcomeStatistics[],
  now: Date,
): ScopeScore[] {
  const stats = new Map(statistics.map((s) => [s.scope, s]));
  const orders = parsed(stored);
  return [OVERALL, ...new Set(orders.map((o) => o.categoryCode))].map((scope) => {
    const scoped = scope === OVERALL ? orders : orders.filter(inScope(scope));
    const counted = scoped.filter((o) => !o.excluded);
    const params = paramsOf(stats.get(scope));
    const score = scoreOf(counted, params, now);
    return {
      vendorOrganisationId,
      scope,
      score,
      orders: counted.length,
      excluded: scoped.length - counted.length,
      capped: score.weights.some((w) => w.weight < w.rawWeight - 1e-12),
      params,
    };
  });
}

/** The five most recent counted outcomes of a scope, newest first (a stored set is in close-date order). */
export function lastOutcomes(stored: StoredOutcome[], scope: string): LastOutcome[] {
  const last: LastOutcome[] = [];
  for (let i = stored.length - 1; i >= 0 && last.length < 5; i--) {
    const [orderId, agencyOrganisationId, categoryCode, , , closedAt, excluded] = stored[i];
    if (excluded || !inScope(scope)({ categoryCode })) continue;
    last.push({ orderId, agencyOrganisationId, x: storedX(stored[i]), closedAt });
  }
  return last;
}

/**
 * A snapshot's inputs laid out for an auditor: every parameter, and each order with x, value, close date and the
 * weights the published formula gives it (recomputed here with the same code that produced the snapshot).
 */
export function auditedInputs(
  stored: StoredOutcome[],
  scope: string,
  params: ScopeParams & { floor: number },
  now: Date,
) {
  const scoped = parsed(stored).filter(inScope(scope));
  const counted = scoped.filter((o) => !o.excluded);
  const score = scoreOf(counted, params, now);
  const money = new Map(
    stored.map((o) => [o[0], { paid: o[3], maxAmount: o[4], deliveryShareBp: o[7] ?? 0, deliveryPaid: o[8] ?? false }]),
  );
  return {
    ...params,
    now: now.toISOString(),
    orders: score.weights.map((w, k) => ({
      ...w,
      ...money.get(w.orderId),
      value: counted[k].value,
      closedAt: counted[k].closedAt.toISOString(),
    })),
    excluded: scoped.filter((o) => o.excluded).map((o) => ({ orderId: o.orderId, reason: o.excluded })),
    recomputed: { alpha: score.alpha, beta: score.beta, expected: score.expected, lowerBound: score.lowerBound },
  };
}

const pct = (v: number, decimalComma: boolean) => {
  const s = (v * 100).toFixed(1);
  return `${decimalComma ? s.replace('.', ',') : s}%`;
};
const num = (v: number, decimalComma: boolean) => (decimalComma ? v.toFixed(2).replace('.', ',') : v.toFixed(2));

/** What an explanation needs of a score: stored with every snapshot. */
export type ExplainedScore = Pick<TrustScore, 'expected' | 'lowerBound' | 'effectiveEvidence' | 'label' | 'isNew'> & {
  capped: boolean;
};

/** Why the score is what it is, in one paragraph per language. */
export function explain(
  score: ExplainedScore,
  mu0: number,
  orders: number,
  excluded: number,
  categoryOrders: number,
): { vi: string; en: string } {
  const capped = score.capped;
  const labelVi = score.isNew ? NEW_SUPPLIER_VI : TRUST_LABELS_VI[score.label];
  const labelEn = score.isNew ? 'New supplier' : LABELS_EN[score.label];
  const vi = [
    `Kỳ vọng E = ${pct(score.expected, true)}: tỷ lệ tiền kết quả nhà cung cấp thực nhận trên ${orders} đơn hàng đã nghiệm thu (bằng chứng hiệu dụng ${num(score.effectiveEvidence, true)}), có trọng số theo thời gian (nửa đời ${HALF_LIFE_MONTHS} tháng) và giá trị đơn hàng, được kéo về mức trung bình μ0 = ${pct(mu0, true)}${categoryOrders < MIN_CATEGORY_OUTCOMES ? ' (mặc định khi lĩnh vực có dưới 10 đơn hàng)' : ` của ${categoryOrders} đơn hàng trong phạm vi`} như thể có thêm ${PRIOR_PSEUDO_ORDERS} đơn hàng.`,
    `Cận dưới L = ${pct(score.lowerBound, true)} trừ đi biên độ bất định; xếp hạng và xếp loại theo L: ${labelVi}.`,
    capped ? 'Trọng số của một cơ quan đặt hàng đã được giới hạn để không chiếm quá phần cho phép.' : '',
    excluded
      ? `${excluded} đơn hàng bị loại vì cơ quan đặt hàng hoặc cán bộ nghiệm thu có liên hệ với nhà cung cấp.`
      : '',
    score.isNew ? 'Bằng chứng hiệu dụng dưới 2 đơn hàng nên hiển thị "Nhà cung cấp mới".' : '',
  ];
  const en = [
    `Expected E = ${pct(score.expected, false)}: the share of outcome money the vendor actually earned over ${orders} post-checked orders (effective evidence ${num(score.effectiveEvidence, false)}), weighted by age (half-life ${HALF_LIFE_MONTHS} months) and order value, shrunk toward the average μ0 = ${pct(mu0, false)}${categoryOrders < MIN_CATEGORY_OUTCOMES ? ' (the default while the category has fewer than 10 orders)' : ` of ${categoryOrders} orders in scope`} as if there were ${PRIOR_PSEUDO_ORDERS} more orders.`,
    `Lower bound L = ${pct(score.lowerBound, false)} after an uncertainty margin; rank and label follow L: ${labelEn}.`,
    capped ? 'One buying agency’s weight was capped so it cannot carry the score.' : '',
    excluded
      ? `${excluded} orders were excluded because the buying agency or the acceptance officer is linked to the vendor.`
      : '',
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

import type { NEW_VENDOR_LABEL, TrustLabel as ListingTrustLabel } from '@app/catalog';

export interface OrderOutcome {
  orderId: string;
  agencyId: string;
  /** share of the order's outcome money actually earned, 0..1 */
  x: number;
  /** order value in đồng */
  value: number;
  closedAt: Date;
}

export interface TrustParams {
  now: Date;
  categoryMedianValue: number;
  /** μ0 */
  priorMean: number;
  /** pseudo-orders of the prior, default 4 */
  m?: number;
  /** default 1.28 (≈ 10th percentile) */
  z?: number;
  /** default 18 */
  halfLifeMonths?: number;
}

/** A label the score earns; a vendor without enough evidence shows the catalogue's new-vendor label instead. */
export type TrustLabel = Exclude<ListingTrustLabel, typeof NEW_VENDOR_LABEL>;

export interface TrustScore {
  alpha: number;
  beta: number;
  /** E */
  expected: number;
  /** L, the ranking score */
  lowerBound: number;
  /** Σw after the agency cap */
  effectiveEvidence: number;
  label: TrustLabel;
  isNew: boolean;
  weights: Array<{ orderId: string; agencyId: string; x: number; rawWeight: number; weight: number }>;
}

export const TRUST_LABELS_VI: Record<TrustLabel, string> = {
  XUAT_SAC: 'Xuất sắc',
  TOT: 'Tốt',
  DAT: 'Đạt',
  CAN_CAI_THIEN: 'Cần cải thiện',
  YEU: 'Yếu',
};

export const NEW_SUPPLIER_VI = 'Nhà cung cấp mới';

const MS_PER_HOUR = 3600_000;
/** 30.4375 days: an average month, 730.5 hours, so whole-month ages are whole hours. */
const HOURS_PER_MONTH = 730.5;
const DEFAULT_PRIOR_MEAN = 0.7;
export const MIN_CATEGORY_OUTCOMES = 10;
const MIN_EVIDENCE = 2;
/** The agency cap max(40 %, 1/G) as a fraction numerator / denominator, so 1 − k·cap is computed exactly. */
const MAX_AGENCY_SHARE = { numerator: 2, denominator: 5 };
const LABEL_FLOORS: Array<[number, TrustLabel]> = [
  [0.9, 'XUAT_SAC'],
  [0.75, 'TOT'],
  [0.6, 'DAT'],
  [0.4, 'CAN_CAI_THIEN'],
];

/** μ0: the category's mean outcome x once it has enough post-checked orders, else the default. */
export function priorMean(categoryOrders: number, meanX: number): number {
  return categoryOrders < MIN_CATEGORY_OUTCOMES ? DEFAULT_PRIOR_MEAN : clamp01(meanX);
}

export function trustScore(outcomes: OrderOutcome[], p: TrustParams): TrustScore {
  const { now, categoryMedianValue, priorMean: mu0, m = 4, z = 1.28, halfLifeMonths = 18 } = p;
  if (!(m > 0 && mu0 >= 0 && mu0 <= 1 && z >= 0 && halfLifeMonths > 0)) {
    throw new RangeError('Trust parameters need m > 0, 0 ≤ μ0 ≤ 1, z ≥ 0 and a positive half-life.');
  }

  const raw = outcomes.map((o) => {
    const ageMonths = ageHours(now, o.closedAt) / HOURS_PER_MONTH;
    const valueFactor =
      categoryMedianValue > 0 ? Math.min(1, Math.sqrt(Math.max(0, o.value) / categoryMedianValue)) : 1;
    return {
      orderId: o.orderId,
      agencyId: o.agencyId,
      x: clamp01(o.x),
      rawWeight: 0.5 ** (ageMonths / halfLifeMonths) * valueFactor,
    };
  });

  const byAgency = new Map<string, number[]>();
  for (const r of raw) {
    const list = byAgency.get(r.agencyId);
    if (list) list.push(r.rawWeight);
    else byAgency.set(r.agencyId, [r.rawWeight]);
  }
  const scale = agencyCapScale(new Map([...byAgency].map(([agency, ws]) => [agency, exactSum(ws)])));
  const weights = raw.map((r) => {
    const factor = scale.get(r.agencyId);
    const weight = factor === undefined ? r.rawWeight : r.rawWeight * factor;
    return { orderId: r.orderId, agencyId: r.agencyId, x: r.x, rawWeight: r.rawWeight, weight };
  });

  // plain loops, summing left to right: a full recomputation scores 10^5 scopes
  let sumWx = 0;
  let sumW1x = 0;
  for (const w of weights) {
    sumWx += w.weight * w.x;
    sumW1x += w.weight * (1 - w.x);
  }
  const evidence = weights.map((w) => w.weight);
  const effectiveEvidence = exactSum(evidence);
  const alpha = m * mu0 + sumWx;
  const beta = m * (1 - mu0) + sumW1x;
  const expected = alpha / (alpha + beta);
  // Clamped so a weak category prior cannot produce a negative score.
  const lowerBound = Math.max(0, expected - z * Math.sqrt((expected * (1 - expected)) / (alpha + beta + 1)));
  const label = LABEL_FLOORS.find(([floor]) => lowerBound >= floor)?.[1] ?? 'YEU';
  return {
    alpha,
    beta,
    expected,
    lowerBound,
    effectiveEvidence,
    label,
    // the sign of the exact Σw − 2: decided on the weights themselves, never on a rounding of their sum
    isNew: exactSum([...evidence, -MIN_EVIDENCE]) < 0,
    weights,
  };
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/**
 * An order's age in whole elapsed hours: an order closed within the hour has not decayed at all, so two full-value
 * orders closed just now weigh exactly 2 (Σw < 2 is then false, with no tolerance); whole-month ages are whole hours.
 */
function ageHours(now: Date, closedAt: Date): number {
  return Math.floor(Math.max(0, now.getTime() - closedAt.getTime()) / MS_PER_HOUR);
}

/**
 * The agency cap of PRODUCT.md as its fixed point: "scale every agency above max(40 %, 1/G) of the total down to
 * the cap, drop the excess, repeat until no agency is above the cap of the final total". Scaling capped agencies
 * down only lowers the total, so an agency once above the cap stays above it; with the set C of capped agencies
 * the final total T satisfies T = S_uncapped + |C|·cap·T, i.e. T = S_uncapped / (1 − |C|·cap). Agencies are added
 * to C until every other agency is within cap·T. Returns the factor each capped agency's weights are scaled by.
 */
export function agencyCapScale(agencyTotals: ReadonlyMap<string, number>): Map<string, number> {
  const agencies = agencyTotals.size;
  // max(2/5, 1/G) as a fraction
  const [num, den] =
    agencies * MAX_AGENCY_SHARE.numerator >= MAX_AGENCY_SHARE.denominator
      ? [MAX_AGENCY_SHARE.numerator, MAX_AGENCY_SHARE.denominator]
      : [1, agencies];
  const capped = new Set<string>();
  for (;;) {
    const uncapped = exactSum([...agencyTotals].filter(([a]) => !capped.has(a)).map(([, w]) => w));
    // den − |C|·num > 0: the capped agencies hold |C|·cap < 1 of the total (an agency at the cap is not above it)
    const capWeight = (uncapped * num) / (den - capped.size * num);
    const above = [...agencyTotals].filter(([a, w]) => !capped.has(a) && w > capWeight);
    if (above.length === 0) {
      return new Map([...capped].map((a) => [a, capWeight / agencyTotals.get(a)!]));
    }
    for (const [a] of above) capped.add(a);
  }
}

/**
 * The sum of doubles, correctly rounded (Shewchuk's exact partials, as Python's math.fsum): independent of the
 * order of the terms and free of accumulated rounding.
 */
export function exactSum(values: readonly number[]): number {
  const partials: number[] = [];
  for (let x of values) {
    let i = 0;
    for (let y of partials) {
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[i++] = lo;
      x = hi;
    }
    partials.length = i;
    partials.push(x);
  }
  // add the partials from the largest, rounding once (half-even, as fsum does)
  let n = partials.length - 1;
  if (n < 0) return 0;
  let hi = partials[n];
  let lo = 0;
  while (n > 0) {
    const x = hi;
    const y = partials[--n];
    hi = x + y;
    lo = y - (hi - x);
    if (lo !== 0) break;
  }
  if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
    const y = lo * 2;
    const x = hi + y;
    if (y === x - hi) hi = x;
  }
  return hi;
}

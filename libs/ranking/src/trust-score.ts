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

export type TrustLabel = 'XUAT_SAC' | 'TOT' | 'DAT' | 'CAN_CAI_THIEN' | 'YEU';

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

const MS_PER_MONTH = 30.4375 * 24 * 60 * 60 * 1000;
const DEFAULT_PRIOR_MEAN = 0.7;
export const MIN_CATEGORY_OUTCOMES = 10;
const MIN_EVIDENCE = 2;
// Orders closed minutes ago have decayed by ~1e-7; that must not turn two orders into "fewer than two".
const EVIDENCE_TOLERANCE = 1e-6;
const MAX_AGENCY_SHARE = 0.4;
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

/** 0 for an empty list, which trustScore reads as "no median": value weighting is then skipped. */
export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function trustScore(outcomes: OrderOutcome[], p: TrustParams): TrustScore {
  const { now, categoryMedianValue, priorMean: mu0, m = 4, z = 1.28, halfLifeMonths = 18 } = p;
  if (!(m > 0 && mu0 >= 0 && mu0 <= 1 && z >= 0 && halfLifeMonths > 0)) {
    throw new RangeError('Trust parameters need m > 0, 0 ≤ μ0 ≤ 1, z ≥ 0 and a positive half-life.');
  }

  const raw = outcomes.map((o) => {
    const ageMonths = Math.max(0, now.getTime() - o.closedAt.getTime()) / MS_PER_MONTH;
    const valueFactor =
      categoryMedianValue > 0 ? Math.min(1, Math.sqrt(Math.max(0, o.value) / categoryMedianValue)) : 1;
    return {
      orderId: o.orderId,
      agencyId: o.agencyId,
      x: clamp01(o.x),
      rawWeight: 0.5 ** (ageMonths / halfLifeMonths) * valueFactor,
    };
  });

  const byAgency = new Map<string, number>();
  for (const r of raw) byAgency.set(r.agencyId, (byAgency.get(r.agencyId) ?? 0) + r.rawWeight);
  let total = 0;
  for (const r of raw) total += r.rawWeight;
  const cap = Math.max(MAX_AGENCY_SHARE, 1 / byAgency.size) * total;
  const weights = raw.map((r) => {
    const agencyWeight = byAgency.get(r.agencyId)!;
    const weight = agencyWeight > cap ? (r.rawWeight * cap) / agencyWeight : r.rawWeight;
    return { orderId: r.orderId, agencyId: r.agencyId, x: r.x, rawWeight: r.rawWeight, weight };
  });

  // plain loops, summing left to right: a full recomputation scores 10^5 scopes
  let sumWx = 0;
  let sumW1x = 0;
  let effectiveEvidence = 0;
  for (const w of weights) {
    sumWx += w.weight * w.x;
    sumW1x += w.weight * (1 - w.x);
    effectiveEvidence += w.weight;
  }
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
    isNew: effectiveEvidence < MIN_EVIDENCE - EVIDENCE_TOLERANCE,
    weights,
  };
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

import {
  Fraction,
  bpOf,
  floorDong,
  formatExact,
  parseDecimal,
  parseExact,
  roundedDecimal,
  terminatingDecimal,
} from './money';

export type Comparator = 'gte' | 'lte' | 'eq' | 'gt' | 'lt';

export interface KpiPaymentTerms {
  key: string;
  /** integer basis points; all KPIs of an order sum to 10 000 */
  weightBp: number;
  /** exact decimal string; may stay null until evaluation for a range KPI */
  baseline: string | null;
  target: string;
  direction: 'increase' | 'decrease';
  /** for binary KPIs; defaults to 'gte' for increase, 'lte' for decrease */
  comparator?: Comparator;
  /** an explicit threshold KPI ("uptime ≥ 99.5 %") */
  binary?: boolean;
}

export interface PaymentTerms {
  maxAmount: bigint;
  /** delivery share d, 0..3000 */
  deliveryShareBp: number;
  /** default 5000 */
  floorBp: number;
  /** share of each round, sum 10 000 */
  roundSharesBp: number[];
  kpis: KpiPaymentTerms[];
}

/**
 * Measured value per KPI key for one round, exact (a decimal, or "p/q" for an aggregate no decimal writes exactly);
 * missing or null = not yet evaluable, never zero attainment.
 */
export type RoundMeasurements = Record<string, string | null | undefined>;

export interface KpiExplanation {
  /** 4 decimals, rounded down */
  attainment: string;
  /** 4 decimals, rounded down */
  payFraction: string;
  reasonVi: string;
  reasonEn: string;
}

export interface SimulatedPayout {
  level: number;
  /** earned on confirmed delivery */
  delivery: bigint;
  /** what each round adds to the cumulative earned amount, i.e. what settlement pays then */
  perRound: bigint[];
  total: bigint;
}

const BP = 10_000;
const MAX_DELIVERY_SHARE_BP = 3_000;

const COMPARE: Record<Comparator, (cmp: number) => boolean> = {
  gte: (c) => c >= 0,
  lte: (c) => c <= 0,
  eq: (c) => c === 0,
  gt: (c) => c > 0,
  lt: (c) => c < 0,
};

const SYMBOL: Record<Comparator, string> = { gte: '≥', lte: '≤', eq: '=', gt: '>', lt: '<' };

export function validatePaymentTerms(t: PaymentTerms): string[] {
  const problems: string[] = [];
  const checkBp = (label: string, bp: number, max = BP) => {
    if (!Number.isInteger(bp)) problems.push(`${label} must be a whole number of basis points, got ${bp}.`);
    else if (bp < 0 || bp > max) problems.push(`${label} must be between 0 and ${max} basis points, got ${bp}.`);
  };
  const checkDecimal = (label: string, s: string) => {
    if (!isDecimal(s)) problems.push(`${label} must be a decimal number, got "${s}".`);
  };
  const checkSum = (label: string, values: number[]) => {
    const sum = values.reduce((a, b) => a + b, 0);
    if (sum !== BP) problems.push(`${label} must sum to ${BP} basis points, got ${sum}.`);
  };

  if (t.maxAmount <= 0n) problems.push(`The maximum amount must be positive, got ${t.maxAmount}.`);
  checkBp('The delivery share', t.deliveryShareBp, MAX_DELIVERY_SHARE_BP);
  checkBp('The payment floor', t.floorBp);

  if (t.roundSharesBp.length === 0) problems.push('There must be at least one measurement round.');
  else {
    t.roundSharesBp.forEach((bp, r) => checkBp(`The share of round ${r + 1}`, bp));
    checkSum('Round shares', t.roundSharesBp);
  }

  if (t.kpis.length === 0) problems.push('There must be at least one KPI.');
  else {
    const keys = new Set<string>();
    for (const kpi of t.kpis) {
      const label = `KPI "${kpi.key}"`;
      if (keys.has(kpi.key)) problems.push(`${label} appears more than once.`);
      keys.add(kpi.key);
      checkBp(`The weight of ${label}`, kpi.weightBp);
      if (kpi.direction !== 'increase' && kpi.direction !== 'decrease') {
        problems.push(`${label} must have direction "increase" or "decrease", got "${String(kpi.direction)}".`);
      }
      if (kpi.comparator !== undefined && !(kpi.comparator in COMPARE)) {
        problems.push(`${label} has an unknown comparator "${kpi.comparator}".`);
      }
      checkDecimal(`The target of ${label}`, kpi.target);
      if (kpi.baseline !== null) checkDecimal(`The baseline of ${label}`, kpi.baseline);
      if (kpi.binary || kpi.baseline === null || !isDecimal(kpi.baseline) || !isDecimal(kpi.target)) continue;
      const step = parseDecimal(kpi.target).compare(parseDecimal(kpi.baseline));
      if (step !== 0 && step !== (kpi.direction === 'increase' ? 1 : -1)) {
        problems.push(
          `${label} must ${kpi.direction} from its baseline ${kpi.baseline}, but its target is ${kpi.target}.`,
        );
      }
    }
    checkSum(
      'KPI weights',
      t.kpis.map((k) => k.weightBp),
    );
  }
  return problems;
}

export function attainment(kpi: KpiPaymentTerms, measured: string): Fraction {
  const value = parseExact(measured);
  if (isBinary(kpi)) return new Fraction(thresholdMet(kpi, value) ? 1 : 0);
  const baseline = requireBaseline(kpi);
  const a = value.sub(baseline).div(parseDecimal(kpi.target).sub(baseline));
  return a.lt(0) ? new Fraction(0) : a.gt(1) ? new Fraction(1) : a;
}

export function payFraction(a: Fraction, floorBp: number): Fraction {
  return a.lt(bpOf(1n, floorBp)) ? new Fraction(0) : a;
}

/** (1 − d)·M·share_r·Σ_k weight_k·f(a_k,r), exactly. */
export function roundEarnedExact(t: PaymentTerms, roundIndex: number, m: RoundMeasurements): Fraction {
  assertValid(t);
  return roundEarned(t, roundIndex, m);
}

/** Floored once from the exact cumulative sum, so per-round rounding never accumulates. */
export function cumulativeEarned(
  t: PaymentTerms,
  progress: { delivered: boolean; rounds: RoundMeasurements[] },
): bigint {
  assertValid(t);
  if (progress.rounds.length > t.roundSharesBp.length) {
    throw new RangeError(`${progress.rounds.length} rounds measured, but the order has ${t.roundSharesBp.length}.`);
  }
  let earned = progress.delivered ? bpOf(t.maxAmount, t.deliveryShareBp) : new Fraction(0);
  for (let r = 0; r < progress.rounds.length; r++) earned = earned.add(roundEarned(t, r, progress.rounds[r] ?? {}));
  return floorDong(earned);
}

/** What a settled acceptance record adds to an order's earnings: a round's measurements, or confirmed delivery. */
export type EarningChange = { roundIndex: number; measurements: RoundMeasurements } | { delivered: true };

/**
 * `cumulativeEarned` after each of a sequence of changes, each confirming delivery or replacing one round's
 * measurements (a new or corrected acceptance record): settling a backlog computes each round's exact share once,
 * not the whole order per settled round.
 */
export function cumulativeEarnedAfterEach(
  t: PaymentTerms,
  progress: { delivered: boolean; rounds: RoundMeasurements[] },
  changes: EarningChange[],
): bigint[] {
  assertValid(t);
  const deliveryShare = bpOf(t.maxAmount, t.deliveryShareBp);
  let delivery = progress.delivered ? deliveryShare : new Fraction(0);
  const exact = t.roundSharesBp.map((_, r) => roundEarned(t, r, progress.rounds[r] ?? {}));
  return changes.map((change) => {
    if ('delivered' in change) delivery = deliveryShare;
    else exact[change.roundIndex] = roundEarned(t, change.roundIndex, change.measurements);
    return floorDong(exact.reduce((sum, e) => sum.add(e), delivery));
  });
}

export function explainKpi(kpi: KpiPaymentTerms, measured: string, floorBp: number): KpiExplanation {
  const a = attainment(kpi, measured);
  const f = payFraction(a, floorBp);
  const result = { attainment: fixedDown(a, 4), payFraction: fixedDown(f, 4) };
  const shown = measuredDisplay(measured);
  const paid = percent(f);
  const paidVi = f.gt(0) ? `nên được trả ${vi(paid)}%` : 'nên không được trả';
  const paidEn = f.gt(0) ? `so ${paid}% is paid` : 'so nothing is paid';

  if (isBinary(kpi)) {
    const rule = `${SYMBOL[comparatorOf(kpi)]} ${kpi.target}`;
    return a.gt(0)
      ? {
          ...result,
          reasonVi: `Đạt ngưỡng cam kết (đo được ${vi(shown)}, yêu cầu ${vi(rule)}) ${paidVi}.`,
          reasonEn: `Threshold met (measured ${shown}, required ${rule}), ${paidEn}.`,
        }
      : {
          ...result,
          reasonVi: `Chưa đạt ngưỡng cam kết (đo được ${vi(shown)}, yêu cầu ${vi(rule)}) ${paidVi}.`,
          reasonEn: `Threshold not met (measured ${shown}, required ${rule}), ${paidEn}.`,
        };
  }

  const floor = bpOf(1n, floorBp);
  const floorPct = formatExact(bpOf(100n, floorBp));
  const [sideVi, sideEn] = a.lt(floor) ? ['dưới', 'below'] : a.equals(floor) ? ['bằng', 'at'] : ['trên', 'above'];
  const achieved = percent(a);
  const { baseline, target } = kpi;
  return {
    ...result,
    reasonVi:
      `Đạt ${vi(achieved)}% mức cải thiện cam kết (đo được ${vi(shown)}, cơ sở ${vi(`${baseline}`)}, ` +
      `mục tiêu ${vi(target)}); ${sideVi} ngưỡng sàn ${vi(floorPct)}% ${paidVi}.`,
    reasonEn:
      `Achieved ${achieved}% of the committed improvement (measured ${shown}, baseline ${baseline}, ` +
      `target ${target}); ${sideEn} the ${floorPct}% floor, ${paidEn}.`,
  };
}

/** How a measured value reads: exactly when a decimal writes it, else "≈" and 6 decimals (the value stays exact). */
export function measuredDisplay(measured: string): string {
  const value = parseExact(measured);
  return terminatingDecimal(value) ?? `≈ ${roundedDecimal(value, 6)}`;
}

/**
 * What the order pays if every KPI reaches attainment `level` in every round and delivery is confirmed.
 * Each level becomes measured values that go through cumulativeEarned, so simulator and settlement agree.
 */
export function simulatePayout(t: PaymentTerms, attainmentLevels: number[]): SimulatedPayout[] {
  assertValid(t);
  return attainmentLevels.map((level) => {
    const round = Object.fromEntries(t.kpis.map((kpi) => [kpi.key, measuredAtLevel(kpi, level)]));
    const cumulative = t.roundSharesBp.map((_, r) =>
      cumulativeEarned(t, { delivered: true, rounds: Array.from({ length: r + 1 }, () => round) }),
    );
    const delivery = cumulativeEarned(t, { delivered: true, rounds: [] });
    const perRound = cumulative.map((c, r) => c - (r === 0 ? delivery : cumulative[r - 1]));
    return { level, delivery, perRound, total: cumulative[cumulative.length - 1] };
  });
}

/**
 * What the order pays over all its rounds when KPI `key` alone reaches attainment `level` (the others not yet
 * measured, no delivery share): the simulator's per-KPI column, through the same exact formula as settlement.
 */
export function simulateKpiAlone(t: PaymentTerms, key: string, level: number): bigint {
  assertValid(t);
  const kpi = t.kpis.find((k) => k.key === key);
  if (!kpi) throw new RangeError(`The terms have no KPI "${key}".`);
  const measured = measuredAtLevel(kpi, level);
  return cumulativeEarned(t, { delivered: false, rounds: t.roundSharesBp.map(() => ({ [key]: measured })) });
}

function roundEarned(t: PaymentTerms, roundIndex: number, m: RoundMeasurements): Fraction {
  const shareBp = t.roundSharesBp[roundIndex];
  if (shareBp === undefined) throw new RangeError(`The order has no round ${roundIndex + 1}.`);
  let weighted = new Fraction(0);
  for (const kpi of t.kpis) {
    const measured = m[kpi.key];
    if (measured == null) continue;
    weighted = weighted.add(bpOf(1n, kpi.weightBp).mul(payFraction(attainment(kpi, measured), t.floorBp)));
  }
  return bpOf(t.maxAmount, BP - t.deliveryShareBp)
    .mul(bpOf(1n, shareBp))
    .mul(weighted);
}

function measuredAtLevel(kpi: KpiPaymentTerms, level: number): string {
  if (isBinary(kpi)) {
    const target = parseDecimal(kpi.target);
    const candidates = [target, target.add(1), target.sub(1)];
    return formatExact(candidates.find((v) => thresholdMet(kpi, v) === level >= 1)!);
  }
  const baseline = requireBaseline(kpi);
  return formatExact(baseline.add(exactLevel(level).mul(parseDecimal(kpi.target).sub(baseline))));
}

/** The level as the decimal it prints as (0.1 means 1/10, not the nearest binary double). */
function exactLevel(level: number): Fraction {
  if (!Number.isFinite(level)) throw new RangeError(`Not a finite attainment level: ${level}`);
  const [mantissa, exponent = '0'] = String(level).split('e');
  return parseDecimal(mantissa).mul(new Fraction(10).pow(Number(exponent)));
}

function isBinary(kpi: KpiPaymentTerms): boolean {
  return !!kpi.binary || (kpi.baseline !== null && parseDecimal(kpi.baseline).equals(parseDecimal(kpi.target)));
}

function comparatorOf(kpi: KpiPaymentTerms): Comparator {
  return kpi.comparator ?? (kpi.direction === 'increase' ? 'gte' : 'lte');
}

function thresholdMet(kpi: KpiPaymentTerms, measured: Fraction): boolean {
  return COMPARE[comparatorOf(kpi)](measured.compare(parseDecimal(kpi.target)));
}

function requireBaseline(kpi: KpiPaymentTerms): Fraction {
  if (kpi.baseline === null) throw new RangeError(`KPI "${kpi.key}" has no baseline yet, so it cannot be evaluated.`);
  return parseDecimal(kpi.baseline);
}

function assertValid(t: PaymentTerms): void {
  const problems = validatePaymentTerms(t);
  if (problems.length) throw new RangeError(`Invalid payment terms: ${problems.join(' ')}`);
}

function isDecimal(s: string): boolean {
  try {
    parseDecimal(s);
    return true;
  } catch {
    return false;
  }
}

/** Rounded down; f is never negative here. */
function fixedDown(f: Fraction, places: number): string {
  const scale = 10n ** BigInt(places);
  const k = f.mul(scale).floor().n;
  return `${k / scale}.${(k % scale).toString().padStart(places, '0')}`;
}

function percent(f: Fraction): string {
  return fixedDown(f.mul(100), 2);
}

function vi(s: string): string {
  return s.replace('.', ',');
}

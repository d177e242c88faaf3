import fc from 'fast-check';
import { median } from '../../../test/support/outcome-statistics';
import {
  NEW_SUPPLIER_VI,
  type OrderOutcome,
  TRUST_LABELS_VI,
  type TrustLabel,
  type TrustParams,
  priorMean,
  trustScore,
} from './trust-score';

const MS_PER_MONTH = 30.4375 * 24 * 60 * 60 * 1000;
const NOW = new Date('2025-06-01T00:00:00Z');
const MEDIAN = 100_000_000;
const params: TrustParams = { now: NOW, categoryMedianValue: MEDIAN, priorMean: 0.7 };

let seq = 0;
function order(agencyId: string, x: number, opts: { ageMonths?: number; value?: number } = {}): OrderOutcome {
  const { ageMonths = 0, value = MEDIAN } = opts;
  return { orderId: `o${++seq}`, agencyId, x, value, closedAt: new Date(NOW.getTime() - ageMonths * MS_PER_MONTH) };
}

const times = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

describe('trustScore, computed by hand (μ0 = 0.7, m = 4, z = 1.28)', () => {
  it('0 orders: the prior alone', () => {
    // α = 4·0.7 = 2.8, β = 4·0.3 = 1.2, E = 0.7
    // L = 0.7 − 1.28·√(0.7·0.3 / 5) = 0.7 − 1.28·√0.042 = 0.7 − 1.28·0.2049390 = 0.4376781
    const s = trustScore([], params);
    expect(s.alpha).toBeCloseTo(2.8, 6);
    expect(s.beta).toBeCloseTo(1.2, 6);
    expect(s.expected).toBeCloseTo(0.7, 6);
    expect(s.lowerBound).toBeCloseTo(0.437678, 6);
    expect(s.effectiveEvidence).toBe(0);
    expect(s).toMatchObject({ label: 'CAN_CAI_THIEN', isNew: true, weights: [] });
  });

  it('1 fully successful order, recent and of median value (w = 1)', () => {
    // α = 2.8 + 1 = 3.8, β = 1.2, E = 3.8 / 5 = 0.76
    // L = 0.76 − 1.28·√(0.76·0.24 / 6) = 0.76 − 1.28·√0.0304 = 0.76 − 1.28·0.1743560 = 0.5368244
    const s = trustScore([order('A', 1)], params);
    expect(s.alpha).toBeCloseTo(3.8, 6);
    expect(s.beta).toBeCloseTo(1.2, 6);
    expect(s.expected).toBeCloseTo(0.76, 6);
    expect(s.lowerBound).toBeCloseTo(0.536824, 6);
    expect(s.effectiveEvidence).toBeCloseTo(1, 6);
    expect(s).toMatchObject({ label: 'CAN_CAI_THIEN', isNew: true });
  });

  it('3 orders with decay and value weighting', () => {
    // A: x = 1,   age 0,   value 2·median → w = 1 · min(1, √2) = 1
    // B: x = 0.5, age 18,  value median   → w = 0.5^(18/18) · 1 = 0.5
    // B: x = 0,   age 0,   value median/4 → w = 1 · √(1/4) = 0.5
    // W = 2, two agencies → cap = max(0.4, 1/2)·2 = 1; A = 1 and B = 1 stay (not above the cap).
    // Σwx = 1 + 0.25 + 0 = 1.25, Σw(1−x) = 0 + 0.25 + 0.5 = 0.75
    // α = 2.8 + 1.25 = 4.05, β = 1.2 + 0.75 = 1.95, E = 4.05 / 6 = 0.675
    // L = 0.675 − 1.28·√(0.675·0.325 / 7) = 0.675 − 1.28·√0.03133929 = 0.675 − 1.28·0.1770291 = 0.4484028
    const outcomes = [
      order('A', 1, { value: 2 * MEDIAN }),
      order('B', 0.5, { ageMonths: 18 }),
      order('B', 0, { value: MEDIAN / 4 }),
    ];
    const s = trustScore(outcomes, params);
    expect(s.weights.map((w) => w.rawWeight)).toEqual([1, 0.5, 0.5]);
    expect(s.weights.map((w) => w.weight)).toEqual([1, 0.5, 0.5]);
    expect(s.alpha).toBeCloseTo(4.05, 6);
    expect(s.beta).toBeCloseTo(1.95, 6);
    expect(s.expected).toBeCloseTo(0.675, 6);
    expect(s.lowerBound).toBeCloseTo(0.448403, 6);
    expect(s.effectiveEvidence).toBeCloseTo(2, 6);
    expect(s).toMatchObject({ label: 'CAN_CAI_THIEN', isNew: false });
  });

  it('20 orders from 4 agencies', () => {
    // each agency: 4 orders with x = 1 and 1 with x = 0.6, all w = 1; W = 20, cap = 0.4·20 = 8 > 5 per agency
    // Σwx = 16 + 4·0.6 = 18.4, Σw(1−x) = 4·0.4 = 1.6
    // α = 2.8 + 18.4 = 21.2, β = 1.2 + 1.6 = 2.8, E = 21.2 / 24 = 0.8833333
    // L = 0.8833333 − 1.28·√(0.8833333·0.1166667 / 25) = 0.8833333 − 1.28·√0.004122222
    //   = 0.8833333 − 1.28·0.06420453 = 0.8011515
    const outcomes = ['A', 'B', 'C', 'D'].flatMap((g) => times(5, (i) => order(g, i === 0 ? 0.6 : 1)));
    const s = trustScore(outcomes, params);
    expect(s.alpha).toBeCloseTo(21.2, 6);
    expect(s.beta).toBeCloseTo(2.8, 6);
    expect(s.expected).toBeCloseTo(0.883333, 6);
    expect(s.lowerBound).toBeCloseTo(0.801152, 6);
    expect(s.effectiveEvidence).toBeCloseTo(20, 6);
    expect(s).toMatchObject({ label: 'TOT', isNew: false });
  });
});

describe('trustScore, agency cap', () => {
  it('scales one dominant agency down to 40 % of the final total and drops the excess', () => {
    // A: 3 orders x = 1, B and C: 1 order x = 0 each, all w = 1. The cap binds A only: with A at the cap c·T,
    // T = 2 + 0.4·T → T = 10/3 and A carries 4/3 (40 % of 10/3), each of its orders 4/9.
    // Σwx = 4/3, Σw(1−x) = 2, α = 2.8 + 4/3 = 62/15, β = 3.2, E = (62/15) / (110/15) = 31/55 = 0.5636364
    // L = 31/55 − 1.28·√((31/55)(24/55) / (110/15 + 1)) = 0.5636364 − 1.28·√(0.2459504 / 8.3333333) = 0.3437368
    const outcomes = [order('A', 1), order('A', 1), order('A', 1), order('B', 0), order('C', 0)];
    const s = trustScore(outcomes, params);
    s.weights.slice(0, 3).forEach((w) => expect(w.weight).toBeCloseTo(4 / 9, 12));
    expect(s.weights.slice(3).map((w) => w.weight)).toEqual([1, 1]);
    expect(s.effectiveEvidence).toBeCloseTo(10 / 3, 12);
    expect(s.expected).toBeCloseTo(31 / 55, 12);
    expect(s.lowerBound).toBeCloseTo(0.343737, 6);
    expect(s.label).toBe('YEU');
  });

  it('repeats until the invariant holds: one pass would leave A above the cap of the final total', () => {
    // A = 10, B = C = 1: one pass caps A at 0.4·12 = 4.8 → total 6.8, A's share 70.6 %. The fixed point:
    // T = 2 + 0.4·T → T = 10/3, A = 4/3.
    const s = trustScore([...times(10, () => order('A', 1)), order('B', 0), order('C', 0)], params);
    const a = s.weights.filter((w) => w.agencyId === 'A').reduce((sum, w) => sum + w.weight, 0);
    expect(s.effectiveEvidence).toBeCloseTo(10 / 3, 12);
    expect(a / s.effectiveEvidence).toBeCloseTo(0.4, 12);
  });

  it('caps two agencies at once when both are above the cap', () => {
    // A = B = 5, C = 1 (G = 3, cap 40 %): T = 1 + 0.8·T → T = 5, A and B carry 2 each.
    const s = trustScore([...times(5, () => order('A', 1)), ...times(5, () => order('B', 1)), order('C', 0)], params);
    expect(s.effectiveEvidence).toBeCloseTo(5, 12);
    expect(s.weights.find((w) => w.agencyId === 'C')!.weight).toBe(1);
  });

  it('allows 1/G when there are fewer than three agencies', () => {
    // G = 2 → cap 1/2; A (3) is scaled to B's weight (1): T = 1 + 0.5·T → T = 2
    const s = trustScore([order('A', 1), order('A', 1), order('A', 1), order('B', 0)], params);
    expect(s.effectiveEvidence).toBeCloseTo(2, 12);
  });

  it('never caps a single buying agency', () => {
    const s = trustScore([order('A', 1), order('A', 1), order('A', 1)], params);
    expect(s.effectiveEvidence).toBeCloseTo(3, 6);
  });
});

describe('trustScore, weights', () => {
  it('halves the weight every 18 months', () => {
    const s = trustScore([order('A', 1), order('A', 1, { ageMonths: 18 }), order('A', 1, { ageMonths: 36 })], params);
    expect(s.weights.map((w) => w.rawWeight)).toEqual([1, 0.5, 0.25]);
  });

  it('lets a recent success outweigh an old failure', () => {
    const recentSuccess = trustScore([order('A', 1), order('A', 0, { ageMonths: 54 })], params);
    const recentFailure = trustScore([order('A', 1, { ageMonths: 54 }), order('A', 0)], params);
    expect(recentSuccess.expected).toBeGreaterThan(recentFailure.expected);
  });

  it('counts small orders less but caps large ones at 1', () => {
    const s = trustScore(
      [order('A', 1, { value: MEDIAN / 9 }), order('A', 1, { value: MEDIAN }), order('A', 1, { value: 100 * MEDIAN })],
      params,
    );
    s.weights.forEach((w, i) => expect(w.rawWeight).toBeCloseTo([1 / 3, 1, 1][i], 6));
  });

  it('ignores value when the category has no positive median', () => {
    const s = trustScore([order('A', 1, { value: 5 })], { ...params, categoryMedianValue: 0 });
    expect(s.weights[0].rawWeight).toBe(1);
  });

  it('counts age in whole elapsed hours, so orders closed within the hour have not decayed', () => {
    const minutesAgo = (m: number) => ({ ...order('A', 1), closedAt: new Date(NOW.getTime() - m * 60_000) });
    const fresh = trustScore([minutesAgo(5), minutesAgo(59)], params);
    expect(fresh.weights.map((w) => w.rawWeight)).toEqual([1, 1]);
    expect(fresh.effectiveEvidence).toBe(2);
    expect(fresh.isNew).toBe(false);
    // an hour later both have decayed a little: Σw < 2, exactly, with no tolerance
    const later = trustScore([minutesAgo(60), minutesAgo(61)], params);
    expect(later.effectiveEvidence).toBeLessThan(2);
    expect(later.isNew).toBe(true);
  });

  it('clamps x into [0, 1] and treats a future close date as age 0', () => {
    const s = trustScore([order('A', 1.5), order('B', -0.2, { ageMonths: -3 })], params);
    expect(s.weights.map((w) => [w.x, w.rawWeight])).toEqual([
      [1, 1],
      [0, 1],
    ]);
  });
});

describe('trustScore, labels', () => {
  it.each<[TrustLabel, OrderOutcome[], number, number]>([
    // 200 perfect orders: α = 202.8, β = 1.2, E = 0.9941176, L = 0.9872812
    ['XUAT_SAC', ['A', 'B', 'C', 'D', 'E'].flatMap((g) => times(40, () => order(g, 1))), 0.7, 0.987281],
    // 10 orders x = 0.8: α = 10.8, β = 3.2, E = 0.7714286, L = 0.7714286 − 1.28·√(0.7714286·0.2285714/15) = 0.6326498
    ['DAT', ['A', 'B', 'C', 'D', 'E'].flatMap((g) => times(2, () => order(g, 0.8))), 0.7, 0.63265],
    // a weak category prior: E = 0.05, 0.05 − 1.28·√(0.05·0.95/5) < 0, clamped to 0
    ['YEU', [], 0.05, 0],
  ])('%s', (label, outcomes, mu0, lowerBound) => {
    const s = trustScore(outcomes, { ...params, priorMean: mu0 });
    expect(s.label).toBe(label);
    expect(s.lowerBound).toBeCloseTo(lowerBound, 6);
  });

  it('has Vietnamese names', () => {
    expect(Object.values(TRUST_LABELS_VI)).toEqual(['Xuất sắc', 'Tốt', 'Đạt', 'Cần cải thiện', 'Yếu']);
    expect(NEW_SUPPLIER_VI).toBe('Nhà cung cấp mới');
  });
});

describe('trustScore, parameters', () => {
  it('honours m, z and the half-life', () => {
    // half-life 9: the 18-month failed order weighs 0.25; m = 2: α = 1.4 + 1 = 2.4, β = 0.6 + 0.25 = 0.85
    // E = 2.4 / 3.25, and z = 0 makes L = E
    const s = trustScore([order('A', 1), order('A', 0, { ageMonths: 18 })], {
      ...params,
      m: 2,
      z: 0,
      halfLifeMonths: 9,
    });
    expect(s.expected).toBeCloseTo(2.4 / 3.25, 6);
    expect(s.lowerBound).toBeCloseTo(2.4 / 3.25, 6);
  });

  it.each<Partial<TrustParams>>([{ m: 0 }, { priorMean: 1.1 }, { priorMean: NaN }, { z: -1 }, { halfLifeMonths: 0 }])(
    'rejects %p',
    (change) => {
      expect(() => trustScore([], { ...params, ...change })).toThrow(RangeError);
    },
  );
});

describe('priorMean and median', () => {
  it('uses 0.7 until the category has 10 outcomes', () => {
    expect(priorMean(0, 0)).toBe(0.7);
    expect(priorMean(9, 0)).toBe(0.7);
    expect(priorMean(10, 0.6)).toBe(0.6);
  });

  it.each([
    [[], 0],
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
  ])('median(%p) = %p', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe('trustScore, properties', () => {
  const outcomeArb = (agencies: string[]) =>
    fc.record({
      orderId: fc.uuid(),
      agencyId: fc.constantFrom(...agencies),
      x: fc.double({ min: 0, max: 1, noNaN: true }),
      value: fc.double({ min: 0, max: 10 * MEDIAN, noNaN: true }),
      closedAt: fc.integer({ min: 0, max: 120 }).map((months) => new Date(NOW.getTime() - months * MS_PER_MONTH)),
    });
  const paramsArb = fc.record({
    now: fc.constant(NOW),
    categoryMedianValue: fc.constantFrom(MEDIAN, 0),
    priorMean: fc.double({ min: 0, max: 1, noNaN: true }),
  });

  // With one buying agency the cap cannot bind. Across agencies it can: a new agency shrinks the cap
  // from 1/2 to 40 %, so even a successful order may cut a dominant successful agency's weight and lower E.
  it('a successful order never lowers E, a failed one never raises it (one buying agency)', () => {
    fc.assert(
      fc.property(fc.array(outcomeArb(['A'])), outcomeArb(['A']), paramsArb, (outcomes, extra, p) => {
        const before = trustScore(outcomes, p).expected;
        expect(trustScore([...outcomes, { ...extra, x: 1 }], p).expected).toBeGreaterThanOrEqual(before - 1e-12);
        expect(trustScore([...outcomes, { ...extra, x: 0 }], p).expected).toBeLessThanOrEqual(before + 1e-12);
      }),
    );
  });

  it('0 ≤ L ≤ E ≤ 1 and the evidence never exceeds the raw weights', () => {
    fc.assert(
      fc.property(fc.array(outcomeArb(['A', 'B', 'C', 'D']), { maxLength: 30 }), paramsArb, (outcomes, p) => {
        const s = trustScore(outcomes, p);
        expect(s.lowerBound).toBeGreaterThanOrEqual(0);
        expect(s.lowerBound).toBeLessThanOrEqual(s.expected);
        expect(s.expected).toBeLessThanOrEqual(1);
        expect(s.effectiveEvidence).toBeLessThanOrEqual(s.weights.reduce((sum, w) => sum + w.rawWeight, 0) + 1e-9);
      }),
    );
  });
});

/**
 * An independent reading of PRODUCT.md's cap, literally: scale every agency above max(40 %, 1/G) of the current
 * total down to it, drop the excess, and repeat on the new total until no agency is above the cap (to 1e-13).
 */
function literallyCapped(weights: Array<{ agencyId: string; rawWeight: number }>): number[] {
  const agencies = new Set(weights.map((w) => w.agencyId)).size;
  const cap = Math.max(0.4, 1 / agencies);
  let current = weights.map((w) => w.rawWeight);
  for (let pass = 0; pass < 10_000; pass++) {
    const total = current.reduce((sum, w) => sum + w, 0);
    const byAgency = new Map<string, number>();
    weights.forEach((w, i) => byAgency.set(w.agencyId, (byAgency.get(w.agencyId) ?? 0) + current[i]));
    const over = [...byAgency].filter(([, sum]) => sum > cap * total * (1 + 1e-13));
    if (over.length === 0) return current;
    const factors = new Map(over.map(([agency, sum]) => [agency, (cap * total) / sum]));
    current = current.map((w, i) => w * (factors.get(weights[i].agencyId) ?? 1));
  }
  throw new Error('the literal cap did not converge');
}

/** A double as an exact integer multiple of 2^-1074 (every finite double is one). */
function exactUnits(x: number): bigint {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const units = exponent === 0 ? fraction : (fraction | (1n << 52n)) << BigInt(exponent - 1);
  return bits >> 63n ? -units : units;
}

describe('trustScore, the agency cap against an independent implementation', () => {
  const agencies = ['A', 'B', 'C', 'D', 'E'];
  const outcomesArb = fc.array(
    fc.record({
      orderId: fc.uuid(),
      agencyId: fc.constantFrom(...agencies),
      x: fc.double({ min: 0, max: 1, noNaN: true }),
      value: fc.double({ min: 1, max: 10 * MEDIAN, noNaN: true }),
      closedAt: fc.integer({ min: 0, max: 60 * 24 * 30 }).map((hours) => new Date(NOW.getTime() - hours * 3600_000)),
    }),
    { minLength: 1, maxLength: 40 },
  );

  it('gives the weights of the repeated scaling, and no agency ends above the cap of the final total', () => {
    fc.assert(
      fc.property(outcomesArb, (outcomes) => {
        const s = trustScore(outcomes, params);
        const literal = literallyCapped(s.weights);
        s.weights.forEach((w, i) => expect(Math.abs(w.weight - literal[i])).toBeLessThanOrEqual(1e-9 * w.rawWeight));
        const total = s.weights.reduce((sum, w) => sum + w.weight, 0);
        const cap = Math.max(0.4, 1 / new Set(outcomes.map((o) => o.agencyId)).size);
        const byAgency = new Map<string, number>();
        for (const w of s.weights) byAgency.set(w.agencyId, (byAgency.get(w.agencyId) ?? 0) + w.weight);
        for (const sum of byAgency.values()) expect(sum).toBeLessThanOrEqual(cap * total * (1 + 1e-12));
        // only scaled down, each agency's orders by one common factor
        for (const agency of byAgency.keys()) {
          const own = s.weights.filter((w) => w.agencyId === agency);
          own.forEach((w) => expect(w.weight).toBeLessThanOrEqual(w.rawWeight));
          own.forEach((w) => expect(w.weight * own[0].rawWeight).toBeCloseTo(own[0].weight * w.rawWeight, 12));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('labels "new" exactly when the exact sum of the weights is below 2', () => {
    // values around the median and ages of a few hours make Σw land near 2
    const nearTwo = fc.array(
      fc.record({
        orderId: fc.uuid(),
        agencyId: fc.constantFrom('A', 'B', 'C'),
        x: fc.constant(1),
        value: fc.integer({ min: MEDIAN / 2, max: 2 * MEDIAN }),
        closedAt: fc.integer({ min: 0, max: 3 }).map((hours) => new Date(NOW.getTime() - hours * 3600_000)),
      }),
      { minLength: 1, maxLength: 4 },
    );
    fc.assert(
      fc.property(fc.oneof(nearTwo, outcomesArb), (outcomes) => {
        const s = trustScore(outcomes, params);
        const exact = s.weights.reduce((sum, w) => sum + exactUnits(w.weight), 0n);
        expect(s.isNew).toBe(exact < exactUnits(2));
      }),
      { numRuns: 500 },
    );
  });
});

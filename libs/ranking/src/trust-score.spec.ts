import fc from 'fast-check';
import {
  NEW_SUPPLIER_VI,
  type OrderOutcome,
  TRUST_LABELS_VI,
  type TrustLabel,
  type TrustParams,
  median,
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
  it('scales down one dominant agency to 40 % of the raw total and drops the excess', () => {
    // A: 3 orders x = 1, B and C: 1 order x = 0 each, all w = 1. W = 5, cap = 0.4·5 = 2
    // A's orders are scaled by 2/3 → Σw = 4, Σwx = 2, Σw(1−x) = 2
    // α = 2.8 + 2 = 4.8, β = 1.2 + 2 = 3.2, E = 0.6 (0.6444 without the cap)
    // L = 0.6 − 1.28·√(0.6·0.4 / 9) = 0.6 − 1.28·0.1632993 = 0.3909769
    const outcomes = [order('A', 1), order('A', 1), order('A', 1), order('B', 0), order('C', 0)];
    const s = trustScore(outcomes, params);
    s.weights.slice(0, 3).forEach((w) => expect(w.weight).toBeCloseTo(2 / 3, 6));
    expect(s.weights.slice(3).map((w) => w.weight)).toEqual([1, 1]);
    expect(s.effectiveEvidence).toBeCloseTo(4, 6);
    expect(s.expected).toBeCloseTo(0.6, 6);
    expect(s.lowerBound).toBeCloseTo(0.390977, 6);
    expect(s.label).toBe('YEU');
  });

  it('allows 1/G when there are fewer than three agencies', () => {
    // W = 4, G = 2 → cap = 0.5·4 = 2; A (3) is scaled by 2/3
    const s = trustScore([order('A', 1), order('A', 1), order('A', 1), order('B', 0)], params);
    expect(s.effectiveEvidence).toBeCloseTo(3, 6);
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

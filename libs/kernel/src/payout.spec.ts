import { Fraction, floorDong } from './money';
import {
  type Comparator,
  type KpiPaymentTerms,
  type PaymentTerms,
  attainment,
  cumulativeEarned,
  explainKpi,
  payFraction,
  roundEarnedExact,
  simulatePayout,
  validatePaymentTerms,
} from './payout';

const adoption: KpiPaymentTerms = {
  key: 'adoption',
  weightBp: 10_000,
  baseline: '30',
  target: '45',
  direction: 'increase',
};
const waitDays: KpiPaymentTerms = { key: 'wait', weightBp: 6_000, baseline: '10', target: '6', direction: 'decrease' };
const uptime: KpiPaymentTerms = {
  key: 'uptime',
  weightBp: 4_000,
  baseline: null,
  target: '99.5',
  direction: 'increase',
  binary: true,
};

/** M = 100 000 000 ₫, 20 % on delivery, rounds 40 % / 60 %: each round can earn 0.8·M·share. */
const terms: PaymentTerms = {
  maxAmount: 100_000_000n,
  deliveryShareBp: 2_000,
  floorBp: 5_000,
  roundSharesBp: [4_000, 6_000],
  kpis: [waitDays, uptime],
};

const frac = (n: number, d = 1) => new Fraction(n, d);

describe('attainment', () => {
  it.each<[string, KpiPaymentTerms, string, Fraction]>([
    ['increase, inside the range', adoption, '42', frac(4, 5)],
    ['increase, at the baseline', adoption, '30', frac(0)],
    ['increase, below the baseline is clamped to 0', adoption, '20', frac(0)],
    ['increase, beyond the target is clamped to 1', adoption, '50', frac(1)],
    ['increase, exact decimals', adoption, '30.1', frac(1, 150)],
    ['decrease, inside the range', waitDays, '7', frac(3, 4)],
    ['decrease, worse than the baseline is clamped to 0', waitDays, '12', frac(0)],
    ['decrease, better than the target is clamped to 1', waitDays, '5', frac(1)],
    ['binary gte (default for increase), met', uptime, '99.7', frac(1)],
    ['binary gte, met exactly', uptime, '99.5', frac(1)],
    ['binary gte, missed', uptime, '99.49', frac(0)],
    ['binary lte (default for decrease), met', { ...uptime, direction: 'decrease', target: '2' }, '1.5', frac(1)],
    ['binary lte, missed', { ...uptime, direction: 'decrease', target: '2' }, '2.01', frac(0)],
    ['binary gt, missed at the target', { ...uptime, comparator: 'gt' }, '99.5', frac(0)],
    ['binary lt, met', { ...uptime, comparator: 'lt' }, '99.4', frac(1)],
    ['binary eq, met', { ...uptime, comparator: 'eq' }, '99.50', frac(1)],
    ['binary eq, missed', { ...uptime, comparator: 'eq' }, '99.6', frac(0)],
    ['target = baseline is binary', { ...adoption, baseline: '45' }, '45', frac(1)],
    ['target = baseline is binary, missed', { ...adoption, baseline: '45' }, '44.9', frac(0)],
  ])('%s', (_, kpi, measured, expected) => {
    expect(attainment(kpi, measured).equals(expected)).toBe(true);
  });

  it('refuses a range KPI without a baseline', () => {
    expect(() => attainment({ ...adoption, baseline: null }, '40')).toThrow('no baseline');
  });

  it('refuses a measurement that is not an exact decimal', () => {
    expect(() => attainment(adoption, '4.2e1')).toThrow(RangeError);
  });
});

describe('payFraction', () => {
  it.each<[Fraction, number, Fraction]>([
    [frac(49, 100), 5_000, frac(0)],
    [frac(1, 2), 5_000, frac(1, 2)],
    [frac(4, 5), 5_000, frac(4, 5)],
    [frac(1), 5_000, frac(1)],
    [frac(0), 0, frac(0)],
    [frac(1, 100), 0, frac(1, 100)],
    [frac(99, 100), 10_000, frac(0)],
  ])('f(%s) with floor %i bp', (a, floorBp, expected) => {
    expect(payFraction(a, floorBp).equals(expected)).toBe(true);
  });
});

describe('validatePaymentTerms', () => {
  it('accepts valid terms, including a threshold KPI without a baseline', () => {
    expect(validatePaymentTerms(terms)).toEqual([]);
  });

  it.each<[string, Partial<PaymentTerms>, string]>([
    ['weights not summing to 10 000', { kpis: [{ ...waitDays, weightBp: 5_000 }, uptime] }, 'KPI weights must sum'],
    ['shares not summing to 10 000', { roundSharesBp: [4_000, 5_000] }, 'Round shares must sum'],
    ['delivery share above 30 %', { deliveryShareBp: 3_001 }, 'delivery share'],
    ['negative delivery share', { deliveryShareBp: -1 }, 'delivery share'],
    ['floor above 100 %', { floorBp: 10_001 }, 'payment floor'],
    ['fractional basis points', { floorBp: 5_000.5 }, 'whole number'],
    ['zero maximum amount', { maxAmount: 0n }, 'maximum amount'],
    ['no rounds', { roundSharesBp: [] }, 'at least one measurement round'],
    ['no KPIs', { kpis: [] }, 'at least one KPI'],
    ['an increase KPI whose target is below its baseline', { kpis: [{ ...adoption, target: '20' }] }, 'must increase'],
    [
      'a decrease KPI whose target is above its baseline',
      { kpis: [{ ...waitDays, weightBp: 10_000, target: '12' }] },
      'must decrease',
    ],
    ['a target that is not a decimal', { kpis: [{ ...adoption, target: '45%' }] }, 'target of KPI "adoption"'],
    ['a baseline that is not a decimal', { kpis: [{ ...adoption, baseline: 'n/a' }] }, 'baseline of KPI "adoption"'],
    [
      'duplicate KPI keys',
      {
        kpis: [
          { ...uptime, weightBp: 5_000 },
          { ...uptime, weightBp: 5_000 },
        ],
      },
      'more than once',
    ],
    [
      'an unknown comparator',
      { kpis: [{ ...uptime, weightBp: 10_000, comparator: 'ge' as Comparator }] },
      'comparator',
    ],
  ])('reports %s', (_, change, problem) => {
    const problems = validatePaymentTerms({ ...terms, ...change });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(problem);
  });

  it('reports every problem at once', () => {
    expect(validatePaymentTerms({ ...terms, maxAmount: -1n, floorBp: 1.5, roundSharesBp: [1] })).toHaveLength(3);
  });
});

describe('roundEarnedExact', () => {
  it('pays (1 − d)·M·share·Σ weight·f(a)', () => {
    // 0.8 · 100 000 000 · 0.4 · (0.6 · 0.75 + 0.4 · 1) = 32 000 000 · 0.85
    expect(roundEarnedExact(terms, 0, { wait: '7', uptime: '99.7' }).equals(27_200_000)).toBe(true);
  });

  it('pays nothing for a KPI below the floor or a missed threshold', () => {
    // wait: a = (9 − 10)/(6 − 10) = 0.25 < 0.5
    expect(roundEarnedExact(terms, 1, { wait: '9', uptime: '99.1' }).equals(0)).toBe(true);
  });

  it('counts a missing measurement as not yet evaluable, not as zero', () => {
    // only wait, clamped to 1: 0.8 · 100 000 000 · 0.6 · 0.6
    expect(roundEarnedExact(terms, 1, { wait: '5' }).equals(28_800_000)).toBe(true);
    expect(roundEarnedExact(terms, 1, { wait: '5', uptime: null }).equals(28_800_000)).toBe(true);
  });

  it('stays exact where floats would not', () => {
    const t: PaymentTerms = {
      ...terms,
      maxAmount: 1_000_000n,
      deliveryShareBp: 0,
      roundSharesBp: [10_000],
      kpis: [adoption],
    };
    // a = (30.1 − 30)/15 = 1/150 → below the floor when 5000 bp, so use floor 0: 1 000 000 / 150 = 20 000/3
    expect(roundEarnedExact({ ...t, floorBp: 0 }, 0, { adoption: '30.1' }).equals(frac(20_000, 3))).toBe(true);
  });

  it('refuses a round the order does not have', () => {
    expect(() => roundEarnedExact(terms, 2, {})).toThrow(RangeError);
  });
});

describe('cumulativeEarned', () => {
  it('earns the delivery share once delivered', () => {
    expect(cumulativeEarned(terms, { delivered: false, rounds: [] })).toBe(0n);
    expect(cumulativeEarned(terms, { delivered: true, rounds: [] })).toBe(20_000_000n);
  });

  it('adds the rounds measured so far', () => {
    const rounds = [{ wait: '7', uptime: '99.7' }, { wait: '5' }];
    // 20 000 000 + 27 200 000 + 28 800 000
    expect(cumulativeEarned(terms, { delivered: true, rounds })).toBe(76_000_000n);
  });

  it('pays M exactly when every KPI is fully met', () => {
    const full = { wait: '6', uptime: '100' };
    expect(cumulativeEarned(terms, { delivered: true, rounds: [full, full] })).toBe(100_000_000n);
  });

  it('floors once from the cumulative exact sum, so no đồng is lost to rounding', () => {
    // M = 10 000 000, four rounds of 25 %, a = 2/3 each: every round earns 1 666 666.67 ₫ exactly.
    // Flooring each round would pay 4 · 1 666 666 = 6 666 664 ₫ and lose 2 ₫;
    // flooring the cumulative sum pays floor(6 666 666.67) = 6 666 666 ₫.
    const t: PaymentTerms = {
      maxAmount: 10_000_000n,
      deliveryShareBp: 0,
      floorBp: 5_000,
      roundSharesBp: [2_500, 2_500, 2_500, 2_500],
      kpis: [{ key: 'k', weightBp: 10_000, baseline: '0', target: '3', direction: 'increase' }],
    };
    const rounds = Array.from({ length: 4 }, () => ({ k: '2' }));
    const perRoundFloors = rounds.map((m, r) => floorDong(roundEarnedExact(t, r, m)));
    expect(perRoundFloors.reduce((a, b) => a + b)).toBe(6_666_664n);

    const cumulative = [1, 2, 3, 4].map((n) => cumulativeEarned(t, { delivered: false, rounds: rounds.slice(0, n) }));
    expect(cumulative).toEqual([1_666_666n, 3_333_333n, 5_000_000n, 6_666_666n]);
    const payments = cumulative.map((c, r) => c - (r === 0 ? 0n : cumulative[r - 1]));
    expect(payments).toEqual([1_666_666n, 1_666_667n, 1_666_667n, 1_666_666n]);
  });

  it('refuses invalid terms and more rounds than the order has', () => {
    expect(() => cumulativeEarned({ ...terms, floorBp: -1 }, { delivered: true, rounds: [] })).toThrow('payment floor');
    expect(() => cumulativeEarned(terms, { delivered: true, rounds: [{}, {}, {}] })).toThrow(RangeError);
  });
});

describe('explainKpi', () => {
  it.each<[string, KpiPaymentTerms, string, number, string, string, string, string]>([
    [
      'range, above the floor',
      adoption,
      '42',
      5_000,
      '0.8000',
      '0.8000',
      'Đạt 80,00% mức cải thiện cam kết (đo được 42, cơ sở 30, mục tiêu 45); trên ngưỡng sàn 50% nên được trả 80,00%.',
      'Achieved 80.00% of the committed improvement (measured 42, baseline 30, target 45); above the 50% floor, so 80.00% is paid.',
    ],
    [
      'range, below the floor',
      adoption,
      '34.5',
      5_000,
      '0.3000',
      '0.0000',
      'Đạt 30,00% mức cải thiện cam kết (đo được 34,5, cơ sở 30, mục tiêu 45); dưới ngưỡng sàn 50% nên không được trả.',
      'Achieved 30.00% of the committed improvement (measured 34.5, baseline 30, target 45); below the 50% floor, so nothing is paid.',
    ],
    [
      'range, non-terminating attainment rounded down',
      { ...adoption, baseline: '0', target: '3' },
      '2',
      6_250,
      '0.6666',
      '0.6666',
      'Đạt 66,66% mức cải thiện cam kết (đo được 2, cơ sở 0, mục tiêu 3); trên ngưỡng sàn 62,5% nên được trả 66,66%.',
      'Achieved 66.66% of the committed improvement (measured 2, baseline 0, target 3); above the 62.5% floor, so 66.66% is paid.',
    ],
    [
      'decrease, exactly at the floor',
      waitDays,
      '8',
      5_000,
      '0.5000',
      '0.5000',
      'Đạt 50,00% mức cải thiện cam kết (đo được 8, cơ sở 10, mục tiêu 6); bằng ngưỡng sàn 50% nên được trả 50,00%.',
      'Achieved 50.00% of the committed improvement (measured 8, baseline 10, target 6); at the 50% floor, so 50.00% is paid.',
    ],
    [
      'threshold met',
      uptime,
      '99.7',
      5_000,
      '1.0000',
      '1.0000',
      'Đạt ngưỡng cam kết (đo được 99,7, yêu cầu ≥ 99,5) nên được trả 100,00%.',
      'Threshold met (measured 99.7, required ≥ 99.5), so 100.00% is paid.',
    ],
    [
      'threshold missed',
      { ...uptime, comparator: 'lt', target: '2.5' },
      '3',
      5_000,
      '0.0000',
      '0.0000',
      'Chưa đạt ngưỡng cam kết (đo được 3, yêu cầu < 2,5) nên không được trả.',
      'Threshold not met (measured 3, required < 2.5), so nothing is paid.',
    ],
  ])('%s', (_, kpi, measured, floorBp, a, f, reasonVi, reasonEn) => {
    expect(explainKpi(kpi, measured, floorBp)).toEqual({ attainment: a, payFraction: f, reasonVi, reasonEn });
  });
});

describe('simulatePayout', () => {
  it('shows what each attainment level pays', () => {
    // wait follows the level; the uptime threshold only counts as met at level 1.
    // Rounds earn 0.8 · M · share · Σ weight·f: 32 000 000 and 48 000 000 ₫ at full attainment.
    expect(simulatePayout(terms, [0, 0.25, 0.5, 0.75, 1])).toEqual([
      { level: 0, delivery: 20_000_000n, perRound: [0n, 0n], total: 20_000_000n },
      { level: 0.25, delivery: 20_000_000n, perRound: [0n, 0n], total: 20_000_000n },
      { level: 0.5, delivery: 20_000_000n, perRound: [9_600_000n, 14_400_000n], total: 44_000_000n },
      { level: 0.75, delivery: 20_000_000n, perRound: [14_400_000n, 21_600_000n], total: 56_000_000n },
      { level: 1, delivery: 20_000_000n, perRound: [32_000_000n, 48_000_000n], total: 100_000_000n },
    ]);
  });

  it('pays per round what settlement would pay, so the rounds add up to the floored total', () => {
    const t: PaymentTerms = { ...terms, maxAmount: 1_000_001n, roundSharesBp: [3_333, 3_333, 3_334] };
    const [result] = simulatePayout(t, [1]);
    // Exact cumulative: 200 000.2 → 466 640.46664 → 733 280.73328 → 1 000 001; each step pays the floored difference.
    expect(result.perRound).toEqual([266_640n, 266_640n, 266_721n]);
    expect(result.delivery + result.perRound.reduce((a, b) => a + b)).toBe(result.total);
    expect(result.total).toBe(1_000_001n);
  });

  it('reads a level as the decimal it prints as', () => {
    const t: PaymentTerms = { ...terms, floorBp: 0, kpis: [adoption] };
    // 0.1 · 0.8 · 100 000 000 = 8 000 000 exactly, not 7 999 999 from 0.1's binary approximation
    expect(simulatePayout(t, [0.1])[0].total).toBe(28_000_000n);
  });

  it('refuses invalid terms, non-finite levels and range KPIs without a baseline', () => {
    expect(() => simulatePayout({ ...terms, kpis: [] }, [1])).toThrow('at least one KPI');
    expect(() => simulatePayout(terms, [NaN])).toThrow(RangeError);
    expect(() => simulatePayout({ ...terms, kpis: [{ ...adoption, baseline: null }] }, [1])).toThrow('no baseline');
  });
});

import fc from 'fast-check';
import { cumulativeEarned, parseExact, simulateKpiAlone } from '@app/kernel';
import { paymentTermsOf, type OrderKpiTerms, type OrderTerms } from '@app/ordering';
import { aggregate, evaluateRound, seriesOf } from './evaluation';
import { terms } from './evaluation.fixture';

/** The fixture order with its maximum amount, payment floor and KPI as given (one reading suffices). */
const order = (maxAmount: bigint, kpi: Partial<OrderKpiTerms> = {}, floorBp = 5_000): OrderTerms => ({
  ...terms({ baseline: '0', target: '1', minimumSample: 1, ...kpi }),
  maxAmount: maxAmount.toString(),
  floorBp,
});

/** What the round earns, evaluated from its readings as settlement does. */
const earnedFrom = (terms: OrderTerms, readings: string[]): bigint => {
  const evaluation = evaluateRound(terms, 1, new Map([['K1', seriesOf(readings)]]));
  if (!evaluation.evaluable) throw new Error('not evaluable');
  return cumulativeEarned(paymentTermsOf(terms), { delivered: false, rounds: [evaluation.measured] });
};

// An independent implementation: readings with at most 6 decimals are integers of micro-units; a mean is the pair
// (Σ micro-units, n · 10⁶); the payout is M · a floored, with a = clamp((mean − b) / (t − b)) and the floor rule.
const MICRO = 1_000_000n;
const micros = (reading: string): bigint => {
  const [int, fraction = ''] = reading.split('.');
  return BigInt(int) * MICRO + BigInt(fraction.padEnd(6, '0'));
};
const meanOf = (readings: string[]) => ({
  n: readings.reduce((sum, r) => sum + micros(r), 0n),
  d: BigInt(readings.length) * MICRO,
});
/** floor(M · clamp((mean − b) / (t − b), 0, 1)) with nothing below the floor, for integers b < t. */
const independentPayout = (maxAmount: bigint, readings: string[], b: bigint, t: bigint, floorBp: bigint): bigint => {
  const { n, d } = meanOf(readings);
  const [num, den] = [n - b * d, (t - b) * d];
  if (num <= 0n) return 0n;
  if (num >= den) return maxAmount;
  if (num * 10_000n < floorBp * den) return 0n;
  return (maxAmount * num) / den;
};

const reading = fc
  .tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 999_999 }))
  .map(([int, micro]) => `${int}.${String(micro).padStart(6, '0')}`.replace(/\.?0+$/, '') || '0');

describe('exact aggregation', () => {
  it('keeps a mean over 1, 1 and 0 as 2/3, and pays a large order exactly from it', () => {
    expect(aggregate('mean', seriesOf(['1', '1', '0']))).toBe('2/3');
    // Rounded to 0.666667 first, this order paid 6 666 669 999 đồng: 3 333 đồng too much.
    expect(earnedFrom(order(9_999_999_999n), ['1', '1', '0'])).toBe(6_666_666_666n);
  });

  it('shows a value no decimal writes as a rounded display, and keeps a terminating one as it is', () => {
    const evaluation = evaluateRound(order(1_000_000n), 1, new Map([['K1', seriesOf(['1', '1', '0'])]]));
    expect(evaluation).toMatchObject({
      evaluable: true,
      results: [{ measured: '2/3', measuredDisplay: '≈ 0.666667' }],
    });
    const terminating = evaluateRound(order(1_000_000n), 1, new Map([['K1', seriesOf(['0.5', '0.25'])]]));
    expect(terminating).toMatchObject({ evaluable: true, results: [{ measured: '0.375', measuredDisplay: '0.375' }] });
  });

  it('computes every mean exactly (property, against an independent rational mean)', () => {
    fc.assert(
      fc.property(fc.array(reading, { minLength: 1, maxLength: 40 }), (readings) => {
        const exact = parseExact(aggregate('mean', seriesOf(readings)));
        const { n, d } = meanOf(readings);
        expect(exact.n * d).toBe(n * exact.d);
      }),
    );
  });

  it('computes sums exactly, whatever the number of readings (property)', () => {
    fc.assert(
      fc.property(fc.array(reading, { minLength: 1, maxLength: 40 }), (readings) => {
        const exact = parseExact(aggregate('sum', seriesOf(readings)));
        const total = readings.reduce((sum, r) => sum + micros(r), 0n);
        expect(exact.n * MICRO).toBe(total * exact.d);
      }),
    );
  });

  it('pays what the independent implementation pays from the exact mean (property)', () => {
    fc.assert(
      fc.property(
        fc.array(reading, { minLength: 1, maxLength: 25 }),
        fc.bigInt({ min: 1n, max: 10n ** 13n }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 0, max: 10_000 }),
        (readings, maxAmount, baseline, range, floorBp) => {
          const target = baseline + range;
          const terms = order(maxAmount, { baseline: String(baseline), target: String(target) }, floorBp);
          expect(earnedFrom(terms, readings)).toBe(
            independentPayout(maxAmount, readings, BigInt(baseline), BigInt(target), BigInt(floorBp)),
          );
        },
      ),
    );
  });
});

describe('payout simulator, per KPI', () => {
  const binary = paymentTermsOf(order(1_000_000_000n, { baseline: '99.5', target: '99.5' }));

  it('pays a binary KPI (target = baseline) nothing below full attainment and everything at it', () => {
    expect([0, 0.5, 0.99, 1].map((level) => simulateKpiAlone(binary, 'K1', level))).toEqual([
      0n,
      0n,
      0n,
      1_000_000_000n,
    ]);
  });

  it('pays a range KPI alone what settlement pays for that reading, without rounding the reading (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.bigInt({ min: 1n, max: 10n ** 13n }),
        (levelBp, maxAmount) => {
          const level = levelBp / 10_000;
          const terms = paymentTermsOf(order(maxAmount, { baseline: '0', target: '3' }, 0));
          // At this level the KPI reads 3 · level exactly; the payout is M · level, floored.
          expect(simulateKpiAlone(terms, 'K1', level)).toBe((maxAmount * BigInt(levelBp)) / 10_000n);
        },
      ),
    );
  });
});

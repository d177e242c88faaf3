import { aggregate, evaluateRound, seriesOf, expectedPoints, requiredPoints } from './evaluation';
import { terms } from './evaluation.fixture';

describe('aggregate', () => {
  it.each([
    ['mean', ['1', '2', '4'], '7/3'],
    ['mean', ['1', '1', '0'], '2/3'],
    ['mean', ['0.1', '0.2'], '0.15'],
    ['mean', ['40', '44'], '42'],
    ['sum', ['1.5', '2.25'], '3.75'],
    ['last', ['7', '9', '3'], '3'],
    ['count', ['7', '9', '3'], '3'],
  ] as const)('%s of %p is %s', (kind, values, expected) =>
    expect(aggregate(kind, seriesOf([...values]))).toBe(expected),
  );
});

const ROUND = { no: 1, shareBp: 10_000, startsAt: '2026-01-01T00:00:00Z', endsAt: '2026-04-01T00:00:00Z' };

describe('sufficiency', () => {
  it.each([
    ['daily', 0, 90, 81],
    ['weekly', 0, 12, 11],
    ['monthly', 0, 3, 3],
    ['quarterly', 0, 1, 1],
    ['yearly', 0, 1, 1],
    ['daily', 85, 90, 85],
    ['once', 0, null, 1],
    [undefined, 4, null, 4],
  ] as const)(
    'a %s KPI with minimum sample %d expects %p points in 90 days and needs %d',
    (frequency, min, expected, required) => {
      expect(expectedPoints({ frequency }, ROUND)).toBe(expected);
      expect(requiredPoints({ frequency, minimumSample: min }, ROUND)).toBe(required);
    },
  );
});

describe('evaluateRound', () => {
  it('is not evaluable below the minimum sample, and says which KPI lacks data', () => {
    expect(evaluateRound(terms(), 1, new Map([['K1', seriesOf(['42'])]]))).toEqual({
      evaluable: false,
      insufficient: [{ key: 'K1', points: 1, required: 2, expected: null }],
    });
  });

  it('is not evaluable below 90 % of the expected points, and evaluable at 90 %', () => {
    const daily = terms({ frequency: 'daily', minimumSample: 1 });
    const values = (n: number) => Array.from({ length: n }, () => '42');
    expect(evaluateRound(daily, 1, new Map([['K1', seriesOf(values(80))]]))).toEqual({
      evaluable: false,
      insufficient: [{ key: 'K1', points: 80, required: 81, expected: 90 }],
    });
    const result = evaluateRound(daily, 1, new Map([['K1', seriesOf(values(81))]]));
    if (!result.evaluable) throw new Error('expected an evaluable round');
    expect(result.results[0]).toMatchObject({ points: 81, expectedPoints: 90, requiredPoints: 81, coverage: '0.9000' });
  });

  it('computes attainment, pay fraction and amount with a Vietnamese and English explanation', () => {
    const result = evaluateRound(terms(), 1, new Map([['K1', seriesOf(['40', '44'])]]));
    if (!result.evaluable) throw new Error('expected an evaluable round');
    expect(result.measured).toEqual({ K1: '42' });
    expect(result.results[0]).toMatchObject({
      points: 2,
      measured: '42',
      attainment: '0.8000',
      payFraction: '0.8000',
      amount: '800000',
    });
    expect(result.results[0].reasonVi).toContain('80,00%');
    expect(result.results[0].reasonEn).toContain('80.00%');
  });
});

import fc from 'fast-check';
import { percentOf, rankTrials, type TrialResult } from './bake-off-ranking';

const trial = (offerId: string, paid: bigint, scoreTotal: number, scoreRank: number, maxAmount = 100_000_000n) => ({
  offerId,
  paid,
  maxAmount,
  scoreTotal,
  scoreRank,
});

describe('rankTrials', () => {
  it('proposes the best measured cost-effectiveness even against a better tier-2 score', () => {
    const ranked = rankTrials([trial('top-score', 40_000_000n, 0.9, 1), trial('best-measured', 75_000_000n, 0.6, 2)]);
    expect(ranked.map((r) => [r.offerId, r.comparisonRank])).toEqual([
      ['best-measured', 1],
      ['top-score', 2],
    ]);
    expect(ranked[0].costEffectiveness.toFraction()).toBe('3/4');
  });

  it('compares earned money per đồng of each trial’s own budget, exactly', () => {
    const ranked = rankTrials([trial('a', 1n, 0.5, 1, 3n), trial('b', 333_333n, 0.5, 2, 1_000_000n)]);
    expect(ranked[0].offerId).toBe('a');
  });

  it('breaks ties by tier-2 score, then rank', () => {
    const byScore = rankTrials([trial('low', 50n, 0.4, 2), trial('high', 50n, 0.7, 1)]);
    expect(byScore[0].offerId).toBe('high');
    const byRank = rankTrials([trial('second', 50n, 0.7, 2), trial('first', 50n, 0.7, 1)]);
    expect(byRank[0].offerId).toBe('first');
  });

  it('does not depend on the order of its input', () => {
    const arb = fc.uniqueArray(
      fc.record({
        offerId: fc.uuid(),
        paid: fc.bigInt({ min: 0n, max: 1_000n }),
        maxAmount: fc.bigInt({ min: 1_000n, max: 2_000n }),
        scoreTotal: fc.integer({ min: 0, max: 4 }).map((n) => n / 4),
        scoreRank: fc.integer({ min: 1, max: 3 }),
      }),
      { minLength: 1, maxLength: 5, selector: (r: TrialResult) => r.offerId },
    );
    fc.assert(
      fc.property(arb, (results) => {
        const forward = rankTrials(results).map((r) => r.offerId);
        expect(rankTrials([...results].reverse()).map((r) => r.offerId)).toEqual(forward);
      }),
    );
  });
});

describe('percentOf', () => {
  it('prints two decimals rounded down', () => {
    expect(percentOf(rankTrials([trial('a', 2n, 0, 1, 3n)])[0].costEffectiveness)).toBe('66.66');
  });
});

import { equalShares, kpiWeightsBp, roundSharesBp, roundSharesRefusal } from './offer-terms';

describe('kpiWeightsBp', () => {
  it('keeps the weights the buyer set', () => {
    expect(kpiWeightsBp([{ weightBp: 7000 }, { weightBp: 3000 }])).toEqual([7000, 3000]);
  });

  it('weighs KPIs equally when the problem sets no weights', () => {
    expect(kpiWeightsBp([{ weightBp: null }, { weightBp: null }, { weightBp: null }])).toEqual([3334, 3333, 3333]);
  });
});

describe('roundSharesBp', () => {
  it('keeps the proposed shares and falls back to equal ones', () => {
    expect(roundSharesBp({ rounds: 3, roundSharesBp: [2000, 3000, 5000] })).toEqual([2000, 3000, 5000]);
    expect(roundSharesBp({ rounds: 3, roundSharesBp: null })).toEqual(equalShares(3));
  });
});

describe('roundSharesRefusal', () => {
  it('accepts one positive share per round summing to 10,000', () => {
    expect(roundSharesRefusal([2000, 3000, 5000], 3)).toBeNull();
    expect(roundSharesRefusal([10_000], 1)).toBeNull();
  });

  it('refuses a wrong length, a wrong sum and a zero or negative share', () => {
    expect(roundSharesRefusal([5000, 5000], 3)).toEqual({
      field: 'roundSharesBp',
      rounds: 3,
      length: 2,
      sum: 10_000,
      minimum: 5000,
    });
    expect(roundSharesRefusal([2000, 3000, 4000], 3)?.sum).toBe(9000);
    expect(roundSharesRefusal([0, 5000, 5000], 3)?.minimum).toBe(0);
    expect(roundSharesRefusal([-1000, 6000, 5000], 3)?.minimum).toBe(-1000);
    expect(roundSharesRefusal([], 1)).toEqual({ field: 'roundSharesBp', rounds: 1, length: 0, sum: 0, minimum: 0 });
  });
});

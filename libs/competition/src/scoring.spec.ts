import fc from 'fast-check';
import { DEFAULT_WEIGHTS } from './contracts/competition';
import { committedImprovement, scoreOffers } from './scoring';

describe('scoreOffers', () => {
  it('follows the default 0.4 / 0.4 / 0.2 formula with its breakdown', () => {
    const scores = scoreOffers(
      [
        { offerId: 'a', price: 1_000n, improvement: 1, trust: 0.5 },
        { offerId: 'b', price: 800n, improvement: 1.5, trust: 0.7 },
        { offerId: 'c', price: 500n, improvement: 0.5, trust: 0.9 },
      ],
      DEFAULT_WEIGHTS,
    );
    // b: 0.4·500/800 + 0.4·1.5/1.5 + 0.2·0.7 = 0.25 + 0.4 + 0.14 = 0.79
    // c: 0.4·1 + 0.4·0.5/1.5 + 0.2·0.9 = 0.4 + 0.13333 + 0.18 = 0.71333
    // a: 0.4·0.5 + 0.4·1/1.5 + 0.2·0.5 = 0.2 + 0.26667 + 0.1 = 0.56667
    expect(scores.map((s) => s.offerId)).toEqual(['b', 'c', 'a']);
    expect(scores[0]).toMatchObject({ rank: 1, priceScore: 0.625, effectScore: 1, trustScore: 0.7 });
    expect(scores[0].total).toBeCloseTo(0.79, 10);
    expect(scores[1].total).toBeCloseTo(0.713333, 6);
    expect(scores[2].total).toBeCloseTo(0.566667, 6);
  });

  it('does not depend on the order offers are given in', () => {
    const offer = fc.record({
      offerId: fc.uuid(),
      price: fc.bigInt({ min: 1n, max: 10n ** 12n }),
      improvement: fc.double({ min: 0, max: 3, noNaN: true }),
      trust: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    const offersAndPermutation = fc
      .uniqueArray(offer, { selector: (o) => o.offerId, minLength: 1, maxLength: 8 })
      .chain((offers) => fc.tuple(fc.constant(offers), fc.shuffledSubarray(offers, { minLength: offers.length })));
    fc.assert(
      fc.property(offersAndPermutation, ([offers, permuted]) => {
        expect(scoreOffers(permuted, DEFAULT_WEIGHTS)).toEqual(scoreOffers(offers, DEFAULT_WEIGHTS));
      }),
    );
  });
});

describe('committedImprovement', () => {
  const kpis = [
    { code: 'K1', baseline: '30', target: '45', binary: false, weightBp: null },
    { code: 'K2', baseline: '20', target: '10', binary: false, weightBp: null },
  ];

  it('is 1 when the offer commits exactly to the problem targets', () => {
    expect(
      committedImprovement(kpis, [
        { kpiCode: 'K1', target: '45' },
        { kpiCode: 'K2', target: '10' },
      ]),
    ).toBe(1);
  });

  it('rewards better commitments in either direction', () => {
    // K1: (50 − 30) / 15 = 1.3333; K2: (5 − 20) / (10 − 20) = 1.5 → mean 1.41667
    expect(
      committedImprovement(kpis, [
        { kpiCode: 'K1', target: '50' },
        { kpiCode: 'K2', target: '5' },
      ]),
    ).toBeCloseTo(1.416667, 6);
  });

  it('weights each KPI by the problem’s KPI weights when it sets them', () => {
    // K1: 1.3333 · 0.7 + K2: 1.5 · 0.3 = 0.93333 + 0.45 = 1.38333
    expect(
      committedImprovement(
        [
          { ...kpis[0], weightBp: 7000 },
          { ...kpis[1], weightBp: 3000 },
        ],
        [
          { kpiCode: 'K1', target: '50' },
          { kpiCode: 'K2', target: '5' },
        ],
      ),
    ).toBeCloseTo(1.383333, 6);
  });

  it('uses the agreed baseline when the problem measures one during a baseline period', () => {
    expect(
      committedImprovement(
        [{ code: 'K1', baseline: null, target: '80', binary: false, weightBp: null }],
        [{ kpiCode: 'K1', target: '90', baseline: '60' }],
      ),
    ).toBe(1.5);
  });
});

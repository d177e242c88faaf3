import fc from 'fast-check';
import { splitProRata } from './pro-rata';

describe('splitProRata', () => {
  it('returns the remainder in proportion to the contributions', () => {
    expect(splitProRata(600n, [300n, 200n, 100n])).toEqual([300n, 200n, 100n]);
    expect(splitProRata(0n, [1n, 2n])).toEqual([0n, 0n]);
    expect(splitProRata(5n, [10n])).toEqual([5n]);
  });

  it('rounds every co-funder down and gives the leftover đồng to the city budget', () => {
    // 100 × 1/3 = 33.3 per party: the two co-funders get 33 each, the city 34.
    expect(splitProRata(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    // A city that contributed nothing still receives the đồng rounding leaves over, never a co-funder.
    expect(splitProRata(1n, [0n, 1n, 1n])).toEqual([1n, 0n, 0n]);
  });

  it.each([
    ['a negative amount', -1n, [1n]],
    ['no contributions', 1n, []],
    ['contributions summing to zero', 1n, [0n, 0n]],
    ['a negative contribution', 1n, [2n, -1n]],
  ])('refuses %s', (_, amount, contributions) => {
    expect(() => splitProRata(amount, contributions)).toThrow(RangeError);
  });

  it('is exact: parts sum to the amount, none negative, each within one đồng of its proportional share', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 13n }), { minLength: 1, maxLength: 8 }),
        fc.bigInt({ min: 0n, max: 10n ** 13n }),
        (amount, cofunders, city) => {
          const contributions = [city, ...cofunders];
          const total = contributions.reduce((s, c) => s + c, 0n);
          fc.pre(total > 0n);
          const [cityPart, ...parts] = splitProRata(amount, contributions);
          expect(cityPart + parts.reduce((s, p) => s + p, 0n)).toBe(amount);
          expect(cityPart >= 0n).toBe(true);
          // Compared without division: share = amount · contribution / total.
          parts.forEach((part, i) => {
            expect(part >= 0n).toBe(true);
            expect(part * total <= amount * cofunders[i]).toBe(true);
            expect(part * total > amount * cofunders[i] - total).toBe(true);
          });
          // The city gets at least its share, plus less than one đồng per co-funder.
          expect(cityPart * total >= amount * city).toBe(true);
          expect(cityPart * total < amount * city + BigInt(cofunders.length) * total).toBe(true);
        },
      ),
    );
  });
});

import { hanoiDateTime } from './hanoi-time';

describe('hanoiDateTime', () => {
  it.each([
    ['2026-12-31T17:05:00Z', '01/01/2027 00:05'],
    ['2026-12-05T16:59:00Z', '05/12/2026 23:59'],
    ['2027-03-05T00:00:00Z', '05/03/2027 07:00'],
  ])('writes %s as Hà Nội reads it: %s', (instant, shown) => {
    expect(hanoiDateTime(instant)).toBe(shown);
  });
});

import 'reflect-metadata';
import { hanoiDateTime, percentVi } from './record-pdf';

describe('the printed record’s Vietnamese figures', () => {
  it.each([
    ['2026-12-31T17:05:00Z', '01/01/2027 00:05'],
    ['2026-12-05T16:59:00Z', '05/12/2026 23:59'],
    ['2027-03-05T00:00:00Z', '05/03/2027 07:00'],
  ])('writes %s as Hà Nội reads it: %s', (instant, shown) => {
    expect(hanoiDateTime(instant)).toBe(shown);
  });

  it.each([
    ['0.8666', '86,66 %'],
    ['1', '100 %'],
    ['0', '0 %'],
    ['0.0005', '0,05 %'],
  ])('writes the share %s as %s, exactly', (share, shown) => {
    expect(percentVi(share)).toBe(shown);
  });
});

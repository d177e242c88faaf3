import 'reflect-metadata';
import { percentVi } from './record-pdf';

describe('the printed record’s Vietnamese figures', () => {
  it.each([
    ['0.8666', '86,66 %'],
    ['1', '100 %'],
    ['0', '0 %'],
    ['0.0005', '0,05 %'],
  ])('writes the share %s as %s, exactly', (share, shown) => {
    expect(percentVi(share)).toBe(shown);
  });
});

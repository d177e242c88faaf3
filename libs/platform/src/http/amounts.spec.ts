import 'reflect-metadata';
import { validateSync } from 'class-validator';
import { IsDongAmount } from './amounts';

class Priced {
  @IsDongAmount() price: string;
  @IsDongAmount({ positive: true }) budget: string;
}

const problemsOf = (price: string, budget = '1') =>
  validateSync(Object.assign(new Priced(), { price, budget })).map((e) => e.property);

describe('IsDongAmount: a whole number of đồng up to MAX_AMOUNT_DONG (10^15 by default)', () => {
  it('takes whole numbers up to the bound, and 0 unless it must be positive', () => {
    expect(problemsOf('0')).toEqual([]);
    expect(problemsOf('1000000000000000', '1000000000000000')).toEqual([]);
    expect(problemsOf('1', '0')).toEqual(['budget']);
  });

  it.each(['1000000000000001', '999999999999999999', '-1', '1.5', '1e9', ' 1', ''])('refuses %p', (amount) => {
    expect(problemsOf(amount)).toEqual(['price']);
  });

  it('names the bound in its message', () => {
    const [error] = validateSync(Object.assign(new Priced(), { price: '9'.repeat(18), budget: '1' }));
    expect(Object.values(error.constraints ?? {})).toEqual([expect.stringContaining('to 1000000000000000')]);
  });
});

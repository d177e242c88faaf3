import { dong, formatDeadline } from './notice-format';

describe('notice formats', () => {
  it('writes a deadline in Hà Nội time, as Vietnamese readers write it', () => {
    expect(formatDeadline('2026-12-05T19:02:03.000Z')).toBe('02:02:03 6/12/2026');
    expect(formatDeadline('2027-01-31T16:59:00.000Z')).toBe('23:59:00 31/1/2027');
  });

  it('writes an amount of đồng with dots between thousands', () => {
    expect(dong('1234567')).toBe('1.234.567 đ');
  });
});

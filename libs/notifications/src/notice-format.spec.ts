import { dong } from './notice-format';

describe('notice formats', () => {
  it('writes an amount of đồng with dots between thousands', () => {
    expect(dong('1234567')).toBe('1.234.567 đ');
  });
});

import {
  formatDate,
  formatDateTime,
  formatDecimal,
  formatDong,
  formatDuration,
  formatLeverage,
  formatShare,
} from './format';

describe('Vietnamese formats', () => {
  it.each([
    ['0', '0 đ'],
    ['999', '999 đ'],
    ['1234567', '1.234.567 đ'],
    ['-250000', '-250.000 đ'],
    // beyond 2^53: exact, because money never passes through a float
    ['90071992547409931', '90.071.992.547.409.931 đ'],
  ])('writes %s đồng as %s', (amount, text) => {
    expect(formatDong(amount).replace('\u00a0', ' ')).toBe(text);
  });

  it('writes exact decimals with a decimal comma', () => {
    expect(formatDecimal('1234.50')).toBe('1.234,50');
    expect(formatDecimal('-0.5')).toBe('-0,5');
    expect(formatDecimal(72)).toBe('72');
  });

  it('writes dates dd/mm/yyyy in Hanoi time', () => {
    expect(formatDate('2026-12-31')).toBe('31/12/2026');
    // 17:30 UTC is already the next day in Hanoi (UTC+7)
    expect(formatDate('2026-12-31T17:30:00Z')).toBe('01/01/2027');
    expect(formatDateTime('2026-03-05T01:02:00Z')).toBe('05/03/2026 08:02');
  });

  it('writes durations in the largest sensible unit', () => {
    const units = { day: 'ngày', hour: 'giờ', minute: 'phút', second: 'giây' };
    expect(formatDuration(8, units)).toBe('8 giây');
    expect(formatDuration(720, units)).toBe('12 phút');
    expect(formatDuration(3 * 86_400 + 43_200, units)).toBe('3,5 ngày');
  });

  it('writes shares and leverage', () => {
    expect(formatShare(0.853)).toBe('85,3 %');
    expect(formatLeverage(3)).toBe('1 : 3');
    expect(formatLeverage(2.5)).toBe('1 : 2,5');
  });
});

import fc from 'fast-check';
import { Fraction, bpOf, floorDong, formatDong, parseDecimal, parseDong } from './money';

describe('parseDong', () => {
  it.each([
    ['1500000', 1_500_000n],
    ['-42', -42n],
    ['0', 0n],
    ['123456789012345678901234567890', 123456789012345678901234567890n],
    [1_500_000, 1_500_000n],
    [-7, -7n],
    [9007199254740993n, 9007199254740993n],
  ])('parses %p', (input, expected) => {
    expect(parseDong(input)).toBe(expected);
  });

  it.each(['', ' 1', '1.5', '1.500.000', '1,5', '1e3', '+1', '--1', 'abc', '0x10'])('rejects the string %p', (s) => {
    expect(() => parseDong(s)).toThrow(RangeError);
  });

  it.each([1.5, NaN, Infinity, -Infinity, 2 ** 53])('rejects the number %p', (n) => {
    expect(() => parseDong(n)).toThrow(RangeError);
  });

  it('names the offending input', () => {
    expect(() => parseDong('12,5')).toThrow('"12,5"');
  });
});

describe('formatDong', () => {
  it.each([
    [0n, '0 đ'],
    [999n, '999 đ'],
    [1000n, '1.000 đ'],
    [1_500_000n, '1.500.000 đ'],
    [123_456_789n, '123.456.789 đ'],
    [-1_500_000n, '-1.500.000 đ'],
  ])('formats %p as %p', (d, expected) => {
    expect(formatDong(d)).toBe(expected);
  });
});

describe('parseDecimal', () => {
  it.each([
    ['12.5', 25, 2],
    ['-3', -3, 1],
    ['0.1', 1, 10],
    ['007.50', 15, 2],
    ['-0.001', -1, 1000],
  ])('parses %p exactly', (s, n, d) => {
    expect(parseDecimal(s).equals(new Fraction(n, d))).toBe(true);
  });

  it.each([
    ['1.234,5', 12345, 10],
    ['12,5', 25, 2],
    ['1.234', 1234, 1],
    ['-1.234.567,89', -123456789, 100],
    ['42', 42, 1],
  ])('parses %p with a decimal comma', (s, n, d) => {
    expect(parseDecimal(s, { decimalComma: true }).equals(new Fraction(n, d))).toBe(true);
  });

  it.each(['', 'NaN', 'Infinity', '-Infinity', '1e3', '12,5', '.5', '5.', '1.2.3', ' 1', 'abc', '+1'])(
    'rejects %p',
    (s) => {
      expect(() => parseDecimal(s)).toThrow(RangeError);
    },
  );

  it.each(['12.5', '1.23,4', '1.2345', ',5', '1.234,', ''])('rejects %p with a decimal comma', (s) => {
    expect(() => parseDecimal(s, { decimalComma: true })).toThrow(RangeError);
  });

  it('keeps every digit (no binary floating point)', () => {
    const sum = parseDecimal('0.1').add(parseDecimal('0.2'));
    expect(sum.equals(parseDecimal('0.3'))).toBe(true);
    expect(parseDecimal('12345678901234567890.123456789').mul(10 ** 9).n).toBe(12345678901234567890123456789n);
  });

  it('round-trips integer cents', () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.integer({ min: 0, max: 99 }), (int, cents) => {
        const s = `${int}.${String(cents).padStart(2, '0')}`;
        const magnitude = new Fraction(int < 0n ? -int : int).add(new Fraction(cents, 100));
        expect(parseDecimal(s).equals(int < 0n ? magnitude.neg() : magnitude)).toBe(true);
      }),
    );
  });
});

describe('bpOf and floorDong', () => {
  it('computes basis points exactly', () => {
    expect(bpOf(1_000_001n, 3333).equals(new Fraction(3_333_003_333n, 10_000n))).toBe(true);
    expect(floorDong(bpOf(1_000_001n, 3333))).toBe(333_300n);
  });

  it('floors towards minus infinity', () => {
    expect(floorDong(new Fraction(7, 2))).toBe(3n);
    expect(floorDong(new Fraction(-7, 2))).toBe(-4n);
    expect(floorDong(new Fraction(-4))).toBe(-4n);
    expect(floorDong(new Fraction(0))).toBe(0n);
  });

  it('rejects fractional basis points', () => {
    expect(() => bpOf(100n, 12.5)).toThrow(RangeError);
  });

  it('floorDong(bpOf(a, bp)) equals integer division for non-negative amounts', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 18n }), fc.integer({ min: 0, max: 10_000 }), (a, bp) => {
        expect(floorDong(bpOf(a, bp))).toBe((a * BigInt(bp)) / 10_000n);
      }),
    );
  });
});

import Fraction from 'fraction.js';

/** fraction.js exports its class as a value only; this alias lets `Fraction` name the instance type too. */
type Fraction = InstanceType<typeof Fraction>;
export { Fraction };

/** An amount in whole Vietnamese đồng. */
export type Dong = bigint;

const INTEGER = /^-?\d+$/;
const DECIMAL_POINT = /^(-?)(\d+)(?:\.(\d+))?$/;
const DECIMAL_COMMA = /^(-?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/;

export function parseDong(s: string | number | bigint): Dong {
  if (typeof s === 'bigint') return s;
  if (typeof s === 'number') {
    if (!Number.isSafeInteger(s)) throw new RangeError(`Not a safe integer amount of đồng: ${s}`);
    return BigInt(s);
  }
  if (!INTEGER.test(s)) {
    throw new RangeError(`Not an integer amount of đồng (digits only, optional leading "-"): "${s}"`);
  }
  return BigInt(s);
}

/** "1.500.000 đ", as people in Việt Nam write amounts */
export function formatDong(d: Dong): string {
  const digits = (d < 0n ? -d : d).toString().replace(/\B(?=(\d{3})+$)/g, '.');
  return `${d < 0n ? '-' : ''}${digits} đ`;
}

/**
 * Exact parse of a plain decimal ("12.5", "-3"). With `decimalComma` the Vietnamese convention applies:
 * "," separates decimals and "." may only group thousands ("1.234,5").
 */
export function parseDecimal(s: string, opts: { decimalComma?: boolean } = {}): Fraction {
  const match = (opts.decimalComma ? DECIMAL_COMMA : DECIMAL_POINT).exec(s);
  if (!match) throw new RangeError(`Not a decimal number: "${s}"`);
  const [, sign, int, frac = ''] = match;
  const magnitude = new Fraction(BigInt(int.replaceAll('.', '') + frac), 10n ** BigInt(frac.length));
  return sign ? magnitude.neg() : magnitude;
}

const RATIONAL = /^(-?\d+)\/(\d+)$/;

/**
 * An exact measured value as stored: a plain decimal ("12.5") or, for an aggregate that no decimal writes exactly
 * (a mean of 1, 1 and 0), the reduced fraction "2/3".
 */
export function parseExact(s: string): Fraction {
  const rational = RATIONAL.exec(s);
  if (!rational) return parseDecimal(s);
  if (/^0+$/.test(rational[2])) throw new RangeError(`Not an exact value (zero denominator): "${s}"`);
  return new Fraction(BigInt(rational[1]), BigInt(rational[2]));
}

/** The exact text of a value: its decimal when one ends, else "numerator/denominator" (reduced). */
export function formatExact(f: Fraction): string {
  const decimal = terminatingDecimal(f);
  if (decimal !== undefined) return decimal;
  return `${f.s < 0n ? '-' : ''}${f.n}/${f.d}`;
}

/** The decimal of `f` when its reduced denominator has no prime factor but 2 and 5, else undefined. */
export function terminatingDecimal(f: Fraction): string | undefined {
  let rest = f.d;
  let twos = 0;
  let fives = 0;
  while (rest % 2n === 0n) [rest, twos] = [rest / 2n, twos + 1];
  while (rest % 5n === 0n) [rest, fives] = [rest / 5n, fives + 1];
  if (rest !== 1n) return undefined;
  const places = Math.max(twos, fives);
  const digits = ((f.n * 10n ** BigInt(places)) / f.d).toString().padStart(places + 1, '0');
  const int = digits.slice(0, digits.length - places);
  const fraction = places ? `.${digits.slice(-places)}` : '';
  return `${f.s < 0n && f.n !== 0n ? '-' : ''}${int}${fraction}`;
}

/** `f` with `places` decimals, rounded half away from zero: for display only, never for a computation. */
export function roundedDecimal(f: Fraction, places: number): string {
  const scale = 10n ** BigInt(places);
  const k = (f.n * scale * 2n + f.d) / (2n * f.d);
  const int = (k / scale).toString();
  const fraction = places ? `.${(k % scale).toString().padStart(places, '0')}` : '';
  return `${f.s < 0n && k !== 0n ? '-' : ''}${int}${fraction}`;
}

/** amount × bp / 10 000, exactly. */
export function bpOf(amount: Dong, bp: number): Fraction {
  if (!Number.isSafeInteger(bp)) throw new RangeError(`Basis points must be an integer: ${bp}`);
  return new Fraction(amount * BigInt(bp), 10_000n);
}

export function floorDong(f: Fraction): Dong {
  const floored = f.floor();
  return floored.s * floored.n;
}

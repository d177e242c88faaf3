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

/** "1.500.000 ₫" */
export function formatDong(d: Dong): string {
  const digits = (d < 0n ? -d : d).toString().replace(/\B(?=(\d{3})+$)/g, '.');
  return `${d < 0n ? '-' : ''}${digits} ₫`;
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

/** amount × bp / 10 000, exactly. */
export function bpOf(amount: Dong, bp: number): Fraction {
  if (!Number.isSafeInteger(bp)) throw new RangeError(`Basis points must be an integer: ${bp}`);
  return new Fraction(amount * BigInt(bp), 10_000n);
}

export function floorDong(f: Fraction): Dong {
  const floored = f.floor();
  return floored.s * floored.n;
}

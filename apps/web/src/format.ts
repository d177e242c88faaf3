/** Vietnamese formats: money from its exact string (never a float), dates dd/mm/yyyy in Hanoi time. */

const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const groupThousands = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** "1234567" → "1.234.567 đ" (a no-break space keeps the đ with its number); clawbacks keep their sign. */
export function formatDong(amount: string | bigint): string {
  const value = BigInt(amount);
  const sign = value < 0n ? '-' : '';
  return `${sign}${groupThousands((value < 0n ? -value : value).toString())}\u00a0đ`;
}

/** An exact decimal written by the API ("1234.5") → "1.234,5", without passing through a float. */
export function formatDecimal(value: string | number): string {
  const text = String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return text;
  const [, sign, whole, fraction] = match;
  return `${sign}${groupThousands(whole)}${fraction ? `,${fraction}` : ''}`;
}

/** A share between 0 and 1 → "85,3 %". */
export function formatShare(share: number | string, digits = 1): string {
  const value = typeof share === 'string' ? Number(share) : share;
  return `${(value * 100).toLocaleString('vi-VN', { maximumFractionDigits: digits, minimumFractionDigits: 0 })} %`;
}

/** A score or ratio for display: "0,734". */
export function formatNumber(value: number, digits = 3): string {
  return value.toLocaleString('vi-VN', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

const dateParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(value: string | Date): Record<string, string> {
  return Object.fromEntries(dateParts.formatToParts(new Date(value)).map((p) => [p.type, p.value]));
}

/** "2026-12-31" stays that calendar day; an instant is shown as its day in Hanoi: "31/12/2026". */
export function formatDate(value: string | Date): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-');
    return `${d}/${m}/${y}`;
  }
  const p = parts(value);
  return `${p.day}/${p.month}/${p.year}`;
}

/** An instant in Hanoi time: "31/12/2026 14:05". */
export function formatDateTime(value: string | Date): string {
  const p = parts(value);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

export interface DurationUnits {
  day: string;
  hour: string;
  minute: string;
  second: string;
}

/** A duration in seconds, in the largest sensible unit: "3,5 ngày", "5 giờ", "12 phút", "8 giây". */
export function formatDuration(seconds: number, units: DurationUnits): string {
  if (seconds >= 86_400) return `${formatNumber(seconds / 86_400, 1)} ${units.day}`;
  if (seconds >= 3_600) return `${formatNumber(seconds / 3_600, 1)} ${units.hour}`;
  if (seconds >= 60) return `${formatNumber(seconds / 60, 0)} ${units.minute}`;
  return `${formatNumber(seconds, 0)} ${units.second}`;
}

/** Seed-capital leverage written "1 : N". */
export function formatLeverage(value: number): string {
  return `1 : ${formatNumber(value, 2)}`;
}

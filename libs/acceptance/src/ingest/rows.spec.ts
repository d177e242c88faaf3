import fc from 'fast-check';
import type { OrderKpiTerms } from '@app/ordering';
import { ReadingSet, TimestampSet } from './reading-sets';
import { numberText, formatMicros, normaliseDecimal, parseTimestamp, RowValidator } from './rows';

const kpi = (over: Partial<OrderKpiTerms> = {}): OrderKpiTerms => ({
  key: 'K1',
  nameVi: 'Tốc độ',
  nameEn: 'Speed',
  unit: 'km/h',
  weightBp: 10_000,
  baseline: '30',
  target: '45',
  direction: 'increase',
  aggregation: 'mean',
  minimumSample: 1,
  ...over,
});
const round = { no: 1, shareBp: 10_000, startsAt: '2026-11-01T00:00:00.000Z', endsAt: '2026-12-01T00:00:00.000Z' };
const now = new Date('2026-11-20T00:00:00Z');
const validator = (kpis = [kpi()], extra: { kpi?: string; decimalComma?: boolean; localDates?: boolean } = {}) =>
  new RowValidator({ kpis, round, now, decimalComma: false, localDates: false, ...extra });

describe('parseTimestamp', () => {
  it.each([
    ['2026-11-05T08:00:00Z', Date.UTC(2026, 10, 5, 8) * 1000],
    ['2026-11-05T08:00:00.123456Z', Date.UTC(2026, 10, 5, 8) * 1000 + 123456],
    ['2026-11-05 15:00:00+07:00', Date.UTC(2026, 10, 5, 8) * 1000],
    ['2026-11-05T15:00', Date.UTC(2026, 10, 5, 8) * 1000],
    ['2026-11-05T03:30:00-0430', Date.UTC(2026, 10, 5, 8) * 1000],
  ])('%s', (text, us) => expect(parseTimestamp(text)).toBe(us));

  it.each(['2026-02-30T00:00:00Z', '2026-13-01T00:00:00Z', '2026-11-05T24:00:00Z', '05/11/2026 08:00', 'NaN', ''])(
    'refuses %s',
    (text) => expect(parseTimestamp(text)).toBeUndefined(),
  );

  it('round-trips through formatMicros at microsecond precision', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000_000 }), (us) => {
        expect(parseTimestamp(formatMicros(us))).toBe(us);
      }),
    );
  });
});

describe('normaliseDecimal', () => {
  it.each([
    ['42', false, '42'],
    ['-3.50', false, '-3.5'],
    ['007.000', false, '7'],
    ['-0', false, '0'],
    ['1.234,5', true, '1234.5'],
    ['1234,56', true, '1234.56'],
    ['12,5', true, '12.5'],
  ])('%s (comma %s) → %s', (text, comma, expected) => expect(normaliseDecimal(text, comma)).toBe(expected));

  it.each([
    ['NaN', false],
    ['Infinity', false],
    ['1e3', false],
    ['1,5', false],
    ['1.2345678', false],
    ['1.234.5', true],
    ['12.34', true],
    ['', false],
  ])('refuses %s (comma %s)', (text, comma) => expect(normaliseDecimal(text, comma)).toBeUndefined());
});

describe('TimestampSet', () => {
  it('behaves like a Set of numbers', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 2 ** 52 }), { maxLength: 3000 }), (values) => {
        const set = new TimestampSet();
        const reference = new Set<number>();
        for (const v of values) expect(set.add(v)).toBe(!reference.has(v) && Boolean(reference.add(v)));
      }),
    );
  });
});

describe('ReadingSet', () => {
  it('behaves like a Set of strings, past many doublings of its table', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 3000 }), (keys) => {
        const set = new ReadingSet();
        const reference = new Set<string>();
        for (const k of keys) expect(set.add(k)).toBe(!reference.has(k) && Boolean(reference.add(k)));
      }),
    );
  });
});

describe('RowValidator', () => {
  const at = '2026-11-05T08:00:00Z';

  it('accepts a valid row, with the KPI from the request when the file has none', () => {
    expect(validator([kpi()], { kpi: 'K1' }).check({ line: 2, observedAt: at, value: '40.50', unit: 'KM/H' })).toEqual({
      line: 2,
      kpi: kpi(),
      observedAtUs: Date.UTC(2026, 10, 5, 8) * 1000,
      value: '40.5',
      ref: '',
    });
  });

  it('reports every problem of a row with its line and column', () => {
    expect(
      validator().check({ line: 7, kpi: 'K9', observedAt: '2027-01-01T00:00:00Z', value: 'NaN', unit: 'm/s' }),
    ).toEqual([
      { line: 7, column: 'kpi', reason: 'UNKNOWN_KPI', value: 'K9' },
      { line: 7, column: 'observedAt', reason: 'TIMESTAMP_IN_FUTURE', value: '2027-01-01T00:00:00Z' },
      { line: 7, column: 'value', reason: 'VALUE_NOT_DECIMAL', value: 'NaN' },
    ]);
    expect(validator().check({ line: 3, kpi: 'K1', observedAt: '2026-10-31T23:59:59Z', value: '1' })).toEqual([
      { line: 3, column: 'observedAt', reason: 'OUTSIDE_ROUND_WINDOW', value: '2026-10-31T23:59:59Z' },
    ]);
    expect(validator().check({ line: 4, kpi: 'K1', observedAt: at, value: '1', unit: 'm/s' })).toEqual([
      { line: 4, column: 'unit', reason: 'UNIT_MISMATCH', value: 'm/s' },
    ]);
    expect(validator().check({ line: 5, formulas: ['value'] })).toEqual([
      { line: 5, column: 'value', reason: 'FORMULA_NOT_ALLOWED' },
    ]);
  });

  it('refuses negatives for a level KPI and allows them for a KPI measured as a change', () => {
    expect(validator().check({ line: 2, kpi: 'K1', observedAt: at, value: '-1' })).toEqual([
      { line: 2, column: 'value', reason: 'VALUE_NEGATIVE', value: '-1' },
    ]);
    const change = kpi({ baseline: '0', target: '-20', direction: 'decrease', unit: '%' });
    expect(validator([change]).check({ line: 2, kpi: 'K1', observedAt: at, value: '-12.5' })).toMatchObject({
      value: '-12.5',
    });
  });

  it('accepts only 0 or 1 for a yes/no KPI', () => {
    const yesNo = kpi({ unit: 'có/không', baseline: '0', target: '1' });
    expect(validator([yesNo]).check({ line: 2, kpi: 'K1', observedAt: at, value: '1' })).toMatchObject({ value: '1' });
    expect(validator([yesNo]).check({ line: 3, kpi: 'K1', observedAt: at, value: '2' })).toEqual([
      { line: 3, column: 'value', reason: 'VALUE_NOT_BOOLEAN', value: '2' },
    ]);
  });

  it('keeps a share in percent within 0–100, but not a change in percent', () => {
    const share = kpi({ unit: ' % ', baseline: '65.8', target: '80' });
    const v = validator([share], { decimalComma: true });
    for (const [line, value, kept] of [
      [2, '0', '0'],
      [3, '100', '100'],
      [4, '100,000', '100'],
      [5, '99,99', '99.99'],
    ] as const)
      expect(v.check({ line, kpi: 'K1', observedAt: `2026-11-05T0${line}:00:00Z`, value })).toMatchObject({
        value: kept,
      });
    for (const [line, value] of [
      [6, '100,01'],
      [7, '101'],
      [8, '1.000'],
    ] as const)
      expect(v.check({ line, kpi: 'K1', observedAt: `2026-11-05T0${line}:00:00Z`, value })).toEqual([
        { line, column: 'value', reason: 'VALUE_OUT_OF_RANGE', value },
      ]);
    expect(validator([kpi({ unit: 'Phần trăm' })]).check({ line: 2, kpi: 'K1', observedAt: at, value: 100.5 })).toEqual(
      [{ line: 2, column: 'value', reason: 'VALUE_OUT_OF_RANGE', value: '100.5' }],
    );
    expect(validator([share]).check({ line: 2, kpi: 'K1', observedAt: at, value: '-1' })).toMatchObject([
      { reason: 'VALUE_NEGATIVE' },
    ]);
    const change = kpi({ baseline: '0', target: '-20', direction: 'decrease', unit: '%' });
    expect(validator([change]).check({ line: 2, kpi: 'K1', observedAt: at, value: '150' })).toMatchObject({
      value: '150',
    });
    expect(validator([kpi()]).check({ line: 2, kpi: 'K1', observedAt: at, value: '250' })).toMatchObject({
      value: '250',
    });
  });

  it('refuses a second reading at the same instant for levels, also against stored readings, not for sums', () => {
    const v = validator([kpi(), kpi({ key: 'K2', aggregation: 'sum' })]);
    v.remember('K1', Date.UTC(2026, 10, 6) * 1000, '7', '');
    expect(v.check({ line: 2, kpi: 'K1', observedAt: at, value: '1' })).toMatchObject({ line: 2 });
    expect(v.check({ line: 3, kpi: 'K1', observedAt: '2026-11-05T15:00:00+07:00', value: '2' })).toEqual([
      { line: 3, column: 'observedAt', reason: 'DUPLICATE_TIMESTAMP', value: '2026-11-05T15:00:00+07:00' },
    ]);
    expect(v.check({ line: 4, kpi: 'K1', observedAt: '2026-11-06T00:00:00Z', value: '2' })).toMatchObject([
      { reason: 'DUPLICATE_TIMESTAMP' },
    ]);
    expect(v.check({ line: 5, kpi: 'K2', observedAt: at, value: '1' })).toMatchObject({ line: 5 });
    expect(v.check({ line: 6, kpi: 'K2', observedAt: at, value: '2' })).toMatchObject({ line: 6 });
  });

  it('counts a sum or count reading identical in instant, value and ref once, in the file and against stored ones', () => {
    const v = validator([kpi({ aggregation: 'sum' }), kpi({ key: 'K2', aggregation: 'count' })]);
    const stored = Date.UTC(2026, 10, 6) * 1000;
    v.remember('K1', stored, '3', '');
    expect(v.check({ line: 2, kpi: 'K1', observedAt: '2026-11-06T00:00:00Z', value: '3.0' })).toEqual([
      { line: 2, column: 'observedAt', reason: 'DUPLICATE_READING', value: '2026-11-06T00:00:00Z' },
    ]);
    expect(v.check({ line: 3, kpi: 'K1', observedAt: at, value: '1' })).toMatchObject({ line: 3, ref: '' });
    expect(v.check({ line: 4, kpi: 'K1', observedAt: at, value: '1' })).toMatchObject([
      { reason: 'DUPLICATE_READING' },
    ]);
    expect(v.check({ line: 5, kpi: 'K1', observedAt: at, value: '1', ref: 'SK-2' })).toMatchObject({ ref: 'SK-2' });
    expect(v.check({ line: 6, kpi: 'K1', observedAt: at, value: '1', ref: 'SK-2' })).toEqual([
      { line: 6, column: 'ref', reason: 'DUPLICATE_READING', value: 'SK-2' },
    ]);
    expect(v.check({ line: 7, kpi: 'K2', observedAt: at, value: '1' })).toMatchObject({ line: 7 });
  });

  it('reads Vietnamese-locale cells only with locale=vi, and names the option when it is missing', () => {
    const plain = validator();
    expect(plain.check({ line: 2, kpi: 'K1', observedAt: '05/11/2026 15:00:00', value: '40,5' })).toEqual([
      { line: 2, column: 'observedAt', reason: 'TIMESTAMP_INVALID', value: '05/11/2026 15:00:00', option: 'locale=vi' },
      { line: 2, column: 'value', reason: 'VALUE_NOT_DECIMAL', value: '40,5', option: 'locale=vi' },
    ]);
    const vi = validator([kpi()], { decimalComma: true, localDates: true });
    expect(vi.check({ line: 2, kpi: 'K1', observedAt: '05/11/2026 15:00:00', value: '40,5' })).toEqual({
      line: 2,
      kpi: expect.objectContaining({ key: 'K1' }),
      observedAtUs: Date.UTC(2026, 10, 5, 8) * 1000,
      value: '40.5',
      ref: '',
    });
  });

  it('keeps machine numbers exactly or refuses them with the reason', () => {
    const v = validator([kpi({ unit: 'km/h' })], { decimalComma: true });
    expect(
      v.check({ line: 2, kpi: 'K1', observedAt: at, value: '123456789012345.123456', pointDecimal: true }),
    ).toMatchObject({
      value: '123456789012345.123456',
    });
    expect(
      v.check({ line: 3, kpi: 'K1', observedAt: '2026-11-05T09:00:00Z', value: '0.1234567', pointDecimal: true }),
    ).toEqual([{ line: 3, column: 'value', reason: 'VALUE_TOO_PRECISE', value: '0.1234567' }]);
    expect(
      v.check({
        line: 4,
        kpi: 'K1',
        observedAt: '2026-11-05T10:00:00Z',
        value: '72.5',
        pointDecimal: true,
        shownAsPercent: true,
      }),
    ).toEqual([{ line: 4, column: 'value', reason: 'VALUE_SHOWN_AS_PERCENT', value: '72.5 %' }]);
    expect(
      validator([kpi({ unit: '%' })]).check({
        line: 5,
        kpi: 'K1',
        observedAt: at,
        value: '72.5',
        shownAsPercent: true,
      }),
    ).toMatchObject({ value: '72.5' });
  });
});

describe('numberText', () => {
  it.each([
    [0.725, '0.725'],
    [1e-7, '0.0000001'],
    [1.5e21, '1500000000000000000000'],
    [-2.5e-3, '-0.0025'],
    [41.5, '41.5'],
  ])('%p is %s', (n, text) => expect(numberText(n)).toBe(text));
});

import type { OrderKpiTerms, RoundTerms } from '@app/ordering';
import { ReadingSet, TimestampSet } from './reading-sets';

/** A problem with one cell or line of an uploaded file; `line` is the CSV line, XLSX row or JSON element (1-based). */
export interface RowProblem {
  line: number;
  column: string | null;
  reason: string;
  value?: string;
  /** the upload option that reads this cell, when the file seems written for it (e.g. "locale=vi") */
  option?: string;
}

export const MAX_REPORTED_PROBLEMS = 100;
/** Longest event reference kept (characters). */
export const MAX_REF_CHARS = 100;

/** One validated point, already in the form written to PostgreSQL. */
export interface ValidRow {
  line: number;
  kpi: OrderKpiTerms;
  /** microseconds since the epoch, the precision PostgreSQL keeps */
  observedAtUs: number;
  value: string;
  /** the event reference telling identical readings apart; empty when the file has none */
  ref: string;
}

/** Raw cells of one record, as read from any format. */
export interface RawRow {
  line: number;
  kpi?: string;
  observedAt?: string | Date;
  value?: string | number;
  unit?: string;
  /** event reference (mã sự kiện): identical readings with distinct references are distinct events */
  ref?: string;
  /** the value is a machine number's text (a JSON number, an XLSX number cell): a decimal point, whatever the locale */
  pointDecimal?: boolean;
  /** the XLSX cell is formatted as a percentage: `value` is what it shows (0.725 shown "72,5 %" is 72.5) */
  shownAsPercent?: boolean;
  /** fields whose XLSX cell holds a formula */
  formulas?: string[];
}

const ISO_TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,6}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
/** Vietnam has no daylight saving, so a wall-clock time without an offset is unambiguous. */
const VIETNAM_OFFSET_MIN = 7 * 60;

/**
 * ISO 8601 date-time ("2026-12-01T08:00:00Z", "2026-12-01 15:00:00.250+07:00") to epoch microseconds; a time
 * without an offset is read as Vietnam time (UTC+07:00). Undefined when it is not a real instant.
 */
export function parseTimestamp(text: string): number | undefined {
  const m = ISO_TIMESTAMP.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s = '0', frac = '', zone] = m;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number);
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  if (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  let offsetMin = VIETNAM_OFFSET_MIN;
  if (zone && zone.toUpperCase() !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    const [oh, om] = [Number(digits.slice(0, 2)), Number(digits.slice(2) || '0')];
    if (oh > 14 || om > 59) return undefined;
    offsetMin = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om);
  } else if (zone) offsetMin = 0;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second) - offsetMin * 60_000;
  return ms * 1000 + Number(frac.padEnd(6, '0'));
}

const LOCAL_TIMESTAMP = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** "dd/mm/yyyy hh:mm:ss" (time optional) as Vietnam wall-clock time, to epoch microseconds; undefined if not one. */
export function parseLocalTimestamp(text: string): number | undefined {
  const m = LOCAL_TIMESTAMP.exec(text.trim());
  if (!m) return undefined;
  const [, d, mo, y, h = '0', mi = '0', s = '0'] = m;
  const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}T${h.padStart(2, '0')}:${mi}:${s.padStart(2, '0')}`;
  return parseTimestamp(iso);
}

/** Epoch microseconds to an ISO 8601 UTC literal PostgreSQL reads without loss. */
export function formatMicros(us: number): string {
  const ms = Math.floor(us / 1000);
  const micro = us - ms * 1000;
  return `${new Date(ms).toISOString().slice(0, 23)}${String(micro).padStart(3, '0')}Z`;
}

const DECIMAL_POINT = /^(-?)(\d{1,15})(?:\.(\d{1,6}))?$/;
/** A decimal beyond what is kept exactly (15 integer digits, 6 decimals). */
const PLAIN_DECIMAL = /^-?\d+(?:\.\d+)?$/;
const DECIMAL_COMMA = /^(-?)(\d{1,3}(?:\.\d{3}){1,4}|\d{1,15})(?:,(\d{1,6}))?$/;

/**
 * A measured value as a plain decimal string ("1234.5"): up to 15 integer digits and 6 decimals, never NaN,
 * Infinity or an exponent. With `decimalComma` the Vietnamese convention applies ("1.234,5").
 */
export function normaliseDecimal(text: string, decimalComma: boolean): string | undefined {
  const m = (decimalComma ? DECIMAL_COMMA : DECIMAL_POINT).exec(text.trim());
  if (!m) return undefined;
  const [, sign, int, frac] = m;
  const digits = int.replaceAll('.', '').replace(/^0+(?=\d)/, '');
  const fraction = frac?.replace(/0+$/, '');
  const body = fraction ? `${digits}.${fraction}` : digits;
  return sign && /[1-9]/.test(body) ? `-${body}` : body;
}

/**
 * The plain decimal text of a JavaScript number (its shortest round-trip digits, exponent expanded); undefined for
 * NaN and ±Infinity.
 */
export function numberText(n: number): string | undefined {
  if (!Number.isFinite(n)) return undefined;
  const [mantissa, exponent] = String(n).split('e');
  if (exponent === undefined) return mantissa;
  const sign = mantissa.startsWith('-') ? '-' : '';
  const [int, fraction = ''] = mantissa.replace('-', '').split('.');
  const digits = int + fraction;
  const point = int.length + Number(exponent);
  const body =
    point <= 0
      ? `0.${'0'.repeat(-point)}${digits}`
      : point >= digits.length
        ? digits + '0'.repeat(point - digits.length)
        : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return sign + body;
}

const BOOLEAN_UNITS = new Set(['có/không', 'yes/no']);
const PERCENT_UNITS = new Set(['%', 'phần trăm', 'percent']);
const normaliseUnit = (unit: string) => unit.normalize('NFC').trim().toLowerCase();

/** Excel keeps wall-clock date cells as if they were UTC; they mean Vietnam time like offset-less text. */
const excelDateToMicros = (date: Date) => (date.getTime() - VIETNAM_OFFSET_MIN * 60_000) * 1000;

export interface RowRules {
  kpis: OrderKpiTerms[];
  round: RoundTerms;
  now: Date;
  /** the KPI named by the request when the file has no KPI column */
  kpi?: string;
  decimalComma: boolean;
  /** also read "dd/mm/yyyy hh:mm:ss" times (Vietnam time), as a Vietnamese-locale spreadsheet writes them */
  localDates: boolean;
}

/** The upload option that reads Vietnamese-locale files, named by refusals of cells written that way. */
export const VIETNAMESE_LOCALE_OPTION = 'locale=vi';

/**
 * Validates rows one by one, in file order: KPI known, timestamp inside the round window and not in the future,
 * a numeric value the KPI can take (not negative unless measured as a change, 0 or 1 for yes/no, 0–100 for a share in
 * percent), the KPI's unit when a unit is given, and no second reading at the same instant
 * for a KPI whose readings are levels (mean / last); sums and counts of events may share an instant, but a reading
 * identical in instant, value and event reference to one already seen (in the file or stored) is a duplicate.
 */
export class RowValidator {
  private readonly kpis: Map<string, OrderKpiTerms>;
  private readonly seen = new Map<string, TimestampSet>();
  /** Readings of sum / count KPIs. */
  private readonly events = new ReadingSet();
  private readonly startUs: number;
  private readonly endUs: number;
  private readonly nowUs: number;

  constructor(private readonly rules: RowRules) {
    this.kpis = new Map(rules.kpis.map((k) => [k.key, k]));
    this.startUs = Date.parse(rules.round.startsAt) * 1000;
    this.endUs = Date.parse(rules.round.endsAt) * 1000;
    this.nowUs = rules.now.getTime() * 1000;
  }

  static allowsSharedInstants(kpi: OrderKpiTerms): boolean {
    return kpi.aggregation === 'sum' || kpi.aggregation === 'count';
  }

  /** A reading already stored by an earlier upload of the round (value normalised, as stored). */
  remember(kpiKey: string, observedAtUs: number, value: string, ref: string): void {
    const kpi = this.kpis.get(kpiKey);
    if (!kpi) return;
    if (RowValidator.allowsSharedInstants(kpi)) this.events.add(eventKey(kpiKey, observedAtUs, value, ref));
    else this.timestamps(kpiKey).add(observedAtUs);
  }

  check(raw: RawRow): ValidRow | RowProblem[] {
    const problems: RowProblem[] = [];
    const problem = (column: string, reason: string, value?: unknown, option?: string) =>
      problems.push({
        line: raw.line,
        column,
        reason,
        ...(value === undefined ? {} : { value: clip(value) }),
        ...(option ? { option } : {}),
      });
    if (raw.formulas) {
      raw.formulas.forEach((column) => problem(column, 'FORMULA_NOT_ALLOWED'));
      return problems;
    }

    const kpiKey = (raw.kpi ?? this.rules.kpi ?? '').trim();
    const kpi = this.kpis.get(kpiKey);
    if (!kpiKey) problem('kpi', 'KPI_MISSING');
    else if (!kpi) problem('kpi', 'UNKNOWN_KPI', kpiKey);
    else if (this.rules.kpi && kpiKey !== this.rules.kpi) problem('kpi', 'KPI_NOT_REQUESTED', kpiKey);

    let observedAtUs: number | undefined;
    if (raw.observedAt === undefined || raw.observedAt === '') problem('observedAt', 'TIMESTAMP_MISSING');
    else {
      observedAtUs = this.timestamp(raw.observedAt);
      if (observedAtUs === undefined || Number.isNaN(observedAtUs)) {
        const local = typeof raw.observedAt === 'string' && parseLocalTimestamp(raw.observedAt) !== undefined;
        problem('observedAt', 'TIMESTAMP_INVALID', raw.observedAt, local ? VIETNAMESE_LOCALE_OPTION : undefined);
      } else if (observedAtUs > this.nowUs) problem('observedAt', 'TIMESTAMP_IN_FUTURE', raw.observedAt);
      else if (observedAtUs < this.startUs || observedAtUs >= this.endUs)
        problem('observedAt', 'OUTSIDE_ROUND_WINDOW', raw.observedAt);
    }

    const value = this.value(raw, kpi, problem);

    if (raw.unit !== undefined && kpi && normaliseUnit(raw.unit) !== normaliseUnit(kpi.unit))
      problem('unit', 'UNIT_MISMATCH', raw.unit);

    if (problems.length > 0 || !kpi || observedAtUs === undefined || value === undefined) return problems;
    const ref = (raw.ref ?? '').trim();
    if (ref.length > MAX_REF_CHARS) {
      problem('ref', 'REF_TOO_LONG', ref);
      return problems;
    }
    if (!RowValidator.allowsSharedInstants(kpi)) {
      if (!this.timestamps(kpi.key).add(observedAtUs)) {
        problem('observedAt', 'DUPLICATE_TIMESTAMP', raw.observedAt);
        return problems;
      }
    } else {
      if (!this.events.add(eventKey(kpi.key, observedAtUs, value, ref))) {
        problem(ref ? 'ref' : 'observedAt', 'DUPLICATE_READING', ref || raw.observedAt);
        return problems;
      }
    }
    return { line: raw.line, kpi, observedAtUs, value, ref };
  }

  private timestamp(observedAt: string | Date): number | undefined {
    if (observedAt instanceof Date) return excelDateToMicros(observedAt);
    return parseTimestamp(observedAt) ?? (this.rules.localDates ? parseLocalTimestamp(observedAt) : undefined);
  }

  private value(
    raw: RawRow,
    kpi: OrderKpiTerms | undefined,
    problem: (column: string, reason: string, value?: unknown, option?: string) => void,
  ): string | undefined {
    if (raw.value === undefined || raw.value === '') {
      problem('value', 'VALUE_MISSING');
      return undefined;
    }
    const text = typeof raw.value === 'number' ? numberText(raw.value) : raw.value;
    const decimalComma = this.rules.decimalComma && typeof raw.value === 'string' && !raw.pointDecimal;
    const value = text === undefined ? undefined : normaliseDecimal(text, decimalComma);
    if (value === undefined) {
      if (!decimalComma && text !== undefined && PLAIN_DECIMAL.test(text.trim()))
        problem('value', 'VALUE_TOO_PRECISE', raw.value);
      else {
        const local = !decimalComma && text !== undefined && normaliseDecimal(text, true) !== undefined;
        problem('value', 'VALUE_NOT_DECIMAL', raw.value, local ? VIETNAMESE_LOCALE_OPTION : undefined);
      }
      return undefined;
    }
    if (!kpi) return value;
    if (raw.shownAsPercent && !PERCENT_UNITS.has(normaliseUnit(kpi.unit))) {
      problem('value', 'VALUE_SHOWN_AS_PERCENT', `${raw.value} %`);
      return undefined;
    }
    // Levels, counts, durations and shares cannot go below zero; a KPI measured as a change (a negative target or
    // baseline such as "−20 %") can.
    const signed = kpi.target.startsWith('-') || (kpi.baseline ?? '').startsWith('-');
    if (value.startsWith('-') && !signed) {
      problem('value', 'VALUE_NEGATIVE', raw.value);
      return undefined;
    }
    if (BOOLEAN_UNITS.has(normaliseUnit(kpi.unit)) && value !== '0' && value !== '1') {
      problem('value', 'VALUE_NOT_BOOLEAN', raw.value);
      return undefined;
    }
    // A share in percent lies within 0–100; a change in percent ("−20 %") is not a share and may exceed it.
    if (PERCENT_UNITS.has(normaliseUnit(kpi.unit)) && !signed && above100(value)) {
      problem('value', 'VALUE_OUT_OF_RANGE', raw.value);
      return undefined;
    }
    return value;
  }

  private timestamps(kpiKey: string): TimestampSet {
    let set = this.seen.get(kpiKey);
    if (!set) this.seen.set(kpiKey, (set = new TimestampSet()));
    return set;
  }
}

/** For a normalised non-negative decimal: no exponent and at most 15 integer digits, so Number is exact. */
function above100(value: string): boolean {
  const [int, fraction] = value.split('.');
  return Number(int) > 100 || (int === '100' && fraction !== undefined);
}

const eventKey = (kpi: string, observedAtUs: number, value: string, ref: string) =>
  `${kpi}\t${observedAtUs}\t${value}\t${ref}`;

function clip(value: unknown): string {
  const text = value instanceof Date ? value.toISOString() : String(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

import { isUtf8 } from 'node:buffer';
import { Transform, type TransformCallback } from 'node:stream';
import { AcceptanceErrors } from '../contracts/acceptance';
import { type RawRow } from './rows';

/** Longest CSV record accepted (characters; bytes are bounded at four times that): a row is a few dozen. */
export const MAX_RECORD_CHARS = 64 * 1024;

export type Field = 'kpi' | 'observedAt' | 'value' | 'unit' | 'ref';
const ALIASES: Record<string, Field> = Object.fromEntries(
  (
    [
      ['kpi', ['kpi', 'kpi_key', 'kpikey', 'ma_kpi', 'mã kpi', 'chỉ tiêu']],
      [
        'observedAt',
        [
          'observedat',
          'observed_at',
          'timestamp',
          'time',
          'thoi_diem',
          'thời điểm',
          'thời gian',
          'thoi_gian_do',
          'thời gian đo',
        ],
      ],
      ['value', ['value', 'gia_tri', 'giá trị']],
      ['unit', ['unit', 'don_vi', 'đơn vị']],
      ['ref', ['ref', 'event', 'event_ref', 'eventref', 'ma_su_kien', 'mã sự kiện']],
    ] as const
  ).flatMap(([field, names]) => names.map((n) => [n, field])),
);

/** The one option that reads a Vietnamese-locale spreadsheet: decimal commas and dd/mm/yyyy local times. */
export const LOCALES = ['vi'] as const;
export type Locale = (typeof LOCALES)[number];

export interface ReaderOptions {
  /** the file may leave out the KPI column when the request names the KPI */
  kpi?: string;
  delimiter?: ',' | ';';
  sheet?: string;
  locale?: Locale;
}

/** Column positions of the known fields; unknown columns are ignored. */
export function mapHeader(cells: string[], options: ReaderOptions): Map<Field, number> {
  const columns = new Map<Field, number>();
  cells.forEach((cell, i) => {
    const field = ALIASES[cell.normalize('NFC').trim().toLowerCase()];
    if (field && !columns.has(field)) columns.set(field, i);
  });
  const missing = (['observedAt', 'value', ...(options.kpi ? [] : ['kpi'])] as Field[]).filter((f) => !columns.has(f));
  if (missing.length > 0) throw AcceptanceErrors.HEADER_INVALID(undefined, { missing, found: cells });
  return columns;
}

/** Bytes at the end of `chunk` that start a multi-byte UTF-8 sequence continued in the next chunk (0–3). */
function incompleteTail(chunk: Buffer): number {
  for (let back = 1; back <= Math.min(3, chunk.length); back++) {
    const byte = chunk[chunk.length - back];
    if ((byte & 0xc0) === 0x80) continue;
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? back : 0;
  }
  return 0;
}

/**
 * Checks UTF-8 strictly while passing the bytes on (no decoding, so no garbage): invalid bytes, a UTF-16 byte-order
 * mark or NUL characters (UTF-16 without a mark) refuse the file instead of importing mojibake.
 */
export class Utf8Check extends Transform {
  private carry: Buffer = Buffer.alloc(0);
  private first = true;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const bytes = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    if (this.first && bytes.length >= 2) {
      this.first = false;
      if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
        callback(AcceptanceErrors.NOT_UTF8(undefined, { reason: 'UTF-16 byte-order mark' }));
        return;
      }
    }
    const complete = bytes.subarray(0, bytes.length - incompleteTail(bytes));
    this.carry = Buffer.from(bytes.subarray(complete.length));
    if (complete.includes(0)) {
      callback(AcceptanceErrors.NOT_UTF8(undefined, { reason: 'NUL bytes (UTF-16 or binary content)' }));
      return;
    }
    if (!isUtf8(complete)) {
      callback(AcceptanceErrors.NOT_UTF8(undefined, { reason: 'invalid UTF-8 byte sequence' }));
      return;
    }
    callback(null, complete);
  }

  override _flush(callback: TransformCallback): void {
    if (this.carry.length > 0) callback(AcceptanceErrors.NOT_UTF8(undefined, { reason: 'truncated UTF-8 sequence' }));
    else callback();
  }
}

/** Receives each row synchronously; `ready` resolves once the rows given so far may be followed by more. */
export interface RowSink {
  row(raw: RawRow): void;
  ready(): Promise<void>;
}

import { isUtf8 } from 'node:buffer';
import { PassThrough, Readable, Transform, type TransformCallback, type Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { Tokenizer, TokenParser, TokenType } from '@streamparser/json';
import ExcelJS from 'exceljs';
import { DomainError, formatExact, parseDecimal } from '@app/kernel';
import { AcceptanceErrors } from '../contracts/acceptance';
import { CsvSplitter } from './csv-splitter';
import { numberText, type RawRow } from './rows';

/** Longest CSV record accepted (characters; bytes are bounded at four times that): a row is a few dozen. */
export const MAX_RECORD_CHARS = 64 * 1024;

type Field = 'kpi' | 'observedAt' | 'value' | 'unit' | 'ref';
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

/** The delimiter of the header line: the one of ";" and "," it uses more. */
function detectDelimiter(header: string): ',' | ';' {
  const count = (c: string) => header.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Receives each row synchronously; `ready` resolves once the rows given so far may be followed by more. */
export interface RowSink {
  row(raw: RawRow): void;
  ready(): Promise<void>;
}

/** CSV records as raw rows, streamed: the header line names the columns; "," or ";" (detected unless given). */
export async function csvRows(bytes: Readable, options: ReaderOptions, sink: RowSink): Promise<void> {
  const checked = bytes.pipe(new Utf8Check());
  bytes.on('error', (error) => checked.destroy(error));
  const chunks = checked[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let head = Buffer.alloc(0);
  while (!head.includes(0x0a) && !head.includes(0x0d) && head.length <= MAX_RECORD_CHARS * 4) {
    const next = await chunks.next();
    if (next.done) break;
    head = Buffer.concat([head, next.value]);
  }
  if (head.subarray(0, 3).equals(UTF8_BOM)) head = head.subarray(3);
  if (!head.toString('utf8').trim()) throw AcceptanceErrors.FILE_EMPTY();
  const end = head.findIndex((b) => b === 0x0a || b === 0x0d);
  const firstLine = head.subarray(0, end < 0 ? head.length : end).toString('utf8');
  if (firstLine.length > MAX_RECORD_CHARS) throw AcceptanceErrors.LINE_TOO_LONG(undefined, { line: 1 });

  let columns: Map<Field, number> | undefined;
  const cell = (record: string[], field: Field) => {
    const at = columns?.get(field);
    return at === undefined ? undefined : (record[at] ?? '');
  };
  const delimiter = options.delimiter ?? detectDelimiter(firstLine);
  const splitter = new CsvSplitter(delimiter.charCodeAt(0), MAX_RECORD_CHARS * 4, (record, line) => {
    if (!columns) columns = mapHeader(record, options);
    else
      sink.row({
        line,
        kpi: cell(record, 'kpi'),
        observedAt: cell(record, 'observedAt'),
        value: cell(record, 'value'),
        unit: cell(record, 'unit'),
        ref: cell(record, 'ref'),
      });
  });
  splitter.push(head);
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
    await sink.ready();
    splitter.push(next.value);
  }
  splitter.end();
  if (!columns) throw AcceptanceErrors.FILE_EMPTY();
}

type CellValue = ExcelJS.CellValue;

const isFormula = (v: CellValue) =>
  typeof v === 'object' && v !== null && !(v instanceof Date) && ('formula' in v || 'sharedFormula' in v);

function cellText(v: CellValue): string | number | Date | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string' || typeof v === 'number' || v instanceof Date) return v;
  if (typeof v === 'boolean') return v ? '1' : '0';
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('text' in v && typeof v.text === 'string') return v.text;
  if ('error' in v) return String(v.error);
  return JSON.stringify(v);
}

/** What exceljs's streaming reader leaves unexposed: how it names worksheets, and the workbook's tab list. */
interface Entry {
  setEncoding(encoding: 'utf8'): void;
}

interface SheetNaming {
  model?: { sheets?: Array<{ id: number; name: string; rId: string; state?: string }> };
  workbookRels?: unknown;
  _parseRels(entry: Entry): Promise<void>;
  _parseWorkbook(entry: Entry): Promise<void>;
  _parseStyles(entry: Entry): Promise<void>;
  _parseSharedStrings(entry: Entry): AsyncGenerator<unknown>;
  _parseWorksheet(
    iterator: AsyncIterable<Buffer | string>,
    sheetNo: string,
  ): Generator<{ eventType: string; value: unknown }>;
}

/** Text of UTF-8 chunks, a character split between two chunks decoded whole. */
async function* utf8Text(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.write(chunk);
  yield decoder.end();
}

/**
 * exceljs decodes every chunk of every part on its own, so a Vietnamese character split between two chunks (where
 * the chunks break depends on the network) became two replacement characters: "Số li��u", a tab or a header no
 * longer found. Every part is read as text decoded across chunks instead.
 */
function decodeAcrossChunks(reader: ExcelJS.stream.xlsx.WorkbookReader): void {
  const internals = reader as unknown as SheetNaming;
  for (const part of ['_parseRels', '_parseWorkbook', '_parseStyles', '_parseSharedStrings'] as const) {
    const parse = internals[part].bind(internals) as (entry: Entry) => unknown;
    Object.assign(internals, {
      [part]: (entry: Entry) => {
        entry.setEncoding('utf8');
        return parse(entry);
      },
    });
  }
  const parseWorksheet = internals._parseWorksheet.bind(internals);
  internals._parseWorksheet = (iterator, sheetNo) => parseWorksheet(utf8Text(iterator), sheetNo);
}

/**
 * Names each worksheet as its tab reads ("Số liệu"), whatever the order of the parts in the file. exceljs names a
 * worksheet streamed before `xl/workbook.xml` by its part ("Sheet1"), and reads its cells before `xl/styles.xml`
 * (so without number formats); with the relationships withheld it writes every worksheet to a temporary file and
 * reads it after the whole archive, when names, styles and shared strings are all known.
 */
function nameSheetsAsTabs(reader: ExcelJS.stream.xlsx.WorkbookReader): void {
  const internals = reader as unknown as SheetNaming;
  let rels: Array<{ Id: string; Target: string }> = [];
  const parseRels = internals._parseRels.bind(internals);
  const parseWorksheet = internals._parseWorksheet.bind(internals);
  internals._parseRels = async (entry) => {
    await parseRels(entry);
    rels = (internals.workbookRels ?? []) as typeof rels;
    internals.workbookRels = undefined;
  };
  internals._parseWorksheet = function* (iterator, sheetNo) {
    for (const item of parseWorksheet(iterator, sheetNo)) {
      const rel = rels.find((r) => r.Target.replace(/^\/?(xl\/)?/, '') === `worksheets/sheet${sheetNo}.xml`);
      const tabs = internals.model?.sheets ?? [];
      const tab = rel && tabs.find((sheet) => sheet.rId === rel.Id);
      if (tab) Object.assign(item.value as object, { name: tab.name, tabIndex: tabs.indexOf(tab) });
      yield item;
    }
  };
}

/**
 * unzipper's parser emits 'end' itself as soon as its input is finished, while the last entries may still wait in
 * its buffer for exceljs, which then stops without them (the small `xl/workbook.xml` of a file that stores it last:
 * "no tab"). That early 'end' is dropped and the readable side ends in order instead, after the entries it holds; a
 * file cut short still fails where the parser runs out of bytes.
 */
export function endAfterEntries(zip: Writable & Readable): void {
  const emit = zip.emit.bind(zip);
  const state = (zip as unknown as { _readableState: { endEmitted: boolean } })._readableState;
  zip.emit = (event: string | symbol, ...args: unknown[]): boolean => {
    if (event !== 'end' || state.endEmitted) return emit(event, ...args);
    zip.push(null);
    return false;
  };
}

/** The upload's bytes for exceljs, which pipes them into the unzipper it creates: the one place to reach it. */
function zipFeed(bytes: Readable): Readable {
  const feed = new PassThrough();
  const pipe = feed.pipe.bind(feed);
  feed.pipe = <T extends NodeJS.WritableStream>(zip: T, options?: { end?: boolean }): T => {
    endAfterEntries(zip as unknown as Writable & Readable);
    return pipe(zip, options);
  };
  return bytes.pipe(feed);
}

/**
 * Rows of the first worksheet tab (or the one named as its tab reads) of an XLSX file, streamed. A formula cell is
 * refused, its cached result included: the file must carry measured values, and a cached result can be stale or
 * absent depending on the program that saved it. A number is read as it is shown: a cell formatted as a percentage
 * (shown "72,5 %", stored 0.725) is 72.5 and marked as such, for the validator to accept only for a % KPI.
 */
export async function xlsxRows(bytes: Readable, options: ReaderOptions, sink: RowSink): Promise<void> {
  // exceljs pipes its input without forwarding errors, so a failing upload (too large) is raced in explicitly.
  const failed = new Promise<never>((_, reject) => bytes.once('error', reject));
  failed.catch(() => undefined);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(zipFeed(bytes), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  decodeAcrossChunks(reader);
  nameSheetsAsTabs(reader);
  const seen: string[] = [];
  let columns: Map<Field, number> | undefined;
  let found = false;
  try {
    for await (const worksheet of raceWith(reader, failed)) {
      const { name, tabIndex } = worksheet as unknown as { name: string; tabIndex?: number };
      // Without its tab the worksheet's name is a part name ("Sheet2"): never pick a sheet by a name the user never saw.
      if (tabIndex === undefined)
        throw AcceptanceErrors.MALFORMED_FILE(undefined, {
          reason: 'XLSX',
          detail: `worksheet "${name}" has no tab in xl/workbook.xml (or it could not be read); save the file again`,
        });
      seen.push(name);
      const wanted = options.sheet !== undefined ? name === options.sheet : tabIndex === 0;
      if (found || !wanted) {
        for await (const _row of raceWith(worksheet, failed)) void _row;
        continue;
      }
      found = true;
      for await (const row of raceWith(worksheet, failed)) {
        const values = row.values as CellValue[];
        if (!columns) {
          columns = mapHeader(
            values.slice(1).map((v) => String(cellText(v) ?? '')),
            options,
          );
          continue;
        }
        const formulas: string[] = [];
        const cell = (field: Field) => {
          const at = columns?.get(field);
          if (at === undefined) return undefined;
          const v = values[at + 1];
          if (isFormula(v)) {
            formulas.push(field);
            return undefined;
          }
          return cellText(v) ?? '';
        };
        const valueAt = columns.get('value');
        const percent = valueAt !== undefined && (row.getCell(valueAt + 1).numFmt ?? '').includes('%');
        const raw: RawRow = {
          line: row.number,
          kpi: cell('kpi')?.toString(),
          observedAt: asTimestamp(cell('observedAt')),
          ...cellValue(cell('value'), percent),
          unit: cell('unit')?.toString(),
          ref: cell('ref')?.toString(),
        };
        sink.row(formulas.length > 0 ? { ...raw, formulas } : raw);
        await sink.ready();
      }
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw AcceptanceErrors.MALFORMED_FILE(undefined, {
      reason: 'XLSX',
      detail: error instanceof Error ? error.message : String(error),
    });
  }
  if (!found && options.sheet !== undefined) throw AcceptanceErrors.SHEET_NOT_FOUND(undefined, { available: seen });
  if (!columns) throw AcceptanceErrors.FILE_EMPTY();
}

/** A value cell as shown: a number cell as its decimal (a percentage cell ×100, marked), a date as ISO text. */
function cellValue(v: string | number | Date | undefined, percent: boolean): Partial<RawRow> {
  if (v instanceof Date) return { value: v.toISOString() };
  if (typeof v !== 'number') return { value: v };
  const text = numberText(v);
  if (text === undefined) return { value: String(v) };
  if (!percent) return { value: text, pointDecimal: true };
  return { value: formatExact(parseDecimal(text).mul(100)), pointDecimal: true, shownAsPercent: true };
}

async function* raceWith<T>(source: AsyncIterable<T>, failed: Promise<never>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  for (;;) {
    const next = await Promise.race([iterator.next(), failed]);
    if (next.done) return;
    yield next.value;
  }
}

const asTimestamp = (v: string | number | Date | undefined) => (typeof v === 'number' ? String(v) : v);

/** The envelope of a JSON upload, token by token: `{ "measurements": [ … ] }` and nothing else. */
const ENVELOPE = [
  TokenType.LEFT_BRACE,
  TokenType.STRING,
  TokenType.COLON,
  TokenType.LEFT_BRACKET,
  TokenType.RIGHT_BRACKET,
  TokenType.RIGHT_BRACE,
];

function envelopeProblem(at: number, token: TokenType, value: unknown): string {
  if (at === 0) return 'the body must be a JSON object { "measurements": [ … ] }';
  if (at === 1 && token === TokenType.STRING)
    return `unknown field "${String(value)}"; the only field is "measurements"`;
  if (at === 1 && token === TokenType.RIGHT_BRACE) return 'the object has no "measurements" field';
  if (at === 3) return '"measurements" must be an array';
  if (at === 5 && token === TokenType.COMMA) return 'the only field is "measurements"';
  return `unexpected ${TokenType[token]}`;
}

/** A JSON number as written in the body: kept as text, so "123456789012345.123456" never passes through a double. */
class JsonNumber {
  constructor(readonly text: string) {}
}

/** The tokenizer with numbers left as their text (the library's documented override). */
class NumberTextTokenizer extends Tokenizer {
  protected override parseNumber(numberStr: string): number {
    return new JsonNumber(numberStr) as unknown as number;
  }
}

const text = (v: unknown) =>
  typeof v === 'string'
    ? v
    : v instanceof JsonNumber
      ? v.text
      : typeof v === 'boolean'
        ? String(v)
        : v === undefined || v === null
          ? undefined
          : JSON.stringify(v, (_, inner: unknown) => (inner instanceof JsonNumber ? Number(inner.text) : inner));

function pointRow(line: number, point: unknown): RawRow {
  const p = (typeof point === 'object' && point !== null ? point : {}) as Record<string, unknown>;
  return {
    line,
    kpi: text(p.kpi),
    observedAt: text(p.observedAt),
    value: text(p.value),
    ...(p.value instanceof JsonNumber ? { pointDecimal: true } : {}),
    unit: text(p.unit),
    ref: text(p.ref),
  };
}

/**
 * Points of a JSON body `{ "measurements": [{ kpi, observedAt, value, unit? }, …] }`, streamed: a point is handed on
 * once complete (line = its position, from 1), so memory holds the points of one chunk, never the array. A point
 * is bounded like a CSV record, since the parser must hold an unfinished string or number whole.
 */
export async function jsonRows(bytes: Readable, sink: RowSink): Promise<void> {
  const checked = bytes.pipe(new Utf8Check());
  bytes.on('error', (error) => checked.destroy(error));
  const tokenizer = new NumberTextTokenizer();
  const tokens = new TokenParser({ paths: ['$.measurements.*'], keepStack: false });
  tokens.onError = tokenizer.error.bind(tokenizer);
  tokenizer.onEnd = () => {
    if (!tokens.isEnded) tokens.end();
  };
  tokens.onEnd = () => {
    if (!tokenizer.isEnded) tokenizer.end();
  };
  const malformed = (detail: string) => AcceptanceErrors.MALFORMED_FILE(undefined, { reason: 'JSON', detail });
  const completed: RawRow[] = [];
  const tooLong = () => AcceptanceErrors.LINE_TOO_LONG(undefined, { line: points + 1 });
  // `start`: where the point being read began, or else the last token; `written`: bytes given to the parser.
  let [points, depth, envelope, start, written] = [0, 0, 0, 0, 0];
  tokenizer.onToken = (info) => {
    const { token, value, offset } = info;
    const before = depth;
    if (token === TokenType.LEFT_BRACE || token === TokenType.LEFT_BRACKET) depth++;
    else if (token === TokenType.RIGHT_BRACE || token === TokenType.RIGHT_BRACKET) depth--;
    if (before <= 1 || (before === 2 && token === TokenType.RIGHT_BRACKET)) {
      const unknownField = envelope === 1 && value !== 'measurements';
      if (token !== ENVELOPE[envelope] || unknownField) throw malformed(envelopeProblem(envelope, token, value));
      envelope++;
    }
    if (depth <= 2 || before === 2) {
      if (offset - start > MAX_RECORD_CHARS * 4) throw tooLong();
      start = offset;
    }
    tokens.write(info);
  };
  tokens.onValue = ({ value }) => completed.push(pointRow(++points, value));
  const parse = (step: () => void) => {
    try {
      step();
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw malformed(error instanceof Error ? error.message : String(error));
    }
  };

  for await (const chunk of checked as AsyncIterable<Buffer>) {
    written += chunk.length;
    parse(() => tokenizer.write(chunk));
    if (written - start > MAX_RECORD_CHARS * 4) throw tooLong();
    for (const row of completed) sink.row(row);
    completed.length = 0;
    await sink.ready();
  }
  if (envelope === 0) throw AcceptanceErrors.FILE_EMPTY();
  if (!tokenizer.isEnded || !tokens.isEnded) parse(() => tokenizer.end());
  if (points === 0) throw AcceptanceErrors.FILE_EMPTY();
}

import { PassThrough, Readable, type Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import { DomainError, formatExact, parseDecimal } from '@app/kernel';
import { AcceptanceErrors } from '../contracts/acceptance';
import { mapHeader, type Field, type ReaderOptions, type RowSink } from './readers';
import { numberText, type RawRow } from './rows';

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

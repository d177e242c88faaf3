import { Readable } from 'node:stream';
import { AcceptanceErrors } from '../contracts/acceptance';
import { CsvSplitter } from './csv-splitter';
import { mapHeader, MAX_RECORD_CHARS, Utf8Check, type Field, type ReaderOptions, type RowSink } from './readers';

/** The delimiter of the header line: the one of ";" and "," it uses more. */
function detectDelimiter(header: string): ',' | ';' {
  const count = (c: string) => header.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

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

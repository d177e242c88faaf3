import { AcceptanceErrors } from '../contracts/acceptance';

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/**
 * A streaming RFC 4180 record splitter over UTF-8 bytes: delimiter, quoted fields with "" escapes and line breaks
 * inside quotes, LF / CRLF / CR line ends; unquoted fields are trimmed and blank lines skipped. Records are handed
 * over as they complete and only an unfinished record is carried to the next chunk.
 *
 * Written instead of using csv-parse: at a million rows, csv-parse's per-record objects were promoted to the old
 * generation (~200 MB of garbage in the API process before a full collection), which breaks the memory bound of
 * the upload; this splitter allocates only the field strings.
 */
export class CsvSplitter {
  private carry: Buffer = Buffer.alloc(0);
  /** physical line where the next record starts */
  private line = 1;

  constructor(
    private readonly delimiter: number,
    private readonly maxRecordBytes: number,
    private readonly onRecord: (fields: string[], line: number) => void,
  ) {}

  push(chunk: Buffer): void {
    const buf = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const consumed = this.split(buf, false);
    this.carry = Buffer.from(buf.subarray(consumed));
    if (this.carry.length > this.maxRecordBytes)
      throw AcceptanceErrors.LINE_TOO_LONG(undefined, { line: this.line, maxBytes: this.maxRecordBytes });
  }

  end(): void {
    if (this.carry.length > 0) this.split(this.carry, true);
    this.carry = Buffer.alloc(0);
  }

  /** Emits the complete records of `buf`; returns how many bytes they took. */
  private split(buf: Buffer, final: boolean): number {
    let recordStart = 0;
    let i = 0;
    const n = buf.length;
    while (recordStart < n) {
      const fields: string[] = [];
      let newlines = 0;
      let fieldStart = i;
      for (;;) {
        if (i >= n) {
          if (!final) return recordStart;
          fields.push(buf.toString('utf8', fieldStart, i).trim());
          break;
        }
        const byte = buf[i];
        if (byte === QUOTE && buf.toString('utf8', fieldStart, i).trim() === '') {
          const quoted = this.quoted(buf, i, final);
          if (!quoted) return recordStart;
          fields.push(quoted.text);
          newlines += quoted.newlines;
          i = quoted.end;
          while (i < n && (buf[i] === 0x20 || buf[i] === 0x09)) i++;
          if (i < n && buf[i] !== this.delimiter && buf[i] !== CR && buf[i] !== LF)
            throw AcceptanceErrors.MALFORMED_FILE(undefined, {
              line: this.line + newlines,
              reason: 'text after a closing quote',
            });
          if (i >= n) {
            if (!final) return recordStart;
            break;
          }
          if (buf[i] === this.delimiter) {
            i++;
            fieldStart = i;
            continue;
          }
        } else if (byte === this.delimiter) {
          fields.push(buf.toString('utf8', fieldStart, i).trim());
          i++;
          fieldStart = i;
          continue;
        } else if (byte !== CR && byte !== LF) {
          i++;
          continue;
        } else fields.push(buf.toString('utf8', fieldStart, i).trim());
        // A line end: CRLF needs the next byte to tell it from a lone CR.
        if (buf[i] === CR) {
          if (i + 1 >= n && !final) return recordStart;
          i += buf[i + 1] === LF ? 2 : 1;
        } else i++;
        newlines++;
        break;
      }
      // Only a finished record leaves the loop above; an unfinished one returned early.
      if (fields.length > 1 || fields[0] !== '') this.onRecord(fields, this.line);
      this.line += newlines;
      recordStart = i;
    }
    return recordStart;
  }

  /** A quoted field starting at `buf[at]`; undefined when its closing quote is not in `buf` yet. */
  private quoted(buf: Buffer, at: number, final: boolean): { text: string; end: number; newlines: number } | undefined {
    let newlines = 0;
    let escaped = false;
    for (let i = at + 1; i < buf.length; i++) {
      if (buf[i] === LF || (buf[i] === CR && buf[i + 1] !== LF)) newlines++;
      if (buf[i] !== QUOTE) continue;
      if (i + 1 >= buf.length && !final) return undefined;
      if (buf[i + 1] === QUOTE) {
        escaped = true;
        i++;
        continue;
      }
      const raw = buf.toString('utf8', at + 1, i);
      return { text: escaped ? raw.replaceAll('""', '"') : raw, end: i + 1, newlines };
    }
    if (final) throw AcceptanceErrors.MALFORMED_FILE(undefined, { line: this.line, reason: 'unclosed quote' });
    return undefined;
  }
}

import 'reflect-metadata';
import fc from 'fast-check';
import { DomainError } from '@app/kernel';
import { CsvSplitter } from './csv-splitter';

function split(chunks: Buffer[], delimiter = ','): Array<[number, string[]]> {
  const records: Array<[number, string[]]> = [];
  const splitter = new CsvSplitter(delimiter.charCodeAt(0), 1024, (fields, line) => records.push([line, fields]));
  for (const chunk of chunks) splitter.push(chunk);
  splitter.end();
  return records;
}

const text =
  'kpi;observedAt;value\r\n' +
  'K1; 2026-11-05T08:00:00Z ;"1.234,5"\r\n' +
  '\n' +
  'K1;2026-11-05T09:00:00Z;"say ""hi""\nthere"\r' +
  'K2;2026-11-05T10:00:00Z;Tiếng Việt';

const expected: Array<[number, string[]]> = [
  [1, ['kpi', 'observedAt', 'value']],
  [2, ['K1', '2026-11-05T08:00:00Z', '1.234,5']],
  [4, ['K1', '2026-11-05T09:00:00Z', 'say "hi"\nthere']],
  [6, ['K2', '2026-11-05T10:00:00Z', 'Tiếng Việt']],
];

describe('CsvSplitter', () => {
  it('splits records with quotes, escapes, line breaks in quotes, CRLF / LF / CR, blank lines', () => {
    expect(split([Buffer.from(text)], ';')).toEqual(expected);
  });

  it('gives the same records however the bytes are chunked', () => {
    const bytes = Buffer.from(text);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 6 }), (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), bytes.length];
        const chunks = points.slice(1).map((end, i) => bytes.subarray(points[i], end));
        expect(split(chunks, ';')).toEqual(expected);
      }),
    );
  });

  it('refuses an unclosed quote, text after a closing quote and an overlong record', () => {
    const codeOf = (input: string) => {
      try {
        split([Buffer.from(input)]);
      } catch (error) {
        return (error as DomainError).code;
      }
      return undefined;
    };
    expect(codeOf('a,"b\n')).toBe('ACCEPTANCE.MALFORMED_FILE');
    expect(codeOf('a,"b"c\n')).toBe('ACCEPTANCE.MALFORMED_FILE');
    expect(codeOf(`a,${'x'.repeat(5000)}`)).toBe('ACCEPTANCE.LINE_TOO_LONG');
  });
});

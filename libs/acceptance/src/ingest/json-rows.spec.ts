import 'reflect-metadata';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import type { DomainError } from '@app/kernel';
import { jsonRows } from './json-reader';
import { MAX_RECORD_CHARS } from './readers';
import type { RawRow } from './rows';

async function read(chunks: Buffer[]): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  await jsonRows(Readable.from(chunks), { row: (raw) => rows.push(raw), ready: () => Promise.resolve() });
  return rows;
}

async function refusal(body: string | Buffer): Promise<{ code: string; details: unknown }> {
  try {
    await read([Buffer.from(body)]);
  } catch (error) {
    return { code: (error as DomainError).code, details: (error as DomainError).details };
  }
  throw new Error('accepted');
}

const body = Buffer.from(
  '\ufeff{ "measurements": [\n' +
    '  {"kpi": "K1", "observedAt": "2026-11-05T08:00:00Z", "value": 40.25, "unit": "độ C"},\n' +
    '  {"kpi": "K2", "observedAt": "2026-11-05T09:00:00+07:00", "value": "1234.5", "unit": "lượt/giờ"},\n' +
    '  {"observedAt": "2026-11-05T10:00:00Z", "value": {"x": 1}, "ghi chú": "Tiếng Việt"},\n' +
    '  7\n' +
    '] }\n',
);

const expected: RawRow[] = [
  { line: 1, kpi: 'K1', observedAt: '2026-11-05T08:00:00Z', value: '40.25', pointDecimal: true, unit: 'độ C' },
  { line: 2, kpi: 'K2', observedAt: '2026-11-05T09:00:00+07:00', value: '1234.5', unit: 'lượt/giờ' },
  { line: 3, kpi: undefined, observedAt: '2026-11-05T10:00:00Z', value: '{"x":1}', unit: undefined },
  { line: 4, kpi: undefined, observedAt: undefined, value: undefined, unit: undefined },
];

describe('jsonRows', () => {
  it('keeps a number as written, never through a binary double', async () => {
    const exact =
      '{"measurements": [{"kpi": "K1", "observedAt": "2026-11-05T08:00:00Z", "value": 123456789012345.123456}]}';
    expect(await read([Buffer.from(exact)])).toEqual([
      { line: 1, kpi: 'K1', observedAt: '2026-11-05T08:00:00Z', value: '123456789012345.123456', pointDecimal: true },
    ]);
  });

  it('hands on each point of { measurements: [...] } as a row numbered from 1', async () => {
    expect(await read([body])).toEqual(expected);
  });

  it('gives the same rows when chunks split a Vietnamese character or a number', async () => {
    const inCharacter = body.indexOf(Buffer.from('ộ')) + 1;
    const inNumber = body.indexOf(Buffer.from('40.25')) + 2;
    expect(inNumber).toBeLessThan(inCharacter);
    const cut = [body.subarray(0, inNumber), body.subarray(inNumber, inCharacter), body.subarray(inCharacter)];
    expect(await read(cut)).toEqual(expected);
  });

  it('gives the same rows however the bytes are chunked', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: body.length - 1 }), { maxLength: 8 }), async (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), body.length];
        const chunks = points.slice(1).map((end, i) => body.subarray(points[i], end));
        expect(await read(chunks)).toEqual(expected);
      }),
    );
  });

  it('refuses an empty body and an empty array', async () => {
    for (const empty of ['', ' \r\n', '\ufeff', '{"measurements": []}'])
      expect(await refusal(empty)).toMatchObject({ code: 'ACCEPTANCE.FILE_EMPTY' });
  });

  it('refuses malformed JSON and any other shape, naming the problem', async () => {
    const detail = async (input: string) => {
      const { code, details } = await refusal(input);
      expect({ input, code }).toEqual({ input, code: 'ACCEPTANCE.MALFORMED_FILE' });
      expect(details).toMatchObject({ reason: 'JSON' });
      return (details as { detail: string }).detail;
    };
    expect(await detail('[{"kpi": "K1"}]')).toMatch(/must be a JSON object/);
    expect(await detail('"measurements"')).toMatch(/must be a JSON object/);
    expect(await detail('{"points": []}')).toMatch(/unknown field "points"/);
    expect(await detail('{}')).toMatch(/no "measurements" field/);
    expect(await detail('{"measurements": {"kpi": "K1"}}')).toMatch(/must be an array/);
    expect(await detail('{"measurements": "K1"}')).toMatch(/must be an array/);
    expect(await detail('{"measurements": [], "note": 1}')).toMatch(/only field/);
    expect(await detail('{"measurements": [{"kpi": "K1"}], "measurements": []}')).toMatch(/only field/);
    await detail('{"measurements": [{"kpi": "K1"},');
    await detail('{"measurements": [{"kpi": "K1"}]} {}');
    await detail('{"measurements": [{"kpi": K1}]}');
    await detail('{"measurements": [{"value": 4.}]}');
  });

  it('refuses UTF-16 and an overlong point without holding it whole', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"measurements": [1]}', 'utf16le')]);
    expect(await refusal(utf16)).toMatchObject({ code: 'ACCEPTANCE.NOT_UTF8' });
    const long = `{"measurements": [{"kpi": "K1"}, {"kpi": "${'x'.repeat(MAX_RECORD_CHARS * 4)}"}]}`;
    expect(await refusal(long)).toEqual({ code: 'ACCEPTANCE.LINE_TOO_LONG', details: { line: 2 } });
  });
});

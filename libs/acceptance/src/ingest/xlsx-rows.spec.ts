import 'reflect-metadata';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { Readable, type Writable } from 'node:stream';
import type { DomainError } from '@app/kernel';
import { xlsxPartsLate } from '../../../../test/fixtures/ingest/files';
import { endAfterEntries, xlsxRows } from './xlsx-reader';
import type { RawRow } from './rows';

/** Saved by LibreOffice Calc: the worksheets come before the tab names and the number formats in the archive. */
const calc = xlsxPartsLate([
  { name: 'Ghi chú', rows: [['Không phải số liệu']] },
  {
    name: 'Số liệu',
    rows: [
      ['kpi', 'observedAt', 'value'],
      ['K1', '2026-11-05T08:00:00Z', { number: 0.725, percent: true }],
      ['K1', '2026-11-05T09:00:00Z', { number: 41.5 }],
    ],
  },
]);

async function read(sheet?: string, chunkBytes = calc.length): Promise<RawRow[]> {
  const chunks: Buffer[] = [];
  for (let at = 0; at < calc.length; at += chunkBytes) chunks.push(calc.subarray(at, at + chunkBytes));
  const rows: RawRow[] = [];
  await xlsxRows(Readable.from(chunks), { sheet }, { row: (raw) => rows.push(raw), ready: () => Promise.resolve() });
  return rows;
}

describe('xlsxRows, whatever the order of the parts', () => {
  // Chunk sizes 1–300 split the compressed parts, and so the text, at every kind of place. In batches of 10, each
  // with a minute: the reads are CPU-bound (about a second per batch when idle), and a busy machine is slower.
  const batches = Array.from({ length: 30 }, (_, i) => [i * 10 + 1, i * 10 + 10] as const);
  it.each(batches)(
    'reads the Vietnamese tab name whole when the upload comes in chunks of %i–%i bytes',
    async (from, to) => {
      for (let chunkBytes = from; chunkBytes <= to; chunkBytes++)
        expect((await read('Số liệu', chunkBytes)).map((r) => r.value)).toEqual(['72.5', '41.5']);
    },
    60_000,
  );

  it('finds the worksheet by the name of its tab, and reads a percentage cell as shown', async () => {
    expect(await read('Số liệu')).toEqual([
      {
        line: 2,
        kpi: 'K1',
        observedAt: '2026-11-05T08:00:00Z',
        value: '72.5',
        pointDecimal: true,
        shownAsPercent: true,
      },
      { line: 3, kpi: 'K1', observedAt: '2026-11-05T09:00:00Z', value: '41.5', pointDecimal: true },
    ]);
  });

  it('reads the first tab when none is named, and never matches a part name', async () => {
    await expect(read()).rejects.toMatchObject({ code: 'ACCEPTANCE.HEADER_INVALID' });
    await expect(read('Sheet2')).rejects.toMatchObject({
      code: 'ACCEPTANCE.SHEET_NOT_FOUND',
      details: { available: ['Ghi chú', 'Số liệu'] },
    } satisfies Partial<DomainError>);
  });

  it('hands out every entry the unzipper holds when it reaches the end of the archive while exceljs is busy', async () => {
    // the unzipper and the entry loop exceljs itself uses
    const fromExceljs = createRequire(require.resolve('exceljs'));
    const unzipper = fromExceljs('unzipper') as { Parse(options: object): Writable & Readable };
    const iterateStream = fromExceljs('./lib/utils/iterate-stream') as (
      stream: Readable,
    ) => AsyncIterable<{ path: string; autodrain(): void }>;
    const zip = unzipper.Parse({ forceStream: true });
    endAfterEntries(zip);
    const finished = once(zip, 'finish');
    zip.write(calc);
    const paths: string[] = [];
    for await (const entry of iterateStream(zip)) {
      paths.push(entry.path);
      // still on the first entry when the parser reads the end-of-central-directory record
      if (paths.length === 1) await finished;
      entry.autodrain();
    }
    expect(paths).toEqual(expect.arrayContaining(['xl/worksheets/sheet1.xml', 'xl/styles.xml', 'xl/workbook.xml']));
    expect(paths).toHaveLength(8);
  });

  it.each([0.05, 0.25, 0.5, 0.75, 0.95])(
    'refuses a file cut short at %p of its bytes, never waiting for more',
    async (share) => {
      const cut = calc.subarray(0, Math.floor(calc.length * share));
      await expect(
        xlsxRows(Readable.from([cut]), { sheet: 'Số liệu' }, { row: () => undefined, ready: () => Promise.resolve() }),
      ).rejects.toMatchObject({ code: 'ACCEPTANCE.MALFORMED_FILE' });
    },
  );

  it('refuses a file whose last bytes (inside its end-of-central-directory record) are missing', async () => {
    await expect(
      xlsxRows(
        Readable.from([calc.subarray(0, calc.length - 5)]),
        {},
        { row: () => undefined, ready: () => Promise.resolve() },
      ),
    ).rejects.toMatchObject({ code: 'ACCEPTANCE.MALFORMED_FILE' });
  });
});

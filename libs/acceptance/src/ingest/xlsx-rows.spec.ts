import 'reflect-metadata';
import { Readable } from 'node:stream';
import type { DomainError } from '@app/kernel';
import { xlsxPartsLate } from '../../../../test/fixtures/ingest/files';
import { xlsxRows } from './readers';
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
});

import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { EntityManager } from 'typeorm';
import { Fraction, parseDecimal, SystemClock } from '@app/kernel';
import { createTestDatabase, type TestDatabase } from '@app/test-support';
import { RoundRecords } from './round-records';

jest.setTimeout(300_000);

interface Reading {
  kpi: string;
  revision: number;
  batch: number;
  /** seconds after the round's first instant: equal instants in different batches are allowed */
  at: number;
  value: string;
}

const T0 = Date.parse('2026-03-01T00:00:00Z');

const reading = fc.record({
  kpi: fc.constantFrom('K1', 'K2', 'K3'),
  revision: fc.integer({ min: 1, max: 3 }),
  batch: fc.integer({ min: 0, max: 3 }),
  at: fc.integer({ min: 0, max: 6 }),
  value: fc
    .tuple(fc.integer({ min: -500, max: 500 }), fc.integer({ min: 0, max: 999 }))
    .map(([units, thousandths]) => `${units}.${String(thousandths).padStart(3, '0')}`),
});

/**
 * The round's series as the evaluation reads it from PostgreSQL, against a reference computed here from the same
 * readings in insertion order: per KPI the newest revision up to the record version, its count, exact sum and last
 * reading (latest instant, then latest row), and the batches that data came from in the order of their first reading.
 */
describe('round series', () => {
  let db: TestDatabase;
  const records = new RoundRecords(new SystemClock());

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.pool.query(`SELECT acceptance.ensure_measurement_partitions($1, $2)`, [
      new Date(T0).toISOString(),
      new Date(T0 + 86_400_000).toISOString(),
    ]);
  });
  afterAll(async () => {
    await db?.drop();
  });

  const tx = () =>
    ({ query: async (sql: string, params: unknown[]) => (await db.pool.query(sql, params)).rows }) as EntityManager;

  async function store(orderId: string, readings: Reading[]): Promise<{ ids: number[]; hashes: string[] }> {
    const batchIds = Array.from({ length: 4 }, () => randomUUID());
    const hashes = batchIds.map((id) => `sha-${id}`);
    await db.pool.query(
      `INSERT INTO acceptance.measurement_batches (id, order_id, round_no, revision, format, sha256, row_count,
         organisation_id)
       SELECT id, $2, 1, 1, 'json', 'sha-' || id, 0, $2 FROM unnest($1::uuid[]) id`,
      [batchIds, orderId],
    );
    const ids: number[] = [];
    for (const [line, r] of readings.entries()) {
      const { rows } = await db.pool.query<{ id: string }>(
        `INSERT INTO acceptance.measurements (observed_at, batch_id, order_id, round_no, kpi_key, value, line_no,
           revision, ref)
         VALUES ($1, $2, $3, 1, $4, $5, $6, $7, $8) RETURNING id`,
        [
          new Date(T0 + r.at * 1000).toISOString(),
          batchIds[r.batch],
          orderId,
          r.kpi,
          r.value,
          line + 2,
          r.revision,
          String(line),
        ],
      );
      ids.push(Number(rows[0].id));
    }
    return { ids, hashes };
  }

  it('reads each KPI’s newest revision once: count, exact sum, last reading and the batches it came from', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(reading, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 3 }),
        async (readings, version) => {
          const orderId = randomUUID();
          const { ids, hashes } = await store(orderId, readings);
          const rows = readings.map((r, i) => ({ ...r, id: ids[i] }));

          const expected = new Map<string, { points: number; sum: Fraction; last: string }>();
          const used: typeof rows = [];
          for (const kpi of new Set(rows.map((r) => r.kpi))) {
            const eligible = rows.filter((r) => r.kpi === kpi && r.revision <= version);
            if (eligible.length === 0) continue;
            const newest = Math.max(...eligible.map((r) => r.revision));
            const series = eligible.filter((r) => r.revision === newest);
            used.push(...series);
            const last = [...series].sort((x, y) => y.at - x.at || y.id - x.id)[0];
            expected.set(kpi, {
              points: series.length,
              sum: series.reduce((acc, r) => acc.add(parseDecimal(r.value)), new Fraction(0)),
              last: last.value,
            });
          }
          const firstOf = (batch: number) => {
            const of = used.filter((r) => r.batch === batch);
            return { batch, at: Math.min(...of.map((r) => r.at)), id: Math.min(...of.map((r) => r.id)) };
          };
          const expectedHashes = [...new Set(used.map((r) => r.batch))]
            .map(firstOf)
            .sort((x, y) => x.at - y.at || x.id - y.id)
            .map((b) => hashes[b.batch]);

          const actual = await records.series(tx(), orderId, 1, version);
          expect([...actual.series.keys()].sort()).toEqual([...expected.keys()].sort());
          for (const [kpi, want] of expected) {
            const got = actual.series.get(kpi)!;
            expect(got.points).toBe(want.points);
            expect(got.last).toBe(want.last);
            expect(parseDecimal(got.sum).equals(want.sum)).toBe(true);
          }
          expect(actual.hashes).toEqual(expectedHashes);
        },
      ),
      { numRuns: 60 },
    );
  });
});

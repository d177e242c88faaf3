import fc from 'fast-check';
import { DataSource } from 'typeorm';
import type { OutcomeRow } from './dashboard-reads';
import { createTestDatabase, type TestDatabase } from '@app/test-support';
import { schemaDataSource } from '../../../scripts/db/schema';
import { keepVendorFacts, outcomeStatistics, replaceAllFacts } from './outcome-facts';
import { statisticsOf } from '../../../test/support/outcome-statistics';

const VENDORS = ['0193a000-0000-7000-8000-00000000000a', '0193a000-0000-7000-8000-00000000000b'];
const CATEGORIES = ['y-te', 'giao-thong', 'giao-duc'];

const outcomeArb: fc.Arbitrary<OutcomeRow> = fc
  .record({
    orderId: fc.uuid({ version: 7 }),
    vendor: fc.constantFrom(...VENDORS),
    category: fc.constantFrom(...CATEGORIES),
    maxAmount: fc.bigInt({ min: 0n, max: 10n ** 12n }),
    paidShare: fc.integer({ min: -2, max: 12 }),
    deliveryShareBp: fc.constantFrom(0, 1000, 3000),
    deliveryPaid: fc.boolean(),
  })
  .map((r) => ({
    orderId: r.orderId,
    vendorOrganisationId: r.vendor,
    agencyOrganisationId: r.vendor,
    categoryCode: r.category,
    maxAmount: r.maxAmount.toString(),
    // from a net clawback to more than M, in tenths of M
    paid: ((r.maxAmount * BigInt(r.paidShare)) / 10n).toString(),
    closedAt: '2026-11-01T00:00:00.000Z',
    signedByUserIds: [],
    deliveryShareBp: r.deliveryShareBp,
    deliveryPaid: r.deliveryPaid,
  }));

/** The statistics read from ranking's facts through PostgreSQL, against an independent in-memory computation. */
describe('outcome facts (real PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await schemaDataSource(db.url).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  const expectSame = (actual: Awaited<ReturnType<typeof outcomeStatistics>>, outcomes: OutcomeRow[]) => {
    const expected = new Map(statisticsOf(outcomes).map((s) => [s.scope, s]));
    for (const s of actual) {
      const e = expected.get(s.scope) ?? { orders: 0, meanX: 0, medianValue: 0 };
      expect([s.scope, s.orders, s.medianValue]).toEqual([s.scope, e.orders, e.medianValue]);
      expect(s.meanX).toBeCloseTo(e.meanX, 12);
    }
  };

  it('gives every scope the count, mean x and median of the facts, after a full rewrite and after one vendor’s', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(outcomeArb, { maxLength: 40, selector: (o) => o.orderId }),
        fc.uniqueArray(outcomeArb, { maxLength: 20, selector: (o) => o.orderId }),
        async (all, later) => {
          await dataSource.transaction(async (tx) => {
            await replaceAllFacts(tx, all);
            expectSame(await outcomeStatistics(tx, CATEGORIES), all);
            // vendor A's outcomes change: some orders gone, others new or with a different x
            const [a] = VENDORS;
            const kept = all
              .filter((o, i) => o.vendorOrganisationId === a && i % 2 === 0)
              .map((o) => ({ ...o, paid: '0' }));
            const fresh = later
              .filter((o) => !all.some((p) => p.orderId === o.orderId))
              .map((o) => ({ ...o, vendorOrganisationId: a }));
            await keepVendorFacts(tx, a, [...kept, ...fresh]);
            const now = [...all.filter((o) => o.vendorOrganisationId !== a), ...kept, ...fresh];
            expectSame(await outcomeStatistics(tx, CATEGORIES), now);
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});

import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { Solution } from '@app/catalog';
import { Offer } from '@app/competition';
import { Order, Signature } from '@app/ordering';
import {
  insertWithChildren,
  selectById,
  selectByIdWithChildren,
  selectFrom,
  updateAllIfStatus,
  updateIfStatus,
} from '@app/platform';
import { Problem, ProblemKpi } from '@app/problems';
import { schemaDataSource } from '../../scripts/db/schema';
import { createTestDatabase, type TestDatabase } from '@app/test-support';

/** Plain SQL built from an entity's metadata reads rows exactly as TypeORM's own finds do. */
describe('reads and inserts built from entity metadata', () => {
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

  it('reads an order and its signatures as TypeORM does', async () => {
    const id = randomUUID();
    await db.pool.query(
      `INSERT INTO ordering.orders (id, call_id, agency_organisation_id, vendor_organisation_id, status, max_amount,
                                    terms, terms_hash, activated_at)
       VALUES ($1, $2, $3, $4, 'ACTIVE', 9007199254740993, '{"rounds": [{"no": 1, "shareBp": 10000}]}', 'h', now())`,
      [id, randomUUID(), randomUUID(), randomUUID()],
    );
    await db.pool.query(
      `INSERT INTO ordering.signatures (order_id, party, organisation_id, user_id, terms_hash)
       VALUES ($1, 'BUYER', $2, NULL, 'h'), ($1, 'VENDOR', $3, $4, 'h')`,
      [id, randomUUID(), randomUUID(), randomUUID()],
    );
    const manager = dataSource.manager;
    const [order] = await manager.query<Order[]>(`${selectFrom(manager, Order, 'o')} WHERE o.id = $1`, [id]);
    expect(order).toEqual(await manager.findOneByOrFail(Order, { id }));
    expect(order.maxAmount).toBe('9007199254740993');
    expect(await selectById(manager, Order, id)).toEqual(order);
    await dataSource.transaction(async (tx) => {
      expect(await selectById(tx, Order, id, { lock: true })).toEqual(order);
      await expect(
        db.pool.query('SELECT 1 FROM ordering.orders WHERE id = $1 FOR UPDATE NOWAIT', [id]),
      ).rejects.toThrow('could not obtain lock');
    });
    expect(await selectById(manager, Order, randomUUID())).toBeUndefined();
    const signatures = await manager.query<Signature[]>(
      `${selectFrom(manager, Signature, 's')} WHERE s.order_id = $1 ORDER BY s.party`,
      [id],
    );
    expect(signatures).toEqual(await manager.find(Signature, { where: { orderId: id }, order: { party: 'ASC' } }));
  });

  it('reads a problem and a solution with their KPIs as TypeORM’s find with relations does', async () => {
    const manager = dataSource.manager;
    const problemId = randomUUID();
    await db.pool.query(
      `INSERT INTO problems.problems (id, code, agency_organisation_id, title_vi, title_en, category_code, status,
                                      budget_envelope, outcome_share_bp, deadline)
       VALUES ($1, 'P-1', $2, 'Bài toán', 'Problem', 'giao-thong', 'DRAFT', 9007199254740993, 3000, '2031-02-03')`,
      [problemId, randomUUID()],
    );
    // Stored out of code order: the read orders them.
    for (const code of ['K2', 'K3', 'K1'])
      await db.pool.query(
        `INSERT INTO problems.problem_kpis (id, problem_id, code, name_vi, name_en, unit, direction, comparator,
                                            baseline, target, measurement_period, data_source)
         VALUES ($1, $2, $3, 'Chỉ số', 'Index', '%', 'increase', 'gte', '12.50', '0.000000000000000001', 'tháng', 'x')`,
        [randomUUID(), problemId, code],
      );
    const problem = await selectByIdWithChildren(manager, Problem, problemId, 'kpis', 'code');
    expect(problem?.kpis.map((k) => k.code)).toEqual(['K1', 'K2', 'K3']);
    expect(problem).toEqual(
      (
        await manager.find(Problem, {
          where: { id: problemId },
          relations: { kpis: true },
          order: { kpis: { code: 'ASC' } },
        })
      )[0],
    );
    expect(problem?.budgetEnvelope).toBe('9007199254740993');
    expect(problem?.deadline).toBe('2031-02-03');

    const solutionId = randomUUID();
    await db.pool.query(
      `INSERT INTO catalog.solutions (id, vendor_organisation_id, name, summary, category_code, status, checked)
       VALUES ($1, $2, 'Giải pháp', 'Tóm tắt', 'giao-thong', 'DRAFT', '{"name": "Giải pháp"}')`,
      [solutionId, randomUUID()],
    );
    const bare = await selectByIdWithChildren(manager, Solution, solutionId, 'kpis');
    expect(bare?.kpis).toEqual([]);
    expect(bare).toEqual((await manager.find(Solution, { where: { id: solutionId }, relations: { kpis: true } }))[0]);
    await db.pool.query(
      `INSERT INTO catalog.solution_kpis (id, solution_id, metric) VALUES ($1, $3, 'Tốc độ'), ($2, $3, 'Độ trễ')`,
      [randomUUID(), randomUUID(), solutionId],
    );
    const solution = await selectByIdWithChildren(manager, Solution, solutionId, 'kpis');
    expect(solution?.kpis).toHaveLength(2);
    expect(solution).toEqual(
      (await manager.find(Solution, { where: { id: solutionId }, relations: { kpis: true } }))[0],
    );
    expect(await selectByIdWithChildren(manager, Solution, randomUUID(), 'kpis')).toBeUndefined();
  });

  it('inserts a new problem with its KPIs, and fills in what the database generates', async () => {
    const manager = dataSource.manager;
    const id = randomUUID();
    const kpi = (code: string) =>
      manager.create(ProblemKpi, {
        id: randomUUID(),
        problemId: id,
        code,
        nameVi: 'Chỉ số',
        nameEn: 'Index',
        unit: '%',
        direction: 'increase',
        comparator: 'gte',
        binary: false,
        baseline: null,
        target: '99.5',
        measurementPeriod: 'tháng',
        aggregation: 'mean',
        weightBp: null,
        dataSource: 'x',
      });
    const problem = manager.create(Problem, {
      id,
      code: `P-${id}`,
      agencyOrganisationId: randomUUID(),
      titleVi: 'Bài toán',
      titleEn: 'Problem',
      categoryCode: 'giao-thong',
      status: 'DRAFT',
      budgetEnvelope: '1000',
      outcomeShareBp: 0,
      deadline: null,
      publishedAt: null,
      closedAt: null,
      closeReason: null,
      kpis: [kpi('K1'), kpi('K2')],
    });
    await insertWithChildren(manager, Problem, problem, 'kpis');
    expect(problem.createdAt).toBeInstanceOf(Date);
    expect(problem.scale).toBe('SMALL_TRIAL');
    expect(await selectByIdWithChildren(manager, Problem, id, 'kpis', 'code')).toEqual(problem);
  });

  it('updates rows still in the expected status as TypeORM’s update builder does, and refuses a moved row', async () => {
    const manager = dataSource.manager;
    const insertSolution = async () => {
      const id = randomUUID();
      await db.pool.query(
        `INSERT INTO catalog.solutions (id, vendor_organisation_id, name, summary, category_code, status, updated_at)
         VALUES ($1, $2, 'Giải pháp', 'Tóm tắt', 'giao-thong', 'DRAFT', now() - interval '1 day')`,
        [id, randomUUID()],
      );
      return id;
    };
    const [mine, twin, moved] = [await insertSolution(), await insertSolution(), await insertSolution()];
    const before = await manager.findOneByOrFail(Solution, { id: mine });
    const listedAt = new Date('2031-02-03T04:05:06.789Z');
    const checked = { name: 'Giải pháp', kpis: [{ metric: 'Tốc độ' }] };
    const patch = { status: 'LISTED' as const, listedAt, checked, checkedVersion: 3, revisionReason: null };
    await dataSource.transaction((tx) => updateAllIfStatus(tx, Solution, [mine, twin], 'DRAFT', patch));
    const after = await manager.findOneByOrFail(Solution, { id: mine });
    expect(after).toEqual({ ...before, ...patch, updatedAt: after.updatedAt });
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());

    // A jsonb array is stored as JSON, an integer[] as a PostgreSQL array.
    const offer = manager.create(Offer, {
      id: randomUUID(),
      callId: randomUUID(),
      solutionId: randomUUID(),
      vendorOrganisationId: randomUUID(),
      status: 'SUBMITTED',
      price: '1000',
      kpiCommitments: [],
      durationDays: 30,
      rounds: 1,
      roundSharesBp: null,
      eliminationReason: null,
    });
    await manager.insert(Offer, offer);
    const commitments = { kpiCommitments: [{ kpiCode: 'K1', target: '45' }], roundSharesBp: [4000, 6000] };
    await dataSource.transaction((tx) => updateIfStatus(tx, Offer, offer.id, 'SUBMITTED', commitments));
    expect(await manager.findOneByOrFail(Offer, { id: offer.id })).toEqual({ ...offer, ...commitments });
    const {
      rows: [stored],
    } = await db.pool.query<{ json: string; ints: string }>(
      'SELECT jsonb_typeof(kpi_commitments) AS json, pg_typeof(round_shares_bp)::text AS ints FROM competition.offers WHERE id = $1',
      [offer.id],
    );
    expect(stored).toEqual({ json: 'array', ints: 'integer[]' });

    await db.pool.query(`UPDATE catalog.solutions SET status = 'SUSPENDED' WHERE id = $1`, [moved]);
    const untouched = await manager.findOneByOrFail(Solution, { id: moved });
    await expect(
      dataSource.transaction((tx) => updateAllIfStatus(tx, Solution, [moved, twin], 'LISTED', { status: 'DELISTED' })),
    ).rejects.toMatchObject({ code: 'PLATFORM.CONCURRENT_UPDATE' });
    await expect(
      dataSource.transaction((tx) => updateIfStatus(tx, Solution, moved, 'DRAFT', { status: 'LISTED' })),
    ).rejects.toMatchObject({ code: 'PLATFORM.CONCURRENT_UPDATE', details: { id: moved, expected: 'DRAFT' } });
    expect(await manager.findOneByOrFail(Solution, { id: moved })).toEqual(untouched);
    expect((await manager.findOneByOrFail(Solution, { id: twin })).status).toBe('LISTED');
  });

  it('builds a statement PostgreSQL accepts for every entity of plain columns, and refuses the others', async () => {
    const manager = dataSource.manager;
    for (const metadata of dataSource.entityMetadatas) {
      const mapped = (c: ColumnMetadata) => !c.embeddedMetadata && c.propertyName !== c.relationMetadata?.propertyName;
      if (metadata.columns.every(mapped)) await manager.query(`${selectFrom(manager, metadata.target, 'x')} LIMIT 0`);
      else expect(() => selectFrom(manager, metadata.target, 'x')).toThrow('is not a plain column');
    }
  });
});

import { Test, type TestingModule } from '@nestjs/testing';
import type { Client } from 'pg';
import { DataSource } from 'typeorm';
import { CatalogFacade, CatalogModule, searchListings, type ListingRow, type TrustLabel } from '@app/catalog';
import { PlatformModule, PreparingClient } from '@app/platform';
import { createTestDatabase, type TestDatabase } from '@app/test-support';
import { migrations } from '../../migrations';

/** The diacritic-insensitive search functions and the plan the catalogue search relies on (real PostgreSQL). */
describe('catalogue search in PostgreSQL', () => {
  let db: TestDatabase;
  beforeAll(async () => (db = await createTestDatabase()));
  afterAll(() => db?.drop());

  const matches = async (text: string, query: string) =>
    (
      await db.pool.query<{ hit: boolean }>('SELECT catalog.search_vector($1) @@ catalog.search_query($2) AS hit', [
        text,
        query,
      ])
    ).rows[0].hit;

  it.each([
    ['Nền tảng nghiệm thu số', 'nghiem thu'],
    ['Nền tảng nghiệm thu số', 'nghiệm thu'],
    ['PHẦN MỀM NGHIỆM THU', 'nghiem thu'],
    ['Quản lý đô thị', 'DO THI'],
    ['Đường phố an toàn', 'duong pho'],
  ])('"%s" is found by "%s"', async (text, query) => {
    expect(await matches(text, query)).toBe(true);
  });

  it('does not match other words', async () => {
    expect(await matches('Nền tảng nghiệm thu số', 'nghiem thuc')).toBe(false);
    expect(await matches('Giám sát giao thông', 'y te')).toBe(false);
  });

  it('declares the wrapper immutable, so stored vectors stay valid', async () => {
    const { rows } = await db.pool.query<{ proname: string; provolatile: string }>(
      `SELECT proname, provolatile FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE n.nspname = 'catalog' AND proname IN ('immutable_unaccent', 'search_vector', 'search_query') ORDER BY 1`,
    );
    expect(rows).toEqual([
      { proname: 'immutable_unaccent', provolatile: 'i' },
      { proname: 'search_query', provolatile: 'i' },
      { proname: 'search_vector', provolatile: 'i' },
    ]);
  });

  it('tests the best listings inside the quality index, then a rare word through the GIN index, never every listing', async () => {
    await db.pool.query(
      `INSERT INTO catalog.listings (solution_id, vendor_organisation_id, category_code, status, quality_score, version,
         name, summary, make_in_vietnam, search_vector)
       SELECT md5(g::text)::uuid, md5('v')::uuid, 'giao-thong', 'LISTED', g % 100, 1, 'Giải pháp ' || g, 'Tóm tắt', false,
         catalog.search_vector(CASE WHEN g % 500 = 0 THEN 'nghiệm thu' ELSE 'giao thông' END || ' ' || g)
       FROM generate_series(1, 20000) g`,
    );
    // Vacuumed, as autovacuum keeps a live table: only pages marked all-visible are read from the index alone.
    await db.pool.query('VACUUM (ANALYZE) catalog.listings');
    const plans: string[] = [];
    await searchListings(
      async (sql, params) => {
        const { rows } = await db.pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params);
        plans.push(rows.map((r) => r['QUERY PLAN']).join('\n'));
        return (await db.pool.query<ListingRow>(sql, params)).rows;
      },
      { q: 'nghiem thu', limit: 20 },
    );
    expect(plans).toHaveLength(2);
    expect(plans[0]).toContain('Index Only Scan Backward using listings_status_quality_idx');
    expect(plans[1]).toContain('listings_search_idx');
    for (const plan of plans) expect(plan).not.toMatch(/Seq Scan/);
  });

  it('parses the query text once per search under the generic plan of a prepared statement, not once per row', async () => {
    const client = await db.pool.connect();
    try {
      await client.query('SET plan_cache_mode = force_generic_plan');
      const plans: string[] = [];
      await searchListings(
        async (sql, params) => {
          const explain = await client.query<{ 'QUERY PLAN': string }>({
            name: `explain ${plans.length}`,
            text: `EXPLAIN ${sql}`,
            values: params,
          });
          plans.push(explain.rows.map((r) => r['QUERY PLAN']).join('\n'));
          return (await client.query<ListingRow>(sql, params)).rows;
        },
        { q: 'nghiem thu', limit: 20 },
      );
      expect(plans).toHaveLength(2);
      for (const plan of plans) {
        expect(plan).toContain('InitPlan');
        expect(plan).not.toMatch(/(Filter|Cond):.*unaccent/);
      }
    } finally {
      // Closed, not returned to the pool: later tests would inherit the forced generic plans and the named statements.
      client.release(true);
    }
  });

  it('plans a prepared search once and then reuses its generic plan, as the API’s connections do', async () => {
    // Typed as pg's client: the subclass overrides query with one untyped signature.
    const client: Client = new PreparingClient({ connectionString: db.url });
    await client.connect();
    try {
      for (let i = 0; i < 20; i++)
        for (const q of [undefined, 'giao thong'])
          await searchListings(async (sql, params) => (await client.query<ListingRow>(sql, params)).rows, {
            q,
            limit: 20,
          });
      const { rows } = await client.query<{ generic_plans: string; custom_plans: string }>(
        'SELECT generic_plans, custom_plans FROM pg_prepared_statements',
      );
      // On the 20,000 listings above: the plain search and the text search's first statement.
      expect(rows).toHaveLength(2);
      for (const row of rows) expect(Number(row.generic_plans)).toBeGreaterThan(Number(row.custom_plans));
    } finally {
      await client.end();
    }
  });

  it('pages a common word from the quality order and a rare or unknown one from the text index, both exactly', async () => {
    const run = async (q: string) => {
      const statements: string[] = [];
      const rows = await searchListings(
        async (sql, params) => {
          statements.push(sql);
          return (await db.pool.query<ListingRow>(sql, params)).rows;
        },
        { q, limit: 20 },
      );
      return { ids: rows.map((r) => r.id), statements: statements.length };
    };
    const expected = async (q: string) =>
      (
        await db.pool.query<{ id: string }>(
          `SELECT solution_id AS id FROM catalog.listings WHERE status = 'LISTED'
           AND search_vector @@ catalog.search_query($1) ORDER BY quality_score DESC, solution_id DESC LIMIT 21`,
          [q],
        )
      ).rows.map((r) => r.id);
    const common = await run('giao thong');
    expect(common).toEqual({ ids: await expected('giao thong'), statements: 1 });
    expect(common.ids).toHaveLength(21);
    // 40 of the 20,000 listings, too few among the best 1,000 to fill a page: asked of the GIN index.
    const rare = await run('nghiệm thu');
    expect(rare).toEqual({ ids: await expected('nghiem thu'), statements: 2 });
    expect(rare.ids).toHaveLength(21);
    expect(await run('blockchain')).toEqual({ ids: [], statements: 2 });
  });

  describe('trust label filter', () => {
    const VENDORS = ['a', 'b', 'c'].map((v) => `00000000-0000-4000-8000-00000000000${v}`);
    let app: TestingModule;
    let dataSource: DataSource;
    let catalog: CatalogFacade;
    beforeAll(async () => {
      Object.assign(process.env, { DATABASE_URL: db.url, JWT_SECRET: 'c'.repeat(32), LOG_LEVEL: 'silent' });
      app = await Test.createTestingModule({
        imports: [PlatformModule.forRoot({ migrations }), CatalogModule],
      }).compile();
      await app.init();
      catalog = app.get(CatalogFacade);
      dataSource = app.get(DataSource);
      await db.pool.query(
        `INSERT INTO catalog.listings (solution_id, vendor_organisation_id, category_code, status, quality_score,
           version, name, summary, make_in_vietnam, search_vector)
         SELECT md5('label' || g)::uuid, ($1::uuid[])[1 + g % 3], 'nhan-tin-nhiem', 'LISTED', g, 1, 'Giải pháp ' || g,
           'Tóm tắt', false, catalog.search_vector('nghiệm thu ' || g)
         FROM generate_series(1, 30) g`,
        [VENDORS],
      );
    });
    afterAll(() => app?.close());

    const vendorsFound = async (trustLabels?: TrustLabel[]) => {
      const page = await catalog.search({ category: 'nhan-tin-nhiem', limit: 100, trustLabels });
      return [...new Set(page.items.map((i) => i.vendorOrganisationId))].sort();
    };

    it('counts unlabelled vendors as new, and filters on the labels the ranking stored', async () => {
      expect(await vendorsFound(['NHA_CUNG_CAP_MOI'])).toEqual(VENDORS);
      await dataSource.transaction((tx) =>
        catalog.updateVendorTrustLabels(tx, [
          { vendorOrganisationId: VENDORS[0], label: 'TOT' },
          { vendorOrganisationId: VENDORS[1], label: 'YEU' },
          { vendorOrganisationId: VENDORS[0], label: 'XUAT_SAC' },
        ]),
      );
      expect(await vendorsFound(['XUAT_SAC'])).toEqual([VENDORS[0]]);
      expect(await vendorsFound(['TOT'])).toEqual([]);
      expect(await vendorsFound(['YEU', 'NHA_CUNG_CAP_MOI'])).toEqual([VENDORS[1], VENDORS[2]]);
      expect(await vendorsFound()).toEqual(VENDORS);
      const page = await catalog.search({ category: 'nhan-tin-nhiem', limit: 1, trustLabels: ['XUAT_SAC'] });
      expect(page.items[0]).toMatchObject({ trustLabel: 'XUAT_SAC', qualityScore: 30 });
      const { rows } = await db.pool.query(
        'SELECT vendor_organisation_id AS vendor, label FROM catalog.vendor_trust_labels ORDER BY 1',
      );
      expect(rows).toEqual([
        { vendor: VENDORS[0], label: 'XUAT_SAC' },
        { vendor: VENDORS[1], label: 'YEU' },
      ]);
    });

    it('refuses an unknown label and writes nothing', async () => {
      await expect(
        dataSource.transaction((tx) =>
          catalog.updateVendorTrustLabels(tx, [
            { vendorOrganisationId: VENDORS[2], label: 'TOT' },
            { vendorOrganisationId: VENDORS[1], label: 'GIOI' },
          ]),
        ),
      ).rejects.toMatchObject({ code: 'CATALOG.UNKNOWN_TRUST_LABEL' });
      expect(await vendorsFound(['TOT'])).toEqual([]);
    });

    it('answers a filter on a rare label from its index', async () => {
      await db.pool.query('ANALYZE catalog.listings');
      const { rows } = await db.pool.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN SELECT solution_id FROM catalog.listings l WHERE l.status = 'LISTED' AND l.trust_label = ANY('{YEU}')
         ORDER BY l.quality_score DESC, l.solution_id DESC LIMIT 21`,
      );
      expect(rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('listings_trust_quality_idx');
    });
  });
});

import { createTestDatabase, type TestDatabase } from '@app/test-support';

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

  it('answers a text query from the GIN index, not a scan of every listing', async () => {
    await db.pool.query(
      `INSERT INTO catalog.listings (solution_id, vendor_organisation_id, category_code, status, quality_score, version,
         name, summary, make_in_vietnam, search_vector)
       SELECT md5(g::text)::uuid, md5('v')::uuid, 'giao-thong', 'LISTED', g % 100, 1, 'Giải pháp ' || g, 'Tóm tắt', false,
         catalog.search_vector(CASE WHEN g % 500 = 0 THEN 'nghiệm thu' ELSE 'giao thông' END || ' ' || g)
       FROM generate_series(1, 20000) g`,
    );
    await db.pool.query('ANALYZE catalog.listings');
    const { rows } = await db.pool.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT solution_id FROM catalog.listings l
       WHERE l.status = 'LISTED' AND l.search_vector @@ catalog.search_query('nghiem thu')
       ORDER BY l.quality_score DESC, l.solution_id DESC LIMIT 21`,
    );
    const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(plan).toContain('listings_search_idx');
    expect(plan).not.toMatch(/Seq Scan/);
  });
});

/**
 * Benchmark `catalog-search`: public catalogue search over 100,000 listed solutions of 1,000 vendors through the real API, at 50
 * concurrent clients, without and with a text query (typed with and without diacritics, common and rare words),
 * beside the same SQL (the catalogue's own `searchListings`) run directly against PostgreSQL by 50 connections.
 * Beside both, the floor (search-floor.ts): the same searches over HTTP with no framework around them.
 * BENCH_SEARCH_APIS=N runs N API processes (and N floors); BENCH_SEARCH_ROUNDS sets how many times each kind is
 * measured.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { Pool as UndiciPool } from 'undici';
import { searchListings, type SearchQuery } from '@app/catalog';
import { PreparingClient, withReads } from '@app/platform';
import { type AppProcess, distPath, run, sleep, startApis } from '../infra';
import type { BenchContext, BenchResult, Benchmark } from './run';
import { type CpuProbe, postgresCpu, processCpu, startCpuMeter, totalCpu } from './cpu';
import { intEnv } from './figures';

const SOLUTIONS = intEnv('BENCH_SEARCH_SOLUTIONS', 100_000);
const CONCURRENCY = intEnv('BENCH_SEARCH_CONCURRENCY', 50);
const DURATION_MS = intEnv('BENCH_SEARCH_DURATION_S', 10) * 1000;
const WARMUP_MS = 2000;
const ROUNDS = intEnv('BENCH_SEARCH_ROUNDS', 3);
const PAGE = 20;
const VENDORS = 1000;
// Scale-out on one machine: several API processes (the API is stateless).
const API_PROCESSES = intEnv('BENCH_SEARCH_APIS', 1);

const CATEGORIES = ['giao-thong', 'y-te', 'giao-duc', 'moi-truong', 'du-lieu-hanh-chinh', 'an-toan-thong-tin'];
// Words of real catalogue entries; a solution's text draws a few, so every query below matches a few percent.
const WORDS = [
  'nghiệm thu',
  'giao thông',
  'y tế',
  'camera AI',
  'dịch vụ công',
  'đô thị thông minh',
  'hồ sơ sức khỏe',
  'chuyển đổi số',
  'an toàn thông tin',
  'quan trắc môi trường',
  'trợ lý ảo',
  'học bạ điện tử',
  'bản đồ số',
  'thanh toán trực tuyến',
  'cảnh báo ngập',
  'đèn tín hiệu',
  'bãi đỗ xe',
  'phản ánh hiện trường',
  'dữ liệu mở',
  'định danh điện tử',
];
/** Text queries as users type them, without diacritics and with them; each is paired with its first page. */
const PLAIN_TEXT = ['nghiem thu', 'giao thong', 'camera ai', 'dich vu cong', 'canh bao ngap', 'ban do so'];
const DIACRITIC_TEXT = ['nghiệm thu', 'giao thông', 'dịch vụ công', 'cảnh báo ngập', 'bản đồ số', 'định danh điện tử'];
/** Words on one solution each (its number): the planner cannot tell them from common ones. */
const RARE_TEXT = ['4242', 'giải pháp 77777'];
const TRUST_LABELS = ['XUAT_SAC', 'TOT', 'DAT', 'CAN_CAI_THIEN', 'YEU', 'NHA_CUNG_CAP_MOI'];

interface Query {
  http: string;
  search: SearchQuery;
}

const text = (q: string): Query => ({
  http: `/catalog/search?q=${encodeURIComponent(q)}&limit=${PAGE}`,
  search: { q, limit: PAGE },
});

function queries(kind: 'plain' | 'text' | 'diacritics'): Query[] {
  if (kind === 'diacritics') return DIACRITIC_TEXT.map(text);
  if (kind === 'text') return [...PLAIN_TEXT, ...DIACRITIC_TEXT, ...RARE_TEXT].map(text);
  return [
    ...CATEGORIES.map((category) => ({
      http: `/catalog/search?category=${category}&limit=${PAGE}`,
      search: { category, limit: PAGE },
    })),
    { http: `/catalog/search?makeInVietnam=true&limit=${PAGE}`, search: { makeInVietnam: true, limit: PAGE } },
    {
      http: `/catalog/search?trustLabel=TOT&trustLabel=XUAT_SAC&limit=${PAGE}`,
      search: { trustLabels: ['TOT', 'XUAT_SAC'], limit: PAGE },
    },
  ];
}

async function seed(pool: Pool): Promise<void> {
  await pool.query(
    `INSERT INTO identity.organisations (id, type, name, tax_code)
     SELECT md5('vendor ' || v)::uuid, 'VENDOR', 'Công ty Giải pháp số ' || v, lpad(v::text, 10, '0')
     FROM generate_series(1, $1::int) v`,
    [VENDORS],
  );
  // One statement builds both the solutions and their public projection, exactly as the catalogue writes them.
  await pool.query(
    `WITH words AS (SELECT $3::text[] AS w), rows AS (
       SELECT g, md5(g::text)::uuid AS id, ($2::text[])[1 + g % array_length($2::text[], 1)] AS category,
         md5('vendor ' || (1 + g % $5::int))::uuid AS vendor,
         (30 + (g * 7919) % 71)::smallint AS quality,
         concat_ws(' ', 'Giải pháp', w[1 + g % 20], w[1 + (g / 20) % 20], w[1 + (g / 400) % 20], g::text) AS name,
         concat_ws(' ', 'Ứng dụng', w[1 + (g / 7) % 20], 'cho các sở, ngành và phường, xã') AS summary
       FROM generate_series(1, $1::int) g, words)
     , solutions AS (
       INSERT INTO catalog.solutions (id, vendor_organisation_id, name, summary, category_code, status, version,
         quality_score, listed_at, listing_expires_at, make_in_vietnam, deployment_model, price_min, price_max,
         checked_version, checked)
       SELECT id, vendor, name, summary, category, 'LISTED', 1, quality, now(), now() + interval '12 months',
         g % 3 = 0, (ARRAY['cloud','on_premise','hybrid','saas'])[1 + g % 4], (g % 50) * 10000000,
         (g % 50 + 10) * 10000000, 1, jsonb_build_object('name', name, 'summary', summary, 'categoryCode', category)
       FROM rows RETURNING id)
     INSERT INTO catalog.listings (solution_id, vendor_organisation_id, category_code, status, quality_score, version,
       name, summary, make_in_vietnam, deployment_model, price_min, price_max, search_vector, listed_at, trust_label)
     SELECT id, vendor, category, 'LISTED', quality, 1, name, summary, g % 3 = 0,
       (ARRAY['cloud','on_premise','hybrid','saas'])[1 + g % 4], (g % 50) * 10000000, (g % 50 + 10) * 10000000,
       catalog.search_vector(concat_ws(' ', name, summary)), now(), ($4::text[])[1 + (g / 3) % 6]
     FROM rows`,
    [SOLUTIONS, CATEGORIES, WORDS, TRUST_LABELS, VENDORS],
  );
  // Steady state, as in production: hint bits set and statistics current, not a freshly bulk-loaded heap.
  await pool.query('VACUUM (ANALYZE) catalog.listings');
  await pool.query('VACUUM (ANALYZE) catalog.solutions');
  await pool.query('VACUUM (ANALYZE) identity.organisations');
}

const PAGE_START = Buffer.from('{"items":[{');
const VENDOR_NAME = Buffer.from('"vendorName":"');

/**
 * The check the raw side makes of its rows (a first item with a vendor name), made on the page's bytes: decoding and
 * parsing a 12 KB page cost the load generator ≈ 32 µs per search, a third of its CPU, taken from the API and
 * PostgreSQL on the same cores, while the raw side parses nothing. Every item names its vendor (the page's schema),
 * so the first name found is the first item's.
 */
function firstItemNamesVendor(page: Buffer): boolean {
  const at = page.indexOf(VENDOR_NAME);
  return page.subarray(0, PAGE_START.length).equals(PAGE_START) && at > 0 && page[at + VENDOR_NAME.length] !== 0x22;
}

interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** CPU ms per call of each measured process over the measured window */
  cpuMsPerCall: Record<string, number>;
}

/** One round of a kind of search: through the API, through the floor, then the same searches as raw SQL. */
interface Round {
  http: Load;
  floor: Load;
  raw: Load;
  /** the API's searches per second to raw SQL's */
  ratio: number;
}

const ratio = (a: Load, b: Load) => Math.round((a.rps / b.rps) * 100) / 100;

const roundOf = (http: Load, floor: Load, raw: Load): Round => ({ http, floor, raw, ratio: ratio(http, raw) });

/** The round with the median ratio (the lower middle one of an even count). */
const median = (rounds: Round[]): Round =>
  [...rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor((rounds.length - 1) / 2)];

/**
 * A closed loop of `CONCURRENCY` clients for DURATION_MS after a warm-up; latency of each call in ms, and the CPU the
 * `probes` and the load generator used per call meanwhile.
 */
async function closedLoop(call: (i: number) => Promise<void>, probes: Record<string, CpuProbe>): Promise<Load> {
  const latencies: number[] = [];
  let errors = 0;
  const completions: number[] = [];
  const start = performance.now();
  const measureFrom = start + WARMUP_MS;
  const end = measureFrom + DURATION_MS;
  // Timers fire late on a busy loop: the CPU is divided by the calls completed while it was metered.
  const metered = sleep(WARMUP_MS).then(async () => {
    const [from, stop] = [performance.now(), startCpuMeter(probes)];
    await sleep(end - from);
    return { from, to: performance.now(), use: stop() };
  });
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, client) => {
      for (let i = client; performance.now() < end; i += CONCURRENCY) {
        const t0 = performance.now();
        try {
          await call(i);
        } catch {
          errors++;
        }
        const t1 = performance.now();
        if (t0 >= measureFrom && t1 <= end) latencies.push(t1 - t0);
        completions.push(t1);
      }
    }),
  );
  const { from, to, use } = await metered;
  const completed = completions.filter((t) => t >= from && t <= to).length;
  latencies.sort((x, y) => x - y);
  const at = (p: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] * 100) / 100;
  const cpuMsPerCall = Object.fromEntries(
    Object.entries(use.cpuSeconds).map(([name, seconds]) => [name, Math.round((seconds / completed) * 1e6) / 1e3]),
  );
  return {
    rps: Math.round(latencies.length / (DURATION_MS / 1000)),
    p50: at(0.5),
    p99: at(0.99),
    errors,
    cpuMsPerCall,
  };
}

async function runSearch(ctx: BenchContext): Promise<BenchResult> {
  const env = {
    NODE_ENV: 'production',
    DATABASE_URL: ctx.databaseUrl,
    // The production default: on 2 cores, 50 backends for 50 clients only add context switches (measured).
    DB_POOL_SIZE: '10',
    REDIS_URL: ctx.redis.url,
    QUEUE_PREFIX: 'bench',
    JWT_SECRET: randomBytes(48).toString('base64url'),
    FAULT_POINTS: '',
    LOG_LEVEL: 'warn',
  };
  ctx.log('migrating');
  await run(process.execPath, [distPath('scripts', 'migrate.js')], { DATABASE_URL: ctx.databaseUrl });
  // The API's own client (prepared statements), so the ratio measures the API and not the protocol.
  const pool = new Pool({ connectionString: ctx.databaseUrl, max: CONCURRENCY, Client: PreparingClient });
  let servers: AppProcess[] = [];
  // undici's connection pools, one per server, rather than fetch or node:http: the load generator shares the 2 cores
  // with the API and PostgreSQL, and fetch costs several times more CPU per request than the server side it measures.
  const clients = new Map<string, UndiciPool>();
  try {
    ctx.log(`loading ${SOLUTIONS} listed solutions`);
    const t0 = performance.now();
    await seed(pool);
    ctx.log(`loaded in ${Math.round(performance.now() - t0)} ms`);
    const scaleOut = await startApis(API_PROCESSES, env, path.join(ctx.workDir, 'logs'));
    servers = scaleOut.apis;
    const floors = await startApis(API_PROCESSES, env, path.join(ctx.workDir, 'floor-logs'), [
      '--import',
      'tsx',
      path.join(__dirname, 'search-floor.ts'),
    ]);
    servers = [...servers, ...floors.apis];
    ctx.log(`${API_PROCESSES} api (${scaleOut.urls.join(', ')}), as many floors (${floors.urls.join(', ')})`);

    for (const url of [...scaleOut.urls, ...floors.urls])
      clients.set(url, new UndiciPool(url, { connections: CONCURRENCY }));
    const get = async (origin: string, path: string) => {
      const response = await clients.get(origin)!.request({ method: 'GET', path });
      return { status: response.statusCode, body: Buffer.from(await response.body.arrayBuffer()) };
    };
    const postgres = postgresCpu(ctx.pg.dataDir);
    /** Searches over HTTP, spread round-robin over `to`'s processes (the API's, or the floor's). */
    const overHttp = (list: Query[], to = scaleOut) =>
      closedLoop(
        async (i) => {
          const response = await get(to.urls[i % to.urls.length], list[i % list.length].http);
          if (response.status !== 200 || !firstItemNamesVendor(response.body)) throw new Error(String(response.status));
        },
        { api: totalCpu(to.apis.map((a) => processCpu(a.pid))), postgres },
      );
    const raw = (list: Query[]) =>
      closedLoop(
        async (i) => {
          // The API's own reads (one checked-out connection, prepared statements), without the API around them.
          const rows = await withReads(pool, (read) => searchListings(read, list[i % list.length].search));
          if (rows.length === 0 || !rows[0].vendorName) throw new Error('empty page or a page without vendor names');
        },
        { postgres },
      );

    const measure = async (what: string, load: () => Promise<Load>) => {
      ctx.log(what);
      const result = await load();
      ctx.log(`  ${JSON.stringify(result)}`);
      return result;
    };
    ctx.log('HTTP warm-up');
    await overHttp([...queries('plain'), ...queries('text')]);
    // A ratio's sides back to back, in several rounds: the machine's speed drifts over minutes, and a single
    // round can straddle a fast and a slow stretch. The round with the median ratio stands for the kind.
    const measureRound = async (round: number, kind: 'plain' | 'text'): Promise<Round> => {
      const what = `round ${round}, ${kind === 'plain' ? 'no text' : 'text'}`;
      const list = queries(kind);
      const api = await measure(`${what}: HTTP`, () => overHttp(list));
      const floor = await measure(`${what}: HTTP floor`, () => overHttp(list, floors));
      return roundOf(api, floor, await measure(`${what}: raw SQL`, () => raw(list)));
    };
    const plainRounds: Round[] = [];
    const textRounds: Round[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      plainRounds.push(await measureRound(round, 'plain'));
      textRounds.push(await measureRound(round, 'text'));
    }
    const diacritics = await measure('HTTP, text with diacritics', () => overHttp(queries('diacritics')));
    const loads = [...plainRounds, ...textRounds].flatMap((r) => [r.http, r.floor, r.raw]);
    const errors = [...loads, diacritics].reduce((sum, load) => sum + load.errors, 0);
    if (errors > 0) throw new Error(`catalog-search: ${errors} failed searches`);
    const plain = median(plainRounds);
    const withText = median(textRounds);
    return {
      solutions: SOLUTIONS,
      api_processes: API_PROCESSES,
      rounds: ROUNDS,
      rps: plain.http.rps,
      p50_ms: plain.http.p50,
      p99_ms: plain.http.p99,
      rps_text: withText.http.rps,
      p50_ms_text: withText.http.p50,
      p99_ms_text: withText.http.p99,
      rps_text_diacritics: diacritics.rps,
      p99_ms_text_diacritics: diacritics.p99,
      raw_sql_rps: plain.raw.rps,
      raw_sql_rps_text: withText.raw.rps,
      ratio: plain.ratio,
      ratio_text: withText.ratio,
      ratios: plainRounds.map((r) => r.ratio).join(' '),
      ratios_text: textRounds.map((r) => r.ratio).join(' '),
      // The same searches from the floor (search-floor.ts): how much of the gap to raw SQL is HTTP itself.
      floor_rps: plain.floor.rps,
      floor_rps_text: withText.floor.rps,
      floor_ratio: ratio(plain.floor, plain.raw),
      floor_ratio_text: ratio(withText.floor, withText.raw),
      api_to_floor: ratio(plain.http, plain.floor),
      api_to_floor_text: ratio(withText.http, withText.floor),
      floor_cpu_ms: plain.floor.cpuMsPerCall.api,
      // Where a search's CPU goes (ms per request; 2 cores give 2,000 ms per second to share).
      api_cpu_ms: plain.http.cpuMsPerCall.api,
      api_cpu_ms_text: withText.http.cpuMsPerCall.api,
      postgres_cpu_ms: plain.http.cpuMsPerCall.postgres,
      postgres_cpu_ms_text: withText.http.cpuMsPerCall.postgres,
      client_cpu_ms: plain.http.cpuMsPerCall.bench_client,
      raw_postgres_cpu_ms: plain.raw.cpuMsPerCall.postgres,
      raw_postgres_cpu_ms_text: withText.raw.cpuMsPerCall.postgres,
      raw_client_cpu_ms: plain.raw.cpuMsPerCall.bench_client,
    };
  } finally {
    await Promise.allSettled([...clients.values()].map((client) => client.close()));
    await Promise.allSettled(servers.map((server) => server.stop()));
    await pool.end();
  }
}

const benchmark: Benchmark = { name: 'catalog-search', run: runSearch };
export default benchmark;

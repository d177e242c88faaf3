/**
 * Benchmark `journey-cost`: what one marketplace journey costs the API, request by request. Journeys run one at a
 * time (no queueing, no contention) and the API's main-thread CPU — its event loop, the serial part — is read from
 * /proc/<pid>/schedstat (nanoseconds) around each request. The `journey` bench's figures swing by tens of per cent
 * between runs of the same code on a shared machine; these move by a few. Requests cost more here than under load
 * (an idle process wakes for each, and each build's code is less warmed up): compare builds and routes with it, not
 * the `journey` bench's per-request figure.
 *
 * BENCH_COST_BASELINE_DIST=<build folder> starts a second API from another build (for instance the last commit's, built
 * with an uncommitted change set aside: `git stash && DIST_DIR=dist-base npm run build:api && git stash pop`) and
 * alternates journeys between the two, so both are measured in the same minutes and the machine's drift cancels out of
 * `change_pct`.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { Pool } from 'pg';
import { bootstrapOperator, MarketplaceClient } from '@app/test-support';
import { type AppProcess, distPath, run, startApis, startWorker } from '../infra';
import { intEnv } from './figures';
import { fundedActors, journey, journeyEnv, UUID } from './journey-system';
import type { BenchContext, BenchResult, Benchmark } from './run';

const JOURNEYS = intEnv('BENCH_COST_JOURNEYS', 30);
const WARMUP_JOURNEYS = 6;
const BASELINE_DIST = process.env.BENCH_COST_BASELINE_DIST;
// One request at a time: the call and the offer are created well within it.
const CALL_WINDOW_MS = 500;

/** Nanoseconds of CPU a process's main thread has used so far. */
async function mainThreadNs(pid: number): Promise<number> {
  return Number((await fs.readFile(`/proc/${pid}/schedstat`, 'utf8')).split(' ')[0]);
}

/** Nanoseconds of CPU all of a process's threads (event loop, garbage collection, compilation, I/O pool) have used. */
async function allThreadsNs(pid: number): Promise<number> {
  let total = 0;
  for (const tid of await fs.readdir(`/proc/${pid}/task`)) {
    total += Number((await fs.readFile(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').catch(() => '0')).split(' ')[0]);
  }
  return total;
}

interface Build {
  name: string;
  api: AppProcess;
  url: string;
  /** main-thread ns and requests by route (method and path, ids as `:id`) */
  routes: Map<string, { requests: number; ns: number }>;
  allThreadsNs: number;
}

/** API processes of this build and, when asked for, of the baseline build (distPath reads DIST_DIR when called). */
async function startBuilds(env: Record<string, string>, logDir: string): Promise<Build[]> {
  const builds: Build[] = [];
  const own = process.env.DIST_DIR;
  try {
    for (const [name, dist] of [['current', own], ...(BASELINE_DIST ? [['baseline', BASELINE_DIST]] : [])] as const) {
      if (dist === undefined) delete process.env.DIST_DIR;
      else process.env.DIST_DIR = dist;
      const { apis, urls } = await startApis(1, { ...env, LOG_LEVEL: 'warn' }, path.join(logDir, name));
      builds.push({ name, api: apis[0], url: urls[0], routes: new Map(), allThreadsNs: 0 });
    }
    return builds;
  } catch (error) {
    await Promise.allSettled(builds.map((b) => b.api.stop()));
    throw error;
  } finally {
    if (own === undefined) delete process.env.DIST_DIR;
    else process.env.DIST_DIR = own;
  }
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function figuresOf(build: Build): { perJourneyMs: number; requests: number; routes: Record<string, string> } {
  const all = [...build.routes.entries()].sort((x, y) => y[1].ns - x[1].ns);
  const ms = all.reduce((sum, [, r]) => sum + r.ns, 0) / 1e6;
  const routes = Object.fromEntries(
    all.map(([route, r]) => [
      `route ${route}`,
      `${round2(r.requests / JOURNEYS)} × ${round2(r.ns / 1e6 / r.requests)} ms`,
    ]),
  );
  return {
    perJourneyMs: ms / JOURNEYS,
    requests: all.reduce((sum, [, r]) => sum + r.requests, 0),
    routes,
  };
}

async function runCost(ctx: BenchContext): Promise<BenchResult> {
  const logDir = path.join(ctx.workDir, 'logs');
  const env = journeyEnv(ctx, logDir);
  ctx.log('migrating');
  await run(process.execPath, [distPath('scripts', 'migrate.js')], { DATABASE_URL: ctx.databaseUrl });
  const pool = new Pool({ connectionString: ctx.databaseUrl, max: 2 });
  const processes: AppProcess[] = [];
  try {
    processes.push(await startWorker({ ...env, LOG_LEVEL: 'info', APP_LOG_DIR: path.join(logDir, 'worker') }));
    const builds = await startBuilds(env, logDir);
    processes.push(...builds.map((b) => b.api));
    ctx.log(`api: ${builds.map((b) => `${b.name} ${b.url}`).join(', ')}`);

    const client = new MarketplaceClient(builds[0].url);
    const operator = await bootstrapOperator(pool);
    const admin = client.as(await client.login(operator.email, operator.password));
    const urls = builds.map((b) => b.url);
    const actorSets = await fundedActors(admin, builds.length, urls, WARMUP_JOURNEYS + JOURNEYS);

    let measuring = false;
    MarketplaceClient.meter = async (call, send) => {
      const build = builds.find((b) => b.url === call.baseUrl);
      if (!build || !measuring) return send();
      const before = await mainThreadNs(build.api.pid);
      const result = await send();
      const route = `${call.method} ${call.route.split('?')[0].replace(UUID, ':id')}`;
      const tally = build.routes.get(route) ?? { requests: 0, ns: 0 };
      tally.requests++;
      tally.ns += (await mainThreadNs(build.api.pid)) - before;
      build.routes.set(route, tally);
      return result;
    };

    // Alternating between the builds, so that both see the same phases of the machine.
    const each = async (count: number, onEach?: (build: Build, run: () => Promise<void>) => Promise<void>) => {
      for (let i = 0; i < count * builds.length; i++) {
        const b = i % builds.length;
        const run = async () => void (await journey(actorSets[b], CALL_WINDOW_MS));
        await (onEach ? onEach(builds[b], run) : run());
      }
    };
    ctx.log(`warm-up: ${WARMUP_JOURNEYS} journeys per build`);
    await each(WARMUP_JOURNEYS);
    ctx.log(`measuring: ${JOURNEYS} journeys per build, one at a time`);
    measuring = true;
    await each(JOURNEYS, async (build, run) => {
      const before = await allThreadsNs(build.api.pid);
      await run();
      build.allThreadsNs += (await allThreadsNs(build.api.pid)) - before;
    });
    measuring = false;

    const [current, baseline] = builds.map(figuresOf);
    return {
      journeys: JOURNEYS,
      requests_per_journey: round2(current.requests / JOURNEYS),
      api_main_cpu_ms_per_journey: round2(current.perJourneyMs),
      api_main_cpu_ms_per_request: round2((current.perJourneyMs * JOURNEYS) / current.requests),
      api_cpu_ms_per_journey: round2(builds[0].allThreadsNs / 1e6 / JOURNEYS),
      ...(baseline
        ? {
            baseline_dist: BASELINE_DIST as string,
            baseline_api_main_cpu_ms_per_journey: round2(baseline.perJourneyMs),
            baseline_api_cpu_ms_per_journey: round2(builds[1].allThreadsNs / 1e6 / JOURNEYS),
            change_pct: Math.round((current.perJourneyMs / baseline.perJourneyMs - 1) * 1000) / 10,
          }
        : {}),
      ...current.routes,
    };
  } finally {
    MarketplaceClient.meter = undefined;
    await Promise.allSettled(processes.map((p) => p.stop()));
    await pool.end();
  }
}

const benchmark: Benchmark = { name: 'journey-cost', run: runCost };
export default benchmark;

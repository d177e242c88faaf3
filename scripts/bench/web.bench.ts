/**
 * Benchmark `web`: the built web application served by the API with the demo data, in the system's Chromium.
 * `first_load_js_gzip_kb` is the gzipped JavaScript the home page loads before it is idle (goal ≤ 250: the charts'
 * library stays in the chart pages' chunks); `catalog_results_p95_ms` is the time from navigation until the
 * catalogue shows its results, over repeated cold loads (goal < 1500).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { type AppProcess, distPath, freePort, repoRoot, run, startApi, startWorker } from '../infra';
import type { BenchContext, BenchResult, Benchmark } from './run';

const LOADS = Number(process.env.BENCH_WEB_LOADS) || 30;
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];

async function measure(ctx: BenchContext, url: string): Promise<BenchResult> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage();
    const scripts = new Set<string>();
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.add(new URL(request.url()).pathname);
    });
    await page.goto(`${url}/`, { waitUntil: 'networkidle' });
    const gzipBytes = [...scripts].reduce(
      (sum, file) => sum + gzipSync(fs.readFileSync(path.join(distPath('web'), file))).length,
      0,
    );
    ctx.log(`home page loaded ${scripts.size} scripts, ${gzipBytes} bytes gzipped`);

    const timings: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      // A new context each time: no cached scripts or data, as for a first visit.
      const context = await browser.newContext();
      const catalogue = await context.newPage();
      await catalogue.goto(`${url}/giai-phap`, { waitUntil: 'commit' });
      // Measured by the page's own clock from the start of the navigation, so the driver's overhead is not counted.
      const shownAt = await catalogue.waitForFunction(
        () => document.querySelector('[data-testid="catalogue-results"] li') && performance.now(),
        undefined,
        { timeout: 60_000, polling: 'raf' },
      );
      timings.push((await shownAt.jsonValue()) as number);
      await context.close();
    }
    timings.sort((a, b) => a - b);
    return {
      first_load_js_gzip_kb: Math.round((gzipBytes / 1024) * 10) / 10,
      first_load_js_gzip_kb_goal: 250,
      first_load_scripts: scripts.size,
      catalog_results_p50_ms: Math.round(percentile(timings, 0.5)),
      catalog_results_p95_ms: Math.round(percentile(timings, 0.95)),
      catalog_results_p95_ms_goal: 1500,
      catalog_loads: LOADS,
    };
  } finally {
    await browser.close();
  }
}

const bench: Benchmark = {
  name: 'web',
  async run(ctx: BenchContext): Promise<BenchResult> {
    if (!fs.existsSync(distPath('web', 'index.html'))) throw new Error('the web app is not built: npm run build');
    const port = await freePort();
    const env = {
      DATABASE_URL: ctx.databaseUrl,
      REDIS_URL: ctx.redis.url,
      API_PORT: String(port),
      JWT_SECRET: randomBytes(48).toString('base64url'),
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      QUEUE_PREFIX: 'bench-web',
      APP_LOG_DIR: path.join(ctx.workDir, 'logs'),
    };
    ctx.log('migrating');
    await run(process.execPath, [distPath('scripts', 'migrate.js')], { DATABASE_URL: ctx.databaseUrl });
    let worker: AppProcess | undefined;
    let api: AppProcess | undefined;
    try {
      worker = await startWorker({ ...env, LOG_LEVEL: 'info' });
      api = await startApi(env);
      const url = `http://127.0.0.1:${port}`;
      ctx.log('loading the demo data');
      await run(process.execPath, ['--require', 'tsx/cjs', path.join(repoRoot, 'scripts', 'demo', 'load.ts')], {
        API_URL: url,
        DATABASE_URL: ctx.databaseUrl,
      });
      return await measure(ctx, url);
    } finally {
      await api?.stop();
      await worker?.stop();
    }
  },
};

export default bench;

import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type PostgresHandle, type RedisHandle, repoRoot, startPostgres, startRedis } from '../infra';

export interface BenchContext {
  pg: PostgresHandle;
  redis: RedisHandle;
  databaseUrl: string;
  workDir: string;
  log(msg: string): void;
}

export type BenchResult = Record<string, number | string | boolean>;

export interface Benchmark {
  name: string;
  run(ctx: BenchContext): Promise<BenchResult>;
}

const reportFile = path.join(repoRoot, 'bench', 'report.json');

async function discover(): Promise<Benchmark[]> {
  const files = (await fs.readdir(__dirname)).filter((f) => f.endsWith('.bench.ts')).sort();
  const benchmarks: Benchmark[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(__dirname, file)).href)) as {
      default: Benchmark | { default: Benchmark };
    };
    // Under tsx's CommonJS interop the default export can arrive wrapped once more.
    benchmarks.push('run' in mod.default ? mod.default : mod.default.default);
  }
  return benchmarks;
}

const stops: (() => Promise<void>)[] = [];

async function stopServers(): Promise<void> {
  for (const stop of stops.splice(0).reverse()) {
    await stop().catch((error: Error) => console.error(error.message));
  }
}

async function runOne(bench: Benchmark): Promise<BenchResult> {
  const benchDir = path.join(repoRoot, '.local', 'bench', bench.name);
  const workDir = path.join(benchDir, 'work');
  try {
    const pg = await startPostgres({ dataDir: path.join(benchDir, 'pg'), fresh: true });
    stops.push(() => pg.stop());
    for (const dir of [workDir, path.join(benchDir, 'redis')]) {
      await fs.rm(dir, { recursive: true, force: true });
      await fs.mkdir(dir, { recursive: true });
    }
    const redis = await startRedis({ dir: path.join(benchDir, 'redis') });
    stops.push(() => redis.stop());
    await pg.ensureDatabase('bench');
    const log = (msg: string) => console.log(`[${new Date().toISOString()}] ${bench.name}: ${msg}`);
    return await bench.run({ pg, redis, databaseUrl: pg.urlFor('bench'), workDir, log });
  } finally {
    await stopServers();
  }
}

async function saveResult(name: string, figures: BenchResult): Promise<void> {
  const report = JSON.parse(await fs.readFile(reportFile, 'utf8').catch(() => '{}')) as Record<string, unknown>;
  report[name] = {
    ...figures,
    date: new Date().toISOString(),
    machine: {
      cores: os.cpus().length,
      memory_gb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
      node: process.version,
    },
  };
  await fs.mkdir(path.dirname(reportFile), { recursive: true });
  await fs.writeFile(reportFile, `${JSON.stringify(report, null, 2)}\n`);
}

async function main(): Promise<number> {
  const available = await discover();
  const names = process.argv.slice(2);
  const unknown = names.filter((n) => !available.some((b) => b.name === n));
  if (unknown.length > 0) {
    throw new Error(
      `Unknown benchmark(s): ${unknown.join(', ')}. Available: ${available.map((b) => b.name).join(', ') || 'none'}`,
    );
  }
  const selected = names.length > 0 ? available.filter((b) => names.includes(b.name)) : available;
  let failures = 0;
  for (const bench of selected) {
    console.log(`\n=== ${bench.name}`);
    try {
      const figures = await runOne(bench);
      await saveResult(bench.name, figures);
      console.log(JSON.stringify(figures, null, 2));
      // A benchmark whose own checks failed still reports its figures, and fails the run.
      if (figures.all_settled === false) {
        failures++;
        console.error(`${bench.name} failed its checks: all_settled is false`);
      }
    } catch (error) {
      failures++;
      console.error(`${bench.name} failed: ${(error as Error).stack ?? String(error)}`);
    }
  }
  return failures > 0 ? 1 : 0;
}

// Benchmarks import the types above; only running this file directly starts the runner.
if (require.main === module) {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      process.on(signal, () => undefined);
      void stopServers().then(() => process.exit(128 + os.constants.signals[signal]));
    });
  }
  main().then(
    (code) => process.exit(code),
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}

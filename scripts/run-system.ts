import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  type AppProcess,
  distPath,
  freePort,
  isPortFree,
  repoRoot,
  startApi,
  startPostgres,
  startRedis,
  startWorker,
} from './infra';

// SYSTEM_DIR lets the browser tests run their own system beside a running `npm start`.
const systemDir = path.resolve(repoRoot, process.env.SYSTEM_DIR ?? path.join('.local', 'system'));
const logDir = path.join(systemDir, 'logs');

const started: { name: string; stop: () => Promise<void> }[] = [];
let stopping = false;
let ready = false;

class Interrupted extends Error {}

function track<T extends { stop(): Promise<void> }>(name: string, service: T): T {
  started.push({ name, stop: () => service.stop() });
  if (stopping) throw new Interrupted();
  return service;
}

let shuttingDown: Promise<never> | undefined;

function shutdown(code: number): Promise<never> {
  stopping = true;
  shuttingDown ??= (async () => {
    for (const { name, stop } of started.reverse()) {
      console.log(`Stopping ${name}...`);
      await stop().catch((error: Error) => console.error(`${name}: ${error.message}`));
    }
    process.exit(code);
  })();
  return shuttingDown;
}

/** A random secret kept in .local/system, so restarts keep tokens (and the metrics scraper's token) valid. */
async function persistedSecret(name: string): Promise<string> {
  const file = path.join(systemDir, name);
  try {
    return (await fs.readFile(file, 'utf8')).trim();
  } catch {
    const secret = randomBytes(48).toString('base64url');
    await fs.writeFile(file, `${secret}\n`, { mode: 0o600 });
    return secret;
  }
}

function runScript(script: string, env: Record<string, string>, nodeArgs: string[] = []): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, path.resolve(repoRoot, script)], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: 'inherit',
    });
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code === 0) resolve();
      else if (stopping) reject(new Interrupted());
      else reject(new Error(`${script} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

function watch(name: string, proc: AppProcess): void {
  void proc.exited.then(async (code) => {
    if (stopping) return;
    console.error(`\n${name} exited unexpectedly (code ${code}); last output:\n${proc.output()}`);
    await shutdown(1);
  });
}

async function main(): Promise<void> {
  await fs.mkdir(systemDir, { recursive: true });
  console.log(`Starting PostgreSQL and Redis (data in ${path.relative(repoRoot, systemDir)})...`);
  const pg = track('PostgreSQL', await startPostgres({ dataDir: path.join(systemDir, 'pg') }));
  const redis = track('Redis', await startRedis({ dir: path.join(systemDir, 'redis') }));
  await pg.ensureDatabase('marketplace');
  const databaseUrl = pg.urlFor('marketplace');

  console.log('Running migrations...');
  await runScript(distPath('scripts', 'migrate.js'), { DATABASE_URL: databaseUrl });

  const port = (await isPortFree(3000)) ? 3000 : await freePort();
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    API_PORT: String(port),
    PUBLIC_BASE_URL: `http://localhost:${port}`,
    JWT_SECRET: await persistedSecret('jwt-secret'),
    METRICS_TOKEN: await persistedSecret('metrics-token'),
    NODE_ENV: 'development',
    APP_LOG_DIR: logDir,
    QUEUE_PREFIX: 'ccds',
  };
  console.log('Starting worker and API...');
  const worker = track('worker', await startWorker(env));
  watch('worker', worker);
  const api = track('API', await startApi(env));
  watch('API', api);

  console.log('Loading demo data...');
  const url = `http://localhost:${port}`;
  await runScript('scripts/demo/load.ts', { API_URL: url, DATABASE_URL: databaseUrl }, ['--require', 'tsx/cjs']);
  if (stopping) throw new Interrupted();

  ready = true;
  console.log(
    [
      '',
      `API      ${url}`,
      `Docs     ${url}/docs`,
      `OpenAPI  ${url}/openapi.json`,
      `Health   ${url}/health`,
      `Metrics  ${url}/metrics (Authorization: Bearer ${env.METRICS_TOKEN})`,
      `Logs     ${logDir}`,
      '',
      'Ctrl-C to stop.',
    ].join('\n'),
  );
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    // During startup, main() notices `stopping` at its next step and shuts down itself.
    if (ready) void shutdown(0);
  });
}

main().catch(async (error: Error) => {
  if (error instanceof Interrupted || stopping) return shutdown(0);
  console.error(`\n${error.message}`);
  return shutdown(1);
});

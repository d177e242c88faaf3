import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { repoRoot, startPostgres, startRedis } from './infra';

const USAGE = 'usage: tsx scripts/with-infra.ts [--dir DIR] -- <command...>';

function parseArgs(argv: string[]): { dir: string; command: string[] } {
  const separator = argv.indexOf('--');
  if (separator < 0 || separator === argv.length - 1) throw new Error(USAGE);
  const options = argv.slice(0, separator);
  let dir = path.join(repoRoot, '.local', 'test');
  if (options[0] === '--dir' && options.length === 2) dir = path.resolve(options[1]);
  else if (options.length > 0) throw new Error(USAGE);
  return { dir, command: argv.slice(separator + 1) };
}

const stoppers: (() => Promise<void>)[] = [];
let interrupted: NodeJS.Signals | undefined;
let forward: ((signal: NodeJS.Signals) => void) | undefined;

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    interrupted = signal;
    forward?.(signal);
  });
}

const exitCodeFor = (signal: NodeJS.Signals) => 128 + os.constants.signals[signal];

function runCommand(command: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command[0], command.slice(1), { stdio: 'inherit', env });
    forward = (signal) => child.kill(signal);
    child.once('error', (error) => {
      console.error(`with-infra: ${error.message}`);
      resolve(127);
    });
    child.once('close', (code, signal) => resolve(code ?? (signal ? exitCodeFor(signal) : 1)));
  });
}

async function main(): Promise<number> {
  const { dir, command } = parseArgs(process.argv.slice(2));
  const pg = await startPostgres({ dataDir: path.join(dir, 'pg'), fresh: true });
  stoppers.push(() => pg.stop());
  if (interrupted) return exitCodeFor(interrupted);
  const redisDir = path.join(dir, 'redis');
  await fs.rm(redisDir, { recursive: true, force: true });
  const redis = await startRedis({ dir: redisDir });
  stoppers.push(() => redis.stop());
  if (interrupted) return exitCodeFor(interrupted);
  await pg.ensureDatabase('app');

  return runCommand(command, {
    ...process.env,
    PG_ADMIN_URL: pg.adminUrl,
    DATABASE_URL: pg.urlFor('app'),
    REDIS_URL: redis.url,
    PG_BIN_DIR: pg.binDir,
    PG_DATA_DIR: pg.dataDir,
    PG_PORT: String(pg.port),
    REDIS_DIR: redisDir,
    REDIS_PORT: String(redis.port),
  });
}

async function stopAll(): Promise<void> {
  for (const stop of stoppers.reverse()) {
    await stop().catch((error: Error) => console.error(`with-infra: ${error.message}`));
  }
}

main().then(
  async (code) => {
    await stopAll();
    process.exit(code);
  },
  async (error: Error) => {
    console.error(`with-infra: ${error.message}`);
    await stopAll();
    process.exit(1);
  },
);

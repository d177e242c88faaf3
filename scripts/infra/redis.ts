import fs from 'node:fs/promises';
import path from 'node:path';
import Redis from 'ioredis';
import { freePort } from './ports';
import { type AppProcess, run, spawnProcess, waitUntilReady, which } from './processes';

export interface RedisHandle {
  port: number;
  url: string;
  stop(): Promise<void>;
  restart(options?: { wipe?: boolean }): Promise<void>;
  kill(): Promise<void>;
}

const INSTALL_HINT = 'install redis-server with your package manager (e.g. apt-get install redis-server)';

async function redisServer(): Promise<string> {
  const found = which('redis-server');
  if (found) return found;
  if (process.getuid?.() !== 0 || !which('apt-get')) {
    throw new Error(`redis-server not found: ${INSTALL_HINT}`);
  }
  console.log('redis-server not found: installing the redis-server package with apt-get');
  try {
    await run('apt-get', ['update', '-qq']);
    await run('apt-get', ['install', '-y', '-qq', 'redis-server'], {
      DEBIAN_FRONTEND: 'noninteractive',
    });
  } catch (error) {
    throw new Error(`Could not install redis-server (${(error as Error).message.trim()}): ${INSTALL_HINT}`, {
      cause: error,
    });
  }
  const installed = which('redis-server');
  if (!installed) throw new Error(`redis-server still not found after apt-get: ${INSTALL_HINT}`);
  return installed;
}

async function pong(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

export async function startRedis(options: {
  dir: string;
  port?: number;
  maxmemoryPolicy?: string;
}): Promise<RedisHandle> {
  const dir = path.resolve(options.dir);
  const port = options.port ?? (await freePort());
  const url = `redis://127.0.0.1:${port}`;
  const binary = await redisServer();
  const config = {
    port: String(port),
    bind: '127.0.0.1',
    dir,
    appendonly: 'yes',
    appendfsync: 'everysec',
    save: '',
    'maxmemory-policy': options.maxmemoryPolicy ?? 'noeviction',
    daemonize: 'no',
  };
  const args = Object.entries(config).flatMap(([name, value]) => [`--${name}`, value]);
  let proc: AppProcess;
  const start = async () => {
    await fs.mkdir(dir, { recursive: true });
    // Its own process group, as pg_ctl gives PostgreSQL: a terminal's Ctrl-C then reaches the script, which stops Redis
    // after the apps using it, instead of Redis exiting under a worker that is still finishing its jobs.
    proc = spawnProcess('redis', binary, args, { cwd: dir, ownProcessGroup: true });
    await waitUntilReady(proc, `redis-server on port ${port}`, () => pong(url));
  };

  await start();
  return {
    port,
    url,
    stop: () => proc.stop(),
    kill: () => proc.kill(),
    async restart({ wipe = false } = {}) {
      await proc.stop();
      if (wipe) await fs.rm(dir, { recursive: true, force: true });
      await start();
    },
  };
}

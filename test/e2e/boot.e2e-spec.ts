import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { distPath, freePort, startApi, startRedis, type RedisHandle } from '../../scripts/infra';
import { createTestDatabase, type TestDatabase } from '@app/test-support';

jest.setTimeout(60_000);

const root = join(__dirname, '..', '..');

function runToExit(entry: string, env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [distPath('apps', entry, 'src', 'main.js')], {
      env: { ...process.env, ...env },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

/** Both processes refuse to run on an evicting Redis or an invalid configuration, and stop cleanly on SIGTERM. */
describe('process boot and shutdown', () => {
  let db: TestDatabase;
  let evicting: RedisHandle;
  let env: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    evicting = await startRedis({
      dir: join(root, '.local', 'test', `redis-lru-${process.pid}`),
      maxmemoryPolicy: 'allkeys-lru',
    });
    env = {
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      REDIS_URL: process.env.REDIS_URL ?? '',
      JWT_SECRET: 'x'.repeat(40),
      QUEUE_PREFIX: 'boot',
      API_PORT: String(await freePort()),
    };
  });
  afterAll(async () => {
    await evicting?.stop();
    await db?.drop();
  });

  it.each(['api', 'worker'])('%s refuses an evicting Redis', async (entry) => {
    const { code, stderr } = await runToExit(entry, { ...env, REDIS_URL: evicting.url });
    expect(code).toBe(1);
    expect(stderr).toContain('maxmemory-policy "allkeys-lru"');
    expect(stderr).toContain('noeviction');
  });

  it.each(['api', 'worker'])('%s refuses an invalid configuration, naming the variable', async (entry) => {
    const { code, stderr } = await runToExit(entry, { ...env, JWT_SECRET: 'short', DATABASE_URL: 'mysql://nope' });
    expect(code).toBe(1);
    expect(stderr).toContain('JWT_SECRET');
    expect(stderr).toContain('DATABASE_URL must be a postgres:// URL');
    expect(stderr).not.toContain('short');
  });

  it('stops gracefully on SIGTERM', async () => {
    const api = await startApi(env);
    await api.stop();
    expect(await api.exited).toBe(0);
  });
});

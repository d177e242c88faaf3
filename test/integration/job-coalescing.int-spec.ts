import 'reflect-metadata';
import { Job, Worker } from 'bullmq';
import { JobQueues, loadConfig, type JobRequest } from '@app/platform';

/** Coalescing keys on real Redis: what settlement lanes and trust recomputations rely on. */
describe('coalesced jobs (real Redis)', () => {
  const config = loadConfig({ ...process.env, JWT_SECRET: 'c'.repeat(32), QUEUE_PREFIX: `coalescing-${process.pid}` });
  const queues = new JobQueues(config);
  const queue = 'coalescing';
  const ran: string[] = [];
  const released: Array<() => void> = [];
  let worker: Worker;

  const job = (id: string, coalesceKey?: string): JobRequest => ({
    queue,
    name: 'work',
    id,
    payload: { id },
    ...(coalesceKey ? { coalesceKey } : {}),
  });
  const waitFor = async (what: string, done: () => boolean | Promise<boolean>) => {
    for (let i = 0; i < 200 && !(await done()); i++) await new Promise((r) => setTimeout(r, 25));
    if (!(await done())) throw new Error(`timed out waiting for ${what}`);
  };
  const counts = () => queues.queue(queue).getJobCounts('waiting', 'active', 'completed');

  beforeAll(async () => {
    await waitFor('Redis', () =>
      queues.ping().then(
        () => true,
        () => false,
      ),
    );
    worker = new Worker(
      queue,
      async (j: Job<{ id: string }>) => {
        ran.push(j.data.id);
        await new Promise<void>((resolve) => released.push(resolve));
      },
      { connection: { url: config.REDIS_URL }, prefix: config.QUEUE_PREFIX, autorun: false, concurrency: 4 },
    );
  });
  afterAll(async () => {
    released.forEach((release) => release());
    await worker?.close(true);
    await queues.queue(queue).obliterate({ force: true });
    await queues.onApplicationShutdown();
  });
  beforeEach(() => {
    ran.length = 0;
  });
  const finishRunning = async (expected: number) => {
    await waitFor(`${expected} running`, () => released.length === expected);
    released.splice(0).forEach((release) => release());
  };

  it('keeps one waiting job per key (a batch adds its last), and runs keyless jobs and other keys each', async () => {
    await queues.addMany([job('a1', 'lane-a'), job('a2', 'lane-a'), job('a3', 'lane-a'), job('b1', 'lane-b')]);
    await queues.addMany([job('a4', 'lane-a'), job('free-1'), job('free-2')]);
    expect((await counts()).waiting).toBe(4);

    worker.run().catch(() => undefined);
    await finishRunning(4);
    expect(ran.sort()).toEqual(['a3', 'b1', 'free-1', 'free-2']);
    await waitFor('all completed', async () => (await counts()).completed === 4);
  });

  it('queues exactly one follow-up while a job of the key is active, carrying the last one added', async () => {
    await queues.add(job('c1', 'lane-c'));
    await waitFor('c1 running', () => ran.includes('c1'));
    await queues.addMany([job('c2', 'lane-c'), job('c3', 'lane-c')]);
    expect((await counts()).waiting).toBe(0);

    await finishRunning(1);
    await waitFor('the follow-up running', () => ran.length === 2);
    await finishRunning(1);
    await waitFor('idle', async () => {
      const { waiting, active } = await counts();
      return waiting + active === 0;
    });
    expect(ran).toEqual(['c1', 'c3']);
  });

  it('runs a delayed job of a key once for every request made during its delay, and delays its follow-up too', async () => {
    const delayMs = 300;
    const pending = async () =>
      (await queues.queue(queue).getJobs(['delayed', 'waiting', 'active'])).map((j) => ({
        id: (j.data as { id: string }).id,
        delay: j.opts.delay,
      }));
    await queues.add(job('d1', 'lane-d'), { delayMs });
    await queues.add(job('d2', 'lane-d'), { delayMs });
    expect(await pending()).toEqual([{ id: 'd1', delay: delayMs }]);

    await waitFor('d1 running', () => ran.includes('d1'));
    await queues.add(job('d3', 'lane-d'), { delayMs });
    await finishRunning(1);
    await waitFor('the follow-up', async () => (await pending()).some((j) => j.id === 'd3'));
    expect(await pending()).toEqual([{ id: 'd3', delay: delayMs }]);
    await waitFor('the follow-up running', () => ran.length === 2);
    await finishRunning(1);
    expect(ran).toEqual(['d1', 'd3']);
  });
});

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { deadlineEnd } from '@app/problems';
import { PASSWORD, startSystem, type TestSystem } from '@app/test-support';
import { DAY_MS } from '../../scripts/demo/dates';
import { problemBody, readSeed } from '../../scripts/demo/seed';

jest.setTimeout(600_000);

const root = join(__dirname, '..', '..');

function load(system: TestSystem): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--require', 'tsx/cjs', join(root, 'scripts', 'demo', 'load.ts')], {
      cwd: root,
      env: { ...process.env, API_URL: system.url, DATABASE_URL: system.db.url },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

interface ProblemView {
  id: string;
  code: string;
  deadline: string | null;
}
interface CallView {
  status: string;
  deadline: string;
}

/**
 * `npm start`'s demo loader on today's clock, resuming what an interrupted run left: the open call's problem was
 * already published with a deadline nearer than the call the loader would open (how it failed on 2026-12-04).
 */
describe('demo data loader', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startSystem({ operatorPassword: PASSWORD });
  });
  afterAll(() => system?.stop());

  it('loads on top of a near-deadline problem left by an interrupted run, and a second run adds nothing', async () => {
    const seed = readSeed().find((p) => p.code === 'BT-04')!;
    const agency = await system.admin.post<{ id: string }>('/organisations', {
      type: 'AGENCY',
      name: seed.ordering_agency,
    });
    const nearDeadline = new Date(Date.now() + 10 * DAY_MS).toISOString().slice(0, 10);
    const body = { ...problemBody(seed, agency.id, Date.now(), []), deadline: nearDeadline };
    const { id } = await system.admin.post<{ id: string }>('/problems', body);
    await system.admin.post(`/problems/${id}/publish`);

    const first = await load(system);
    expect(first.output).toContain('Tài khoản demo / Demo logins');
    expect(first.code).toBe(0);

    const { items: problems } = await system.client.get<{ items: ProblemView[] }>('/problems?limit=100');
    expect(problems).toHaveLength(readSeed().length);
    for (const problem of problems) expect(deadlineEnd(problem.deadline)!.getTime()).toBeGreaterThan(Date.now());
    const { items: calls } = await system.client.get<{ items: CallView[] }>(`/calls?problemId=${id}`);
    const open = calls.find((c) => c.status === 'OPEN')!;
    expect(Date.parse(open.deadline)).toBeGreaterThan(Date.now());
    expect(Date.parse(open.deadline)).toBeLessThan(deadlineEnd(nearDeadline)!.getTime());

    const second = await load(system);
    expect(second.code).toBe(0);
    expect(second.output).toContain('không có gì mới / nothing new');
  });
});

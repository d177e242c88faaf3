import fs from 'node:fs';
import path from 'node:path';
import { deadlineEnd } from '@app/problems';
import { DAY_MS, openCallDeadline, PROBLEM_LEAD_DAYS, problemDeadline, quickCallDeadline } from './dates';

const seedDeadlines = [
  ...new Set(
    (JSON.parse(fs.readFileSync(path.join(__dirname, 'problems.json'), 'utf8')) as Array<{ deadline: string }>).map(
      (p) => p.deadline,
    ),
  ),
];

/** The loader's dates at today's clock and later ones, so `npm start` works on any day. */
const offsets = { today: 0, 'in 6 months': 182 * DAY_MS, 'in 2 years': 730 * DAY_MS, 'in 10 years': 3652 * DAY_MS };

describe.each(Object.entries(offsets))('demo dates %s', (_label, offset) => {
  const now = Date.now() + offset;

  it.each(seedDeadlines)('publishes seed deadline %s with room for an open call before it', (seed) => {
    const { deadline, moved } = problemDeadline(seed, now);
    const end = deadlineEnd(deadline)!.getTime();
    expect(end).toBeGreaterThanOrEqual(now + PROBLEM_LEAD_DAYS * DAY_MS);
    expect(moved).toBe(deadline !== seed);
    const call = openCallDeadline(deadline, now)!;
    expect(call.getTime()).toBeGreaterThan(now);
    expect(call.getTime()).toBeLessThan(end);
    expect(quickCallDeadline(deadline, now, 2_000)!.getTime()).toBeLessThan(end);
  });

  it('keeps a seed deadline far enough ahead and moves one too close', () => {
    const far = new Date(now + 400 * DAY_MS).toISOString().slice(0, 10);
    expect(problemDeadline(far, now)).toEqual({ deadline: far, moved: false });
    const near = new Date(now + 10 * DAY_MS).toISOString().slice(0, 10);
    expect(problemDeadline(near, now).moved).toBe(true);
  });

  it('fits the open call of a problem an earlier run published with a near deadline before that deadline', () => {
    const near = new Date(now + 10 * DAY_MS).toISOString().slice(0, 10);
    const call = openCallDeadline(near, now)!;
    expect(call.getTime()).toBe(deadlineEnd(near)!.getTime() - DAY_MS);
  });

  it('opens no call on a problem that closes today or has closed', () => {
    const today = new Date(now).toISOString().slice(0, 10);
    const past = new Date(now - 40 * DAY_MS).toISOString().slice(0, 10);
    expect(openCallDeadline(today, now)).toBeUndefined();
    expect(openCallDeadline(past, now)).toBeUndefined();
    expect(quickCallDeadline(past, now, 2_000)).toBeUndefined();
  });
});

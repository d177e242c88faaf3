import { deadlineEnd } from './deadline';

describe('deadlineEnd', () => {
  it('ends the deadline date at midnight in Hà Nội (UTC+7)', () => {
    expect(deadlineEnd('2026-12-31')?.toISOString()).toBe('2026-12-31T16:59:59.999Z');
  });

  it('is null without a deadline', () => {
    expect(deadlineEnd(null)).toBeNull();
  });
});

import { assertJobHandlers, DECLARED_JOBS, PROCESSORS } from './job-handlers';

describe('assertJobHandlers', () => {
  it('accepts the real processors', () => {
    expect(() =>
      assertJobHandlers(
        DECLARED_JOBS,
        PROCESSORS.map((p) => p.handles),
      ),
    ).not.toThrow();
  });

  it('refuses a job without a processor', () => {
    expect(() => assertJobHandlers([{ queue: 'q', names: ['a', 'b'] }], [{ queue: 'q', names: ['a'] }])).toThrow(
      'q/b has 0 processors',
    );
  });

  it('refuses a job with two processors', () => {
    expect(() =>
      assertJobHandlers(
        [{ queue: 'q', names: ['a'] }],
        [
          { queue: 'q', names: ['a'] },
          { queue: 'q', names: ['a'] },
        ],
      ),
    ).toThrow('q/a has 2 processors');
  });

  it('refuses a processor for an undeclared job', () => {
    expect(() => assertJobHandlers([], [{ queue: 'q', names: ['x'] }])).toThrow('q/x is handled but never declared');
  });
});

import { problemLifecycle } from './problems';

describe('problem lifecycle', () => {
  it('publishes a draft and closes a published problem', () => {
    expect(problemLifecycle.apply('DRAFT', 'publish')).toBe('PUBLISHED');
    expect(problemLifecycle.apply('PUBLISHED', 'close')).toBe('CLOSED');
  });

  it.each([
    ['DRAFT', 'close'],
    ['PUBLISHED', 'publish'],
    ['CLOSED', 'publish'],
    ['CLOSED', 'close'],
  ] as const)('refuses %s --%s-->', (from, event) => {
    expect(() => problemLifecycle.apply(from, event)).toThrow(
      expect.objectContaining({ code: 'PROBLEMS.INVALID_TRANSITION' }),
    );
  });
});

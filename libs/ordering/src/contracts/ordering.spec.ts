import { orderLifecycle } from './ordering';

describe('order lifecycle', () => {
  it('activates on the last signature and closes once', () => {
    expect(orderLifecycle.apply('DRAFT', 'activate')).toBe('ACTIVE');
    expect(orderLifecycle.apply('ACTIVE', 'close')).toBe('CLOSED');
  });

  it.each([
    ['DRAFT', 'close'],
    ['ACTIVE', 'activate'],
    ['CLOSED', 'close'],
    ['CLOSED', 'activate'],
  ] as const)('refuses %s --%s--> with a conflict', (from, event) => {
    expect(() => orderLifecycle.apply(from, event)).toThrow(
      expect.objectContaining({ code: 'ORDERING.INVALID_TRANSITION', kind: 'CONFLICT' }),
    );
  });
});

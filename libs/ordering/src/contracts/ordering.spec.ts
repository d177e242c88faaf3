import { orderLifecycle } from './ordering';

describe('order lifecycle', () => {
  it('activates on the last signature and closes once', () => {
    expect(orderLifecycle.apply('DRAFT', 'activate')).toBe('ACTIVE');
    expect(orderLifecycle.apply('ACTIVE', 'close')).toBe('CLOSED');
  });

  it('cancels only a draft, for good', () => {
    expect(orderLifecycle.apply('DRAFT', 'cancel')).toBe('CANCELLED');
    for (const event of ['activate', 'close', 'cancel'] as const)
      expect(orderLifecycle.next('CANCELLED', event)).toBeUndefined();
  });

  it.each([
    ['DRAFT', 'close'],
    ['ACTIVE', 'activate'],
    ['CLOSED', 'close'],
    ['CLOSED', 'activate'],
    ['ACTIVE', 'cancel'],
    ['CLOSED', 'cancel'],
  ] as const)('refuses %s --%s--> with a conflict', (from, event) => {
    expect(() => orderLifecycle.apply(from, event)).toThrow(
      expect.objectContaining({ code: 'ORDERING.INVALID_TRANSITION', kind: 'CONFLICT' }),
    );
  });
});

import { callLifecycle, offerLifecycle } from './competition';

describe('call lifecycle', () => {
  it.each([
    ['OPEN', 'evaluate', 'EVALUATED'],
    ['OPEN', 'cancel', 'CANCELLED'],
    ['EVALUATED', 'award', 'AWARDED'],
    ['EVALUATED', 'cancel', 'CANCELLED'],
  ] as const)('%s --%s--> %s', (from, event, to) => expect(callLifecycle.apply(from, event)).toBe(to));

  it.each([
    ['OPEN', 'award'],
    ['EVALUATED', 'evaluate'],
    ['AWARDED', 'award'],
    ['AWARDED', 'cancel'],
    ['CANCELLED', 'evaluate'],
  ] as const)('refuses %s --%s--> with a conflict naming the state', (from, event) => {
    expect(() => callLifecycle.apply(from, event)).toThrow(
      expect.objectContaining({
        code: 'COMPETITION.INVALID_TRANSITION',
        kind: 'CONFLICT',
        details: { entity: 'call', from, event },
      }),
    );
  });
});

describe('offer lifecycle', () => {
  it.each([
    ['SUBMITTED', 'withdraw', 'WITHDRAWN'],
    ['SUBMITTED', 'replace', 'REPLACED'],
    ['SUBMITTED', 'award', 'AWARDED'],
    ['SUBMITTED', 'decline', 'NOT_AWARDED'],
  ] as const)('%s --%s--> %s', (from, event, to) => expect(offerLifecycle.apply(from, event)).toBe(to));

  it('is final once withdrawn, replaced, awarded or declined', () => {
    for (const from of ['WITHDRAWN', 'REPLACED', 'AWARDED', 'NOT_AWARDED'] as const) {
      for (const event of ['withdraw', 'replace', 'award', 'decline'] as const)
        expect(offerLifecycle.next(from, event)).toBeUndefined();
    }
  });
});

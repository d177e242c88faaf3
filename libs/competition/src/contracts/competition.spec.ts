import { callLifecycle, offerLifecycle } from './competition';

describe('call lifecycle', () => {
  it.each([
    ['OPEN', 'evaluate', 'EVALUATED'],
    ['OPEN', 'cancel', 'CANCELLED'],
    ['EVALUATED', 'award', 'AWARDED'],
    ['EVALUATED', 'cancel', 'CANCELLED'],
    ['EVALUATED', 'startPoc', 'POC_TRIAL'],
    ['POC_TRIAL', 'proposePoc', 'POC_PROPOSED'],
    ['POC_TRIAL', 'abandonPoc', 'CANCELLED'],
    ['POC_PROPOSED', 'award', 'AWARDED'],
  ] as const)('%s --%s--> %s', (from, event, to) => expect(callLifecycle.apply(from, event)).toBe(to));

  it.each([
    ['OPEN', 'award'],
    ['EVALUATED', 'evaluate'],
    ['AWARDED', 'award'],
    ['AWARDED', 'cancel'],
    ['CANCELLED', 'evaluate'],
    ['OPEN', 'startPoc'],
    ['POC_TRIAL', 'award'],
    ['POC_TRIAL', 'cancel'],
    ['POC_PROPOSED', 'proposePoc'],
    ['POC_PROPOSED', 'abandonPoc'],
    ['EVALUATED', 'abandonPoc'],
    ['AWARDED', 'startPoc'],
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

  it.each([
    ['SUBMITTED', 'shortlist', 'FINALIST'],
    ['FINALIST', 'eliminate', 'ELIMINATED'],
    ['FINALIST', 'award', 'AWARDED'],
    ['FINALIST', 'decline', 'NOT_AWARDED'],
    ['ELIMINATED', 'award', 'AWARDED'],
  ] as const)('bake-off: %s --%s--> %s', (from, event, to) => expect(offerLifecycle.apply(from, event)).toBe(to));

  it('a finalist can no longer be withdrawn or replaced, an eliminated one only awarded', () => {
    for (const event of ['withdraw', 'replace', 'shortlist'] as const)
      expect(offerLifecycle.next('FINALIST', event)).toBeUndefined();
    for (const event of ['withdraw', 'replace', 'shortlist', 'eliminate', 'decline'] as const)
      expect(offerLifecycle.next('ELIMINATED', event)).toBeUndefined();
  });

  it('is final once withdrawn, replaced, awarded or declined', () => {
    for (const from of ['WITHDRAWN', 'REPLACED', 'AWARDED', 'NOT_AWARDED'] as const) {
      for (const event of ['withdraw', 'replace', 'shortlist', 'eliminate', 'award', 'decline'] as const)
        expect(offerLifecycle.next(from, event)).toBeUndefined();
    }
  });
});

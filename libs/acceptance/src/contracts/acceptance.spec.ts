import 'reflect-metadata';
import { RECORD_STATUSES, recordLifecycle } from './acceptance';

describe('acceptance record lifecycle', () => {
  it.each([
    ['EVALUATED', 'sign', 'SIGNED'],
    ['SIGNED', 'dispute', 'DISPUTED'],
    ['SIGNED', 'release', 'PAYABLE'],
    ['DISPUTED', 'uphold', 'SIGNED'],
    ['DISPUTED', 'restore', 'SETTLED'],
    ['DISPUTED', 'correct', 'SUPERSEDED'],
    ['PAYABLE', 'settle', 'SETTLED'],
    ['SETTLED', 'reopen', 'DISPUTED'],
  ] as const)('%s --%s--> %s', (from, event, to) => expect(recordLifecycle.apply(from, event)).toBe(to));

  it.each([
    ['EVALUATED', 'release'],
    ['EVALUATED', 'settle'],
    ['SIGNED', 'sign'],
    ['SIGNED', 'settle'],
    ['DISPUTED', 'release'],
    ['DISPUTED', 'settle'],
    ['PAYABLE', 'dispute'],
    ['PAYABLE', 'reopen'],
    ['SIGNED', 'reopen'],
    ['SIGNED', 'correct'],
    ['SETTLED', 'settle'],
    ['SETTLED', 'dispute'],
    ['SUPERSEDED', 'sign'],
    ['SUPERSEDED', 'reopen'],
  ] as const)('refuses %s --%s--> with a conflict naming the state', (from, event) => {
    expect(() => recordLifecycle.apply(from, event)).toThrow(
      expect.objectContaining({
        code: 'ACCEPTANCE.INVALID_TRANSITION',
        kind: 'CONFLICT',
        details: { entity: 'acceptance record', from, event },
      }),
    );
  });

  it('a superseded version is final: no event leaves it', () => {
    expect(Object.keys(recordLifecycle.table.SUPERSEDED)).toEqual([]);
  });

  it('settles only from PAYABLE (an upheld re-check returns to SETTLED without paying again)', () => {
    const reachSettled = RECORD_STATUSES.filter((s) => recordLifecycle.next(s, 'settle') === 'SETTLED');
    expect(reachSettled).toEqual(['PAYABLE']);
  });
});

import 'reflect-metadata';
import { RECORD_STATUSES, recordLifecycle } from './acceptance';

describe('acceptance record lifecycle', () => {
  it.each([
    ['EVALUATED', 'sign', 'SIGNED'],
    ['SIGNED', 'dispute', 'DISPUTED'],
    ['SIGNED', 'release', 'PAYABLE'],
    ['DISPUTED', 'uphold', 'SIGNED'],
    ['PAYABLE', 'settle', 'SETTLED'],
  ] as const)('%s --%s--> %s', (from, event, to) => expect(recordLifecycle.apply(from, event)).toBe(to));

  it.each([
    ['EVALUATED', 'release'],
    ['EVALUATED', 'settle'],
    ['SIGNED', 'sign'],
    ['SIGNED', 'settle'],
    ['DISPUTED', 'release'],
    ['DISPUTED', 'settle'],
    ['PAYABLE', 'dispute'],
    ['SETTLED', 'settle'],
  ] as const)('refuses %s --%s--> with a conflict naming the state', (from, event) => {
    expect(() => recordLifecycle.apply(from, event)).toThrow(
      expect.objectContaining({
        code: 'ACCEPTANCE.INVALID_TRANSITION',
        kind: 'CONFLICT',
        details: { entity: 'acceptance record', from, event },
      }),
    );
  });

  it('pays only from PAYABLE: no other status reaches SETTLED', () => {
    const reachSettled = RECORD_STATUSES.filter((s) => recordLifecycle.next(s, 'settle') === 'SETTLED');
    expect(reachSettled).toEqual(['PAYABLE']);
  });
});

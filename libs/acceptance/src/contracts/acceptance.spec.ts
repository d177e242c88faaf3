import 'reflect-metadata';
import {
  DELIVERY_ROUND,
  RECORD_STATUSES,
  recordLifecycle,
  roundNames,
  SETTLEMENT_LANES,
  settlementLane,
} from './acceptance';

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

describe('settlement lanes', () => {
  it('spreads orders created in the same minute over every lane, evenly', () => {
    // UUIDv7-shaped ids sharing their timestamp prefix, as orders created together have.
    const ids = Array.from(
      { length: 400 },
      (_, i) =>
        `0193a5c2-7e1f-7${(i >> 8).toString(16).padStart(3, '0')}-8${(i & 0xff).toString(16).padStart(3, '0')}-000000000000`,
    );
    const perLane = new Array<number>(SETTLEMENT_LANES).fill(0);
    for (const id of ids) perLane[settlementLane(id)] += 1;
    for (const count of perLane) expect(count).toBeGreaterThan(ids.length / SETTLEMENT_LANES / 2);
  });

  it('keeps an order in one lane', () => {
    const id = '0193a5c2-7e1f-7000-8000-000000000001';
    expect(settlementLane(id)).toBe(settlementLane(id));
  });
});

describe('roundNames', () => {
  it('names delivery and measurement rounds in Vietnamese and English, in the order given', () => {
    expect(roundNames([DELIVERY_ROUND, 1, 2])).toEqual({
      vi: 'bàn giao, kỳ 1, kỳ 2',
      en: 'delivery, round 1, round 2',
    });
    expect(roundNames([3])).toEqual({ vi: 'kỳ 3', en: 'round 3' });
  });
});

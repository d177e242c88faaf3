import fc from 'fast-check';
import { Fraction, bpOf, floorDong, parseDecimal } from './money';
import {
  type Comparator,
  type KpiPaymentTerms,
  type PaymentTerms,
  type RoundMeasurements,
  attainment,
  cumulativeEarned,
  cumulativeEarnedAfterEach,
  roundEarnedExact,
  simulatePayout,
  validatePaymentTerms,
} from './payout';

const frac = (n: number, d = 1) => new Fraction(n, d);

describe('payout properties', () => {
  const COMPARATORS: Comparator[] = ['gte', 'lte', 'eq', 'gt', 'lt'];
  const decimal = (min: number, max: number) => fc.integer({ min, max }).map((c) => frac(c, 100).toString());

  const partition = (parts: number) =>
    fc.uniqueArray(fc.integer({ min: 1, max: 9_999 }), { minLength: parts - 1, maxLength: parts - 1 }).map((cuts) => {
      const bounds = [0, ...cuts.sort((a, b) => a - b), 10_000];
      return bounds.slice(1).map((b, i) => b - bounds[i]);
    });

  const kpiArb = (key: string, weightBp: number): fc.Arbitrary<KpiPaymentTerms> =>
    fc
      .record({
        baseline: fc.integer({ min: -100_000, max: 100_000 }),
        step: fc.integer({ min: 1, max: 50_000 }),
        direction: fc.constantFrom<'increase' | 'decrease'>('increase', 'decrease'),
        binary: fc.boolean(),
        comparator: fc.option(fc.constantFrom(...COMPARATORS), { nil: undefined }),
        knownBaseline: fc.boolean(),
      })
      .map(({ baseline, step, direction, binary, comparator, knownBaseline }) => ({
        key,
        weightBp,
        baseline: binary && !knownBaseline ? null : frac(baseline, 100).toString(),
        target: frac(baseline + (direction === 'increase' ? step : -step), 100).toString(),
        direction,
        ...(binary ? { binary, comparator } : {}),
      }));

  const termsArb: fc.Arbitrary<PaymentTerms> = fc
    .record({
      maxAmount: fc.bigInt({ min: 1n, max: 10n ** 15n }),
      deliveryShareBp: fc.integer({ min: 0, max: 3_000 }),
      floorBp: fc.integer({ min: 0, max: 10_000 }),
      roundSharesBp: fc.integer({ min: 1, max: 5 }).chain(partition),
      kpis: fc
        .integer({ min: 1, max: 4 })
        .chain(partition)
        .chain((weights) => fc.tuple(...weights.map((w, i) => kpiArb(`k${i}`, w)))),
    })
    .filter((t) => validatePaymentTerms(t).length === 0);

  /** Mostly around the committed range, where the floor and the clamps matter. */
  const measuredArb = (k: KpiPaymentTerms): fc.Arbitrary<string | null | undefined> => {
    const target = parseDecimal(k.target);
    const span = k.baseline === null ? frac(1) : target.sub(parseDecimal(k.baseline));
    const nearRange = fc.integer({ min: -120, max: 20 }).map((p) => target.add(span.mul(p).div(100)).toString());
    return fc.oneof(nearRange, nearRange, decimal(-160_000, 160_000), fc.constant(null), fc.constant(undefined));
  };

  const roundArb = (t: PaymentTerms): fc.Arbitrary<RoundMeasurements> =>
    fc.record(Object.fromEntries(t.kpis.map((k) => [k.key, measuredArb(k)])));

  const progressArb = termsArb.chain((t) =>
    fc.record({
      t: fc.constant(t),
      delivered: fc.boolean(),
      rounds: fc.array(roundArb(t), { maxLength: t.roundSharesBp.length }),
    }),
  );

  it('attainment stays within [0, 1]', () => {
    fc.assert(
      fc.property(
        kpiArb('k', 10_000).chain((kpi) =>
          fc.tuple(
            fc.constant(kpi),
            measuredArb(kpi).filter((m) => m != null),
          ),
        ),
        ([kpi, measured]) => {
          const a = attainment(kpi, measured);
          expect(a.gte(0) && a.lte(1)).toBe(true);
        },
      ),
    );
  });

  it('the total never exceeds M', () => {
    fc.assert(
      fc.property(progressArb, ({ t, delivered, rounds }) => {
        const earned = cumulativeEarned(t, { delivered, rounds });
        expect(earned >= 0n && earned <= t.maxAmount).toBe(true);
      }),
    );
  });

  it('the cumulative amount never decreases as rounds are added', () => {
    fc.assert(
      fc.property(progressArb, ({ t, delivered, rounds }) => {
        const cumulative = [0, ...rounds.keys()].map((n) =>
          cumulativeEarned(t, { delivered, rounds: rounds.slice(0, n + 1) }),
        );
        cumulative.slice(1).forEach((c, i) => expect(c).toBeGreaterThanOrEqual(cumulative[i]));
      }),
    );
  });

  it('is the floor of the exact sum, and never below the sum of per-round floors', () => {
    fc.assert(
      fc.property(progressArb, ({ t, delivered, rounds }) => {
        const parts = [
          delivered ? bpOf(t.maxAmount, t.deliveryShareBp) : frac(0),
          ...rounds.map((m, r) => roundEarnedExact(t, r, m)),
        ];
        const exact = parts.reduce((a, b) => a.add(b), frac(0));
        const earned = cumulativeEarned(t, { delivered, rounds });
        expect(earned).toBe(floorDong(exact));
        expect(exact.sub(earned.toString()).lt(1)).toBe(true);
        expect(parts.reduce((sum, p) => sum + floorDong(p), 0n)).toBeLessThanOrEqual(earned);
      }),
    );
  });

  it('after each change, equals cumulativeEarned over the rounds and delivery as changed so far', () => {
    const changesArb = progressArb.chain((p) =>
      fc.record({
        p: fc.constant(p),
        changes: fc.array(
          fc.oneof(
            fc.constant({ delivered: true as const }),
            fc
              .nat(p.t.roundSharesBp.length - 1)
              .chain((roundIndex) => fc.record({ roundIndex: fc.constant(roundIndex), measurements: roundArb(p.t) })),
          ),
          { maxLength: 6 },
        ),
      }),
    );
    fc.assert(
      fc.property(changesArb, ({ p: { t, delivered, rounds }, changes }) => {
        const current = t.roundSharesBp.map((_, r) => rounds[r] ?? {});
        let isDelivered = delivered;
        const expected = changes.map((change) => {
          if ('delivered' in change) isDelivered = true;
          else current[change.roundIndex] = change.measurements;
          return cumulativeEarned(t, { delivered: isDelivered, rounds: current });
        });
        expect(cumulativeEarnedAfterEach(t, { delivered, rounds }, changes)).toEqual(expected);
      }),
    );
  });

  it('the simulator agrees with settlement and with the closed-form rule', () => {
    const level = fc.oneof(
      fc.constantFrom(0, 0.25, 0.5, 0.75, 1),
      fc.integer({ min: -50, max: 150 }).map((k) => k / 100),
    );
    fc.assert(
      fc.property(termsArb, fc.array(level, { minLength: 1, maxLength: 5 }), (t, levels) => {
        const results = simulatePayout(t, levels);
        results.forEach(({ level: L, delivery, perRound, total }) => {
          const exactL = frac(Math.round(L * 100), 100);
          const measuredAt = (kpi: KpiPaymentTerms): string => {
            if (!kpi.binary) {
              const b = parseDecimal(kpi.baseline!);
              return b.add(exactL.mul(parseDecimal(kpi.target).sub(b))).toString();
            }
            const target = parseDecimal(kpi.target);
            const candidates = [target, target.add(1), target.sub(1)].map((v) => v.toString());
            return candidates.find((v) => attainment(kpi, v).equals(L >= 1 ? 1 : 0))!;
          };
          const round = Object.fromEntries(t.kpis.map((k) => [k.key, measuredAt(k)]));
          const rounds = t.roundSharesBp.map(() => round);
          expect(total).toBe(cumulativeEarned(t, { delivered: true, rounds }));

          const clamped = exactL.lt(0) ? frac(0) : exactL.gt(1) ? frac(1) : exactL;
          const weighted = t.kpis.reduce((sum, k) => {
            const a = k.binary ? frac(L >= 1 ? 1 : 0) : clamped;
            return sum.add(bpOf(1n, k.weightBp).mul(a.lt(bpOf(1n, t.floorBp)) ? 0 : a));
          }, frac(0));
          const closedForm = bpOf(t.maxAmount, t.deliveryShareBp).add(
            bpOf(t.maxAmount, 10_000 - t.deliveryShareBp).mul(weighted),
          );
          expect(total).toBe(floorDong(closedForm));
          expect(delivery + perRound.reduce((a, b) => a + b, 0n)).toBe(total);
          perRound.forEach((p) => expect(p).toBeGreaterThanOrEqual(0n));
        });
      }),
    );
  });
});

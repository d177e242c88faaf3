import type { MoneyTotals, OutcomeRow } from './dashboard-reads';
import { statisticsOf } from '../../../test/support/outcome-statistics';
import { cityDashboard } from './dashboard';
import {
  auditedInputs,
  byCloseDate,
  explain,
  lastOutcomes,
  NO_LINKS,
  outcomeX,
  priorOf,
  scopeScores,
  storedJson,
  storedOutcomes,
  type ScopeScore,
  type VendorLinks,
} from './vendor-scores';

type Statistics = ReturnType<typeof statisticsOf>;
/** Scores of one vendor's outcomes as read (in any order), as a recomputation stores and scores them. */
const vendorScores = (vendor: string, outcomes: OutcomeRow[], links: VendorLinks, stats: Statistics, now: Date) =>
  scopeScores(vendor, storedOutcomes([...outcomes].sort(byCloseDate), links), stats, now);

const explained = (s: ScopeScore) =>
  explain({ ...s.score, capped: s.capped }, s.params.priorMean, s.orders, s.excluded, s.params.categoryOrders);

const NOW = new Date('2026-11-01T00:00:00Z');
let seq = 0;
const outcome = (
  vendor: string,
  agency: string,
  category: string,
  paid: bigint,
  maxAmount = 100n,
  signedByUserIds: string[] = [],
): OutcomeRow => ({
  orderId: `o${String(++seq).padStart(3, '0')}`,
  vendorOrganisationId: vendor,
  agencyOrganisationId: agency,
  categoryCode: category,
  maxAmount: maxAmount.toString(),
  paid: paid.toString(),
  // later orders closed earlier, so o001 is the most recent
  closedAt: new Date(NOW.getTime() - seq * 1000).toISOString(),
  signedByUserIds,
  deliveryShareBp: 0,
  deliveryPaid: false,
});

describe('vendorScores', () => {
  it('scores overall and per category, each against its own prior', () => {
    // health has 10 orders with mean x = 0.5 → μ0 = 0.5; transport has 1 → μ0 = 0.7
    const health = Array.from({ length: 10 }, (_, i) => outcome(i < 5 ? 'V' : 'W', 'A', 'y-te', i % 2 ? 100n : 0n));
    const transport = [outcome('V', 'B', 'giao-thong', 100n)];
    const all = [...health, ...transport];
    const stats = statisticsOf(all);
    expect(priorOf(stats.find((s) => s.scope === 'y-te'))).toBeCloseTo(0.5, 12);
    expect(priorOf(stats.find((s) => s.scope === 'giao-thong'))).toBe(0.7);
    // overall: 11 orders, mean x = 6/11
    expect(priorOf(stats.find((s) => s.scope === '*'))).toBeCloseTo(6 / 11, 12);

    const v = all.filter((o) => o.vendorOrganisationId === 'V');
    const scores = vendorScores('V', v, NO_LINKS, stats, NOW);
    // overall first, then the categories in the order of the vendor's first order in each
    expect(scores.map((s) => [s.scope, s.orders])).toEqual([
      ['*', 6],
      ['giao-thong', 1],
      ['y-te', 5],
    ]);
    // giao-thong: α = 2.8 + 1, β = 1.2 → E = 0.76 (weight ~1: closed seconds ago, median value)
    expect(scores[1].score.expected).toBeCloseTo(0.76, 6);
    // y-te: V's x = 0,1,0,1,0 → Σwx = 2, Σw = 5; α = 2 + 2, β = 2 + 3 → E = 4/9
    expect(scores[2].score.expected).toBeCloseTo(4 / 9, 6);
    expect(lastOutcomes(storedOutcomes(v.sort(byCloseDate), NO_LINKS), 'y-te').map((o) => o.orderId)).toEqual([
      'o001',
      'o002',
      'o003',
      'o004',
      'o005',
    ]);
  });

  it('leaves out orders of a linked agency and says so', () => {
    const outcomes = [outcome('V', 'A', 'y-te', 100n), outcome('V', 'A', 'y-te', 100n), outcome('V', 'B', 'y-te', 0n)];
    const links = { agencies: new Set(['A']), officers: new Set<string>() };
    const [overall] = vendorScores('V', outcomes, links, statisticsOf(outcomes), NOW);
    expect(overall).toMatchObject({ orders: 1, excluded: 2 });
    expect(overall.score.expected).toBeCloseTo(2.8 / 5, 6);
    const stored = storedOutcomes(outcomes, links);
    expect(stored.map((o) => o[6])).toEqual(['AGENCY_LINKED', 'AGENCY_LINKED', null]);
    const inputs = auditedInputs(stored, '*', { ...overall.params, floor: 0.4 }, NOW);
    expect(inputs.excluded.map((e) => e.orderId)).toEqual([outcomes[0].orderId, outcomes[1].orderId]);
    expect(inputs.recomputed.alpha).toBe(overall.score.alpha);
    const text = explained(overall);
    expect(text.vi).toContain('2 đơn hàng bị loại');
    expect(text.en).toContain('2 orders were excluded');
    expect(text.vi).toContain('Nhà cung cấp mới');
  });

  it('leaves out orders whose acceptance an officer linked to the vendor signed, even from an unlinked agency', () => {
    const signed = (o: OutcomeRow, officer: string): OutcomeRow => ({ ...o, signedByUserIds: [officer] });
    const outcomes = [
      signed(outcome('V', 'A', 'y-te', 100n), 'friend'),
      signed(outcome('V', 'A', 'y-te', 100n), 'stranger'),
      signed(outcome('V', 'B', 'y-te', 0n), 'stranger'),
    ];
    const links = { agencies: new Set<string>(), officers: new Set(['friend']) };
    const [overall, category] = vendorScores('V', outcomes, links, statisticsOf(outcomes), NOW);
    expect(overall).toMatchObject({ orders: 2, excluded: 1 });
    expect(category).toMatchObject({ scope: 'y-te', orders: 2, excluded: 1 });
    // the linked officer's x = 1 does not count: α = 2.8 + 1, β = 1.2 + 1
    expect(overall.score.expected).toBeCloseTo(3.8 / 6, 6);
    expect(storedOutcomes(outcomes, links).map((o) => o[6])).toEqual(['OFFICER_LINKED', null, null]);
    expect(lastOutcomes(storedOutcomes([...outcomes].sort(byCloseDate), links), '*').map((o) => o.orderId)).toEqual([
      outcomes[1].orderId,
      outcomes[2].orderId,
    ]);
    // without the link the same orders all count
    expect(vendorScores('V', outcomes, NO_LINKS, statisticsOf(outcomes), NOW)[0].orders).toBe(3);
  });

  it('counts two orders closed moments ago as exactly two orders of evidence', () => {
    const outcomes = [outcome('V', 'A', 'y-te', 100n), outcome('V', 'A', 'y-te', 100n)];
    const [overall] = vendorScores('V', outcomes, NO_LINKS, statisticsOf(outcomes), NOW);
    expect(overall.score.effectiveEvidence).toBe(2);
    expect(overall.score.isNew).toBe(false);
  });

  it('stores an outcome set an auditor recomputes to the same score, in close-date order whatever the read order', () => {
    const outcomes = [
      outcome('V', 'A', 'y-te', 30n),
      outcome('V', 'B', 'giao-thong', 100n),
      outcome('V', 'A', 'y-te', 0n),
    ];
    const links = { agencies: new Set(['B']), officers: new Set<string>() };
    const stored = storedOutcomes([...outcomes].sort(byCloseDate), links);
    expect(stored.map((o) => o[0])).toEqual([outcomes[2].orderId, outcomes[1].orderId, outcomes[0].orderId]);
    expect(storedJson(stored)).toBe(JSON.stringify(stored));
    const stats = statisticsOf(outcomes);
    expect(scopeScores('V', stored, stats, NOW)).toEqual(vendorScores('V', outcomes.reverse(), links, stats, NOW));
  });

  it('x is the earned share of the order, clamped to [0, 1]', () => {
    const none = { deliveryShareBp: 0, deliveryPaid: false };
    expect(outcomeX({ paid: '480000000', maxAmount: '600000000', ...none })).toBeCloseTo(0.8, 12);
    expect(outcomeX({ paid: '0', maxAmount: '0', ...none })).toBe(0);
    expect(outcomeX({ paid: '7', maxAmount: '5', ...none })).toBe(1);
  });

  it('x leaves out the fixed delivery share: (paid − delivery share paid) / ((1 − d)·M)', () => {
    // M = 1,000,000,000, d = 20 %: delivery 200,000,000 paid, rounds paid 400,000,000 of 800,000,000 → x = 0.5
    const order = { maxAmount: '1000000000', deliveryShareBp: 2000 };
    expect(outcomeX({ ...order, paid: '600000000', deliveryPaid: true })).toBe(0.5);
    // the delivery share alone is no outcome
    expect(outcomeX({ ...order, paid: '200000000', deliveryPaid: true })).toBe(0);
    // delivery never confirmed: what was paid came from the rounds
    expect(outcomeX({ ...order, paid: '400000000', deliveryPaid: false })).toBe(0.5);
    // everything paid → 1
    expect(outcomeX({ ...order, paid: '1000000000', deliveryPaid: true })).toBe(1);
    // a stored set keeps d and the delivery flag, so the auditor's recomputation agrees
    const stored = storedOutcomes(
      [{ ...outcome('V', 'A', 'y-te', 600_000_000n, 1_000_000_000n), deliveryShareBp: 2000, deliveryPaid: true }],
      NO_LINKS,
    );
    expect(lastOutcomes(stored, '*')[0].x).toBe(0.5);
  });
});

describe('city dashboard figures', () => {
  it('money per agency, the share payable by results, targets with their rows and disputes by status', () => {
    const money = (key: string, committed: bigint, paid: bigint, byResults: bigint): MoneyTotals => ({
      key,
      orders: 1,
      committed,
      paid,
      clawedBack: 0n,
      released: committed - paid,
      byResults,
    });
    const d = cityDashboard({
      vendors: { count: 0, series: [] },
      trialOrders: {
        count: 2,
        series: [
          { month: '2026-09', value: 1 },
          { month: '2026-10', value: 2 },
        ],
      },
      solutionsPurchased: { count: 1, series: [{ month: '2026-09', value: 1 }] },
      money: {
        // paid by results: 240 of the 300 paid (60 was a delivery share) = 0.8
        total: [{ ...money('*', 400n, 300n, 240n), orders: 2 }],
        // A: 300 paid, 20 clawed back, 210 of the net 280 by results = 0.75; B paid nothing
        agency: [{ ...money('A', 300n, 300n, 210n), clawedBack: 20n }, money('B', 100n, 0n, 0n)],
        category: [],
        problem: [],
      },
      uploadToPayment: { count: 0, medianSeconds: null, p90Seconds: null },
      callToOrder: { count: 2, medianSeconds: 60, p90Seconds: 120 },
      disputes: {
        opened: 3,
        byStatus: [
          { status: 'OPEN', count: 1 },
          { status: 'UPHELD', count: 2 },
        ],
      },
      // 100 of seed capital drew 250 of co-funding by October: leverage 2.5, short of 1 : 3
      funding: {
        city: 100n,
        cofunders: 250n,
        series: [
          { month: '2026-09', city: 60n, cofunders: 0n },
          { month: '2026-10', city: 100n, cofunders: 250n },
        ],
      },
    });
    expect(d.money.total).toMatchObject({
      committed: '400',
      paid: '300',
      released: '100',
      shareByResults: '0.8000',
      rows: '/city/dashboard/rows?set=money&dimension=total&key=*',
    });
    expect(d.money.byAgency.map((m) => [m.key, m.paid, m.clawedBack, m.shareByResults, m.rows])).toEqual([
      ['A', '300', '20', '0.7500', '/city/dashboard/rows?set=money&dimension=agency&key=A'],
      ['B', '0', '0', '0.0000', '/city/dashboard/rows?set=money&dimension=agency&key=B'],
    ]);
    expect(d.targets.find((t) => t.key === 'trialOrders')).toMatchObject({
      actual: 2,
      met: false,
      rows: '/city/dashboard/rows?set=trialOrders',
    });
    expect(d.targets.find((t) => t.key === 'solutionsPurchased')).toMatchObject({ actual: 1 });
    expect(d.targets.find((t) => t.key === 'leverage')).toMatchObject({
      target: 3,
      actual: 2.5,
      met: false,
      series: [
        { month: '2026-09', value: 0 },
        { month: '2026-10', value: 2.5 },
      ],
      rows: '/city/dashboard/rows?set=cofunded',
    });
    expect(d.flow.uploadToPayment).toEqual({
      count: 0,
      medianSeconds: null,
      p90Seconds: null,
      rows: '/city/dashboard/rows?set=uploadToPayment',
    });
    expect(d.flow.disputes).toEqual({
      opened: 3,
      byStatus: [
        { status: 'OPEN', count: 1, rows: '/city/dashboard/rows?set=disputes&status=OPEN' },
        { status: 'UPHELD', count: 2, rows: '/city/dashboard/rows?set=disputes&status=UPHELD' },
      ],
      rows: '/city/dashboard/rows?set=disputes',
    });
  });
});

import type { CategorisedOutcome } from '@app/acceptance';
import { cityDashboard, percentile } from './dashboard';
import { outcomeX, priorOf, statisticsOf, vendorScores } from './vendor-scores';

const NOW = new Date('2026-11-01T00:00:00Z');
let seq = 0;
const outcome = (
  vendor: string,
  agency: string,
  category: string,
  paid: bigint,
  maxAmount = 100n,
): CategorisedOutcome => ({
  orderId: `o${String(++seq).padStart(3, '0')}`,
  vendorOrganisationId: vendor,
  agencyOrganisationId: agency,
  categoryCode: category,
  maxAmount,
  paid,
  // later orders closed earlier, so o001 is the most recent
  closedAt: new Date(NOW.getTime() - seq * 1000),
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
    const scores = vendorScores('V', v, new Set(), stats, NOW);
    expect(scores.map((s) => [s.scope, s.orders])).toEqual([
      ['*', 6],
      ['y-te', 5],
      ['giao-thong', 1],
    ]);
    // giao-thong: α = 2.8 + 1, β = 1.2 → E = 0.76 (weight ~1: closed seconds ago, median value)
    expect(scores[2].score.expected).toBeCloseTo(0.76, 6);
    // y-te: V's x = 0,1,0,1,0 → Σwx = 2, Σw = 5; α = 2 + 2, β = 2 + 3 → E = 4/9
    expect(scores[1].score.expected).toBeCloseTo(4 / 9, 6);
    expect(scores[1].lastOutcomes.map((o) => o.orderId)).toEqual(['o001', 'o002', 'o003', 'o004', 'o005']);
  });

  it('leaves out orders of a linked agency and says so', () => {
    const outcomes = [outcome('V', 'A', 'y-te', 100n), outcome('V', 'A', 'y-te', 100n), outcome('V', 'B', 'y-te', 0n)];
    const [overall] = vendorScores('V', outcomes, new Set(['A']), statisticsOf(outcomes), NOW);
    expect(overall.orders).toBe(1);
    expect(overall.score.expected).toBeCloseTo(2.8 / 5, 6);
    expect(overall.inputs).toMatchObject({ excludedOrderIds: [outcomes[0].orderId, outcomes[1].orderId] });
    expect(overall.explanationVi).toContain('2 đơn hàng bị loại');
    expect(overall.explanationEn).toContain('2 orders were excluded');
    expect(overall.explanationVi).toContain('Nhà cung cấp mới');
  });

  it('counts two orders closed moments ago as two orders of evidence', () => {
    const outcomes = [outcome('V', 'A', 'y-te', 100n), outcome('V', 'A', 'y-te', 100n)];
    const [overall] = vendorScores('V', outcomes, new Set(), statisticsOf(outcomes), NOW);
    expect(overall.score.effectiveEvidence).toBeLessThan(2);
    expect(overall.score.isNew).toBe(false);
  });

  it('x is the earned share of the order, clamped to [0, 1]', () => {
    expect(outcomeX({ paid: 480_000_000n, maxAmount: 600_000_000n })).toBeCloseTo(0.8, 12);
    expect(outcomeX({ paid: 0n, maxAmount: 0n })).toBe(0);
    expect(outcomeX({ paid: 7n, maxAmount: 5n })).toBe(1);
  });
});

describe('city dashboard figures', () => {
  it('nearest-rank percentiles', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([5, 1, 3], 0.5)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9)).toBe(10);
  });

  it('money per agency, the share payable by results and cumulative monthly series', () => {
    const order = (id: string, agency: string, committed: bigint, paid: bigint, d: number, activated: string) => ({
      orderId: id,
      agencyOrganisationId: agency,
      vendorOrganisationId: 'V',
      problemId: 'P',
      solutionId: `s-${id}`,
      categoryCode: 'y-te',
      status: 'CLOSED',
      committed,
      deliveryShareBp: d,
      paid,
      released: committed - paid,
      activatedAt: new Date(activated),
      closedAt: new Date(activated),
    });
    const d = cityDashboard({
      listedVendors: [],
      orders: [order('o1', 'A', 300n, 300n, 3000, '2026-09-02'), order('o2', 'B', 100n, 0n, 0, '2026-10-05')],
      uploadToPayment: [],
      callToOrder: [],
    });
    // by results: 300·0.7 + 100 = 310 of 400 = 0.775
    expect(d.money.total).toMatchObject({ committed: '400', paid: '300', released: '100', shareByResults: '0.7750' });
    expect(d.money.byAgency.map((m) => [m.key, m.paid])).toEqual([
      ['A', '300'],
      ['B', '0'],
    ]);
    const trial = d.targets.find((t) => t.key === 'trialOrders')!;
    expect(trial.series).toEqual([
      { month: '2026-09', value: 1 },
      { month: '2026-10', value: 2 },
    ]);
    expect(d.targets.find((t) => t.key === 'solutionsPurchased')).toMatchObject({ actual: 1, sourceIds: ['s-o1'] });
    expect(d.flow.uploadToPayment).toEqual({ count: 0, medianSeconds: null, p90Seconds: null, sourceIds: [] });
  });
});

import { kpiWeightsRefusal } from './kpi-weights';

describe('kpiWeightsRefusal', () => {
  it('accepts no weights at all (equal weights) and full weights summing to 10,000', () => {
    expect(kpiWeightsRefusal([undefined, undefined])).toBeNull();
    expect(kpiWeightsRefusal([null])).toBeNull();
    expect(kpiWeightsRefusal([7000, 3000])).toBeNull();
    expect(kpiWeightsRefusal([10_000])).toBeNull();
  });

  it('refuses a sum other than 10,000 with the sum', () => {
    expect(kpiWeightsRefusal([7000, 2000])).toEqual({ field: 'kpis[].weightBp', weighted: 2, kpis: 2, sum: 9000 });
    expect(kpiWeightsRefusal([7000, 4000])?.sum).toBe(11_000);
  });

  it('refuses weights on only some KPIs even when they sum to 10,000', () => {
    expect(kpiWeightsRefusal([10_000, undefined])).toEqual({
      field: 'kpis[].weightBp',
      weighted: 1,
      kpis: 2,
      sum: 10_000,
    });
  });
});

import type { OrderTerms } from '@app/ordering';

/** One-KPI, one-round order terms for evaluation tests; the KPI as `overrides` says. */
export const terms = (overrides: Partial<OrderTerms['kpis'][number]> = {}): OrderTerms => ({
  orderId: 'o',
  problemId: 'p',
  callId: 'c',
  offerId: 'f',
  solutionId: 's',
  agencyOrganisationId: 'a',
  vendorOrganisationId: 'v',
  maxAmount: '1000000',
  deliveryShareBp: 0,
  floorBp: 5000,
  disputeWindowSeconds: 0,
  kpis: [
    {
      key: 'K1',
      nameVi: 'Tỷ lệ hồ sơ đúng hạn',
      nameEn: 'On-time share',
      unit: '%',
      weightBp: 10_000,
      baseline: '30',
      target: '45',
      direction: 'increase',
      aggregation: 'mean',
      minimumSample: 2,
      ...overrides,
    },
  ],
  rounds: [{ no: 1, shareBp: 10_000, startsAt: '2026-01-01T00:00:00Z', endsAt: '2026-04-01T00:00:00Z' }],
  startsAt: '2026-01-01T00:00:00Z',
  endsAt: '2026-04-01T00:00:00Z',
});

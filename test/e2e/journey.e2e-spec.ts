import request from 'supertest';
import {
  ApiError,
  createActors,
  draftOrder,
  eventually,
  orderClosed,
  listSolution,
  signBoth,
  signRecord,
  startSystem,
  uploadRound,
  type Actors,
  type TestSystem,
  ledgerBalance,
} from '@app/test-support';

jest.setTimeout(120_000);

/** The whole marketplace journey through HTTP, with the real worker, checked to the đồng. */
describe('journey: listing → order → measured outcome → settlement → ranking', () => {
  let system: TestSystem;
  let a: Actors;

  beforeAll(async () => {
    system = await startSystem();
    a = await createActors(system.admin, 'journey');
  });
  afterAll(() => system?.stop());

  const balance = (code: string) => ledgerBalance(system.db.pool, code);

  it('pays exactly the measured outcome and ranks the vendor', async () => {
    const solutionId = await listSolution(a);
    const listed = await request(system.url).get(`/solutions/${solutionId}`).expect(200);
    expect(listed.body).toMatchObject({ status: 'LISTED', qualityScore: 85 });

    await a.admin.post(`/budgets/${a.agencyOrgId}/allocations`, { amount: '1000000000', reference: 'QĐ-01/2026' });
    const { orderId } = await draftOrder(a, { solutionId, price: '600000000', baseline: '30', target: '45' });
    const signed = await signBoth(a, orderId);
    expect(signed).toMatchObject({ status: 'ACTIVE', escrowBalance: '600000000' });
    expect(await balance(`budget:${a.agencyOrgId}`)).toBe(400_000_000n);

    await expect(uploadRound(a, orderId, 1, ['41'], a.vendor)).rejects.toMatchObject({ status: 403 });

    // mean(40, 44) = 42 → attainment (42 − 30) / (45 − 30) = 0.8 → 0.8 × 600,000,000 = 480,000,000 đồng
    await uploadRound(a, orderId, 1, ['40', '44']);
    // No payment without the officer's signature over the record's hash.
    await expect(signRecord(a, orderId, 1, a.vendor)).rejects.toMatchObject({ status: 403 });
    await expect(
      a.officer.post(`/orders/${orderId}/rounds/1/acceptance-record/signature`, { recordHash: '0'.repeat(64) }),
    ).rejects.toMatchObject({ status: 409, body: { code: 'ACCEPTANCE.RECORD_CHANGED' } });
    expect(await a.vendor.get(`/orders/${orderId}/settlements`)).toEqual([]);
    const signedRecord = await signRecord(a, orderId, 1);
    expect(signedRecord.status).toMatch(/^(PAYABLE|SETTLED)$/);
    await orderClosed(a.buyer, orderId);

    const [record] = await a.buyer.get<
      Array<{
        status: string;
        earnedCumulative: string;
        recordHash: string;
        signedHash: string;
        batchHashes: string[];
        results: Array<{ attainment: string; reasonVi: string; amount: string; points: number; coverage: string }>;
      }>
    >(`/orders/${orderId}/acceptance-records`);
    expect(record).toMatchObject({ status: 'SETTLED', earnedCumulative: '480000000', signedHash: record.recordHash });
    expect(record.batchHashes).toHaveLength(1);
    expect(record.results[0]).toMatchObject({
      attainment: '0.8000',
      amount: '480000000',
      points: 2,
      coverage: '2.0000',
    });
    expect(record.results[0].reasonVi).toContain('80,00%');

    const settlements = await a.vendor.get<Array<{ amount: string }>>(`/orders/${orderId}/settlements`);
    expect(settlements.map((s) => s.amount)).toEqual(['480000000']);
    expect(await balance(`payable:${a.vendorOrgId}`)).toBe(480_000_000n);
    expect(await balance(`escrow:${orderId}`)).toBe(0n);
    expect(await balance(`budget:${a.agencyOrgId}`)).toBe(520_000_000n);
    expect(await balance('appropriation:city')).toBe(-1_000_000_000n);

    const reconciliation = await a.admin.get<{ ok: boolean; totalBalance: string }>('/ledger/reconciliation');
    expect(reconciliation).toMatchObject({ ok: true, totalBalance: '0' });
    expect(await a.city.get('/audit/verify')).toMatchObject({ valid: true });

    // One order, x = 0.8, weight 1: α = 4·0.7 + 0.8 = 3.6, β = 4·0.3 + 0.2 = 1.4, E = 0.72, L = 0.72 − 1.28·√(0.72·0.28/6)
    const ranking = await eventually(async () => {
      const rows =
        await a.city.get<
          Array<{ vendorOrganisationId: string; expected: number; lowerBound: number; labelVi: string }>
        >('/city/rankings');
      return rows.find((r) => r.vendorOrganisationId === a.vendorOrgId);
    }, 'ranking entry');
    expect(ranking.expected).toBeCloseTo(0.72, 6);
    expect(ranking.lowerBound).toBeCloseTo(0.72 - 1.28 * Math.sqrt((0.72 * 0.28) / 6), 6);
    expect(ranking.labelVi).toBe('Nhà cung cấp mới');
  });

  it('refuses to sign when the budget cannot cover the escrow, and changes nothing', async () => {
    const solutionId = await listSolution(a);
    const budgetBefore = await balance(`budget:${a.agencyOrgId}`);
    const { orderId } = await draftOrder(a, { solutionId, price: (budgetBefore + 1n).toString() });
    const order = await a.buyer.get<{ termsHash: string }>(`/orders/${orderId}`);
    await a.buyer.post(`/orders/${orderId}/signatures`, { termsHash: order.termsHash });
    const refused = await a.vendor
      .post(`/orders/${orderId}/signatures`, { termsHash: order.termsHash })
      .catch((e: ApiError) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ status: 422, body: { code: 'ORDERING.INSUFFICIENT_BUDGET' } });
    const after = await a.buyer.get<{ status: string; signatures: unknown[]; escrowBalance: string }>(
      `/orders/${orderId}`,
    );
    expect(after).toMatchObject({ status: 'DRAFT', escrowBalance: '0' });
    expect(after.signatures).toHaveLength(1);
    expect(await balance(`budget:${a.agencyOrgId}`)).toBe(budgetBefore);
  });

  it('rejects a signature over changed terms and a second signature by the same party', async () => {
    const solutionId = await listSolution(a);
    const { orderId } = await draftOrder(a, { solutionId, price: '1000' });
    await expect(a.buyer.post(`/orders/${orderId}/signatures`, { termsHash: '0'.repeat(64) })).rejects.toMatchObject({
      status: 409,
      body: { code: 'ORDERING.TERMS_CHANGED' },
    });
    const order = await a.buyer.get<{ termsHash: string }>(`/orders/${orderId}`);
    await a.buyer.post(`/orders/${orderId}/signatures`, { termsHash: order.termsHash });
    await expect(a.buyer.post(`/orders/${orderId}/signatures`, { termsHash: order.termsHash })).rejects.toMatchObject({
      status: 409,
      body: { code: 'ORDERING.ALREADY_SIGNED' },
    });
  });

  it('refuses an offer whose agreed baseline contradicts its committed target', async () => {
    const solutionId = await listSolution(a);
    const problem = await a.buyer.post<{ id: string }>('/problems', {
      titleVi: 'Tăng tỷ lệ hồ sơ trực tuyến',
      titleEn: 'Raise the online application share',
      categoryCode: 'giao-thong',
      budgetEnvelope: '1000000000',
      outcomeShareBp: 10_000,
      kpis: [
        {
          code: 'K1',
          nameVi: 'Tỷ lệ',
          nameEn: 'Share',
          unit: '%',
          direction: 'increase',
          target: '100',
          measurementPeriod: 'quarterly',
          dataSource: 'Cổng DVC',
        },
      ],
    });
    await a.buyer.post(`/problems/${problem.id}/publish`);
    const call = await a.buyer.post<{ id: string }>('/calls', {
      problemId: problem.id,
      deadline: new Date(Date.now() + 60_000).toISOString(),
    });
    const offer = { solutionId, price: '1000', durationDays: 30, rounds: 1 };
    await expect(
      a.vendor.post(`/calls/${call.id}/offers`, {
        ...offer,
        kpiCommitments: [{ kpiCode: 'K1', target: '100', baseline: '120' }],
      }),
    ).rejects.toMatchObject({
      status: 422,
      body: { code: 'COMPETITION.KPI_COMMITMENT_INVALID', details: { kpiCode: 'K1', baseline: '120' } },
    });
    await expect(
      a.vendor.post(`/calls/${call.id}/offers`, { ...offer, kpiCommitments: [{ kpiCode: 'K1', target: '100' }] }),
    ).rejects.toMatchObject({
      status: 422,
      body: { code: 'COMPETITION.KPI_COMMITMENT_INVALID', details: { field: 'baseline' } },
    });
  });
});

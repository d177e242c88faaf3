import request from 'supertest';
import {
  createActors,
  eventually,
  orderClosed,
  signBoth,
  signRecord,
  startSystem,
  uploadRound,
  publishedTrafficProblem,
  speedOffer,
  threeListedVendors,
  type Actors,
  type Created,
  type TestSystem,
} from '@app/test-support';

jest.setTimeout(180_000);

interface OrderShape {
  id: string;
  status: string;
  trial: boolean;
  maxAmount: string;
  vendorOrganisationId: string;
  escrowBalance: string;
  terms: { offerId: string; maxAmount: string; rounds: Array<{ no: number }>; kpis: Array<{ key: string }> };
}

interface Finalist {
  offerId: string;
  orderId: string;
  scoreRank: number;
  scoreTotal: number;
  maxAmount: string;
  paid: string | null;
  costEffectiveness: string | null;
  measured: Array<{ roundNo: number; kpis: Array<{ key: string; measured: string; attainment: string }> }> | null;
  comparisonRank: number | null;
  offerStatus: string;
  eliminationReason: string | null;
}

interface BakeOff {
  callId: string;
  status: string;
  proposedOfferId: string | null;
  awardedOfferId: string | null;
  awardJustification: string | null;
  finalists: Finalist[];
}

const TRIAL_BUDGET = '100000000';

/**
 * Tier 2, POC bake-off: the two best-scored offers each run a trial order on the same engine; the finalist that
 * measurably earned more per đồng of trial budget is proposed, even with the lower tier-2 score.
 */
describe('POC bake-off: finalists, trial orders, measured comparison, award', () => {
  let system: TestSystem;
  let a: Actors;
  const vendors: Array<{ actors: Actors; solutionId: string }> = [];

  beforeAll(async () => {
    system = await startSystem();
    a = await createActors(system.admin, 'poc');
    vendors.push(...(await threeListedVendors(a, 'poc')));
    await a.admin.post(`/budgets/${a.agencyOrgId}/allocations`, { amount: '2000000000', reference: 'QĐ-POC/2026' });
  });
  afterAll(() => system?.stop());

  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

  const publishedProblem = () =>
    publishedTrafficProblem(a, {
      titleVi: 'Giảm ùn tắc tại nút giao Kim Liên',
      titleEn: 'Reduce congestion at the Kim Lien junction',
      deadline: inDays(60),
    });

  it('runs trials for the finalists and proposes the better measured one over the better score', async () => {
    const problemId = await publishedProblem();
    const callWindowMs = 4000;
    const call = await a.buyer.post<Created>('/calls', {
      problemId,
      deadline: new Date(Date.now() + callWindowMs).toISOString(),
      awardMode: 'POC',
      pocFinalists: 2,
      pocTrialBudget: TRIAL_BUDGET,
    });
    const [va, vb, vc] = vendors;
    // A is cheapest (best tier-2 score), B commits to more, C is the most expensive and stays out of the final
    const offerA = await va.actors.vendor.post<Created>(
      `/calls/${call.id}/offers`,
      speedOffer(va.solutionId, '400000000', '45'),
    );
    const offerB = await vb.actors.vendor.post<Created>(
      `/calls/${call.id}/offers`,
      speedOffer(vb.solutionId, '700000000', '48'),
    );
    const offerC = await vc.actors.vendor.post<Created>(
      `/calls/${call.id}/offers`,
      speedOffer(vc.solutionId, '900000000', '45'),
    );
    await expect(a.buyer.post(`/calls/${call.id}/bake-off`, {})).rejects.toMatchObject({
      status: 409,
      body: { code: 'COMPETITION.CALL_STILL_OPEN' },
    });
    await new Promise((resolve) => setTimeout(resolve, callWindowMs + 100));

    const scores = await eventually(async () => {
      const res = await request(system.url).get(`/calls/${call.id}/scores`);
      return res.status === 200 ? (res.body as Array<{ offerId: string; rank: number; total: number }>) : undefined;
    }, 'scores');
    expect(scores.map((s) => s.offerId)).toEqual([offerA.id, offerB.id, offerC.id]);
    await expect(
      a.buyer.post(`/calls/${call.id}/award`, { offerId: offerA.id, disputeWindowSeconds: 0 }),
    ).rejects.toMatchObject({ status: 409, body: { code: 'COMPETITION.POC_NOT_DECIDED' } });
    await expect(va.actors.vendor.post(`/calls/${call.id}/bake-off`, {})).rejects.toMatchObject({ status: 403 });

    const budgetBefore = await a.buyer.get<{ available: string }>(`/budgets/${a.agencyOrgId}`);
    const trials = await a.buyer.post<OrderShape[]>(`/calls/${call.id}/bake-off`, {
      trialDays: 30,
      disputeWindowSeconds: 0,
    });
    expect(trials.map((t) => [t.terms.offerId, t.trial, t.status, t.maxAmount]).sort()).toEqual(
      [
        [offerA.id, true, 'DRAFT', TRIAL_BUDGET],
        [offerB.id, true, 'DRAFT', TRIAL_BUDGET],
      ].sort(),
    );
    expect(trials.every((t) => t.terms.rounds.length === 1)).toBe(true);
    await expect(a.buyer.post(`/calls/${call.id}/bake-off`, {})).rejects.toMatchObject({
      status: 409,
      body: { code: 'COMPETITION.INVALID_TRANSITION' },
    });
    const offers = await a.buyer.get<Array<{ id: string; status: string }>>(`/calls/${call.id}/offers`);
    expect(Object.fromEntries(offers.map((o) => [o.id, o.status]))).toEqual({
      [offerA.id]: 'FINALIST',
      [offerB.id]: 'FINALIST',
      [offerC.id]: 'NOT_AWARDED',
    });
    // before the award the comparison is the buyer's only
    await request(system.url).get(`/calls/${call.id}/bake-off`).expect(404);

    const trialOf = (offerId: string) => trials.find((t) => t.terms.offerId === offerId)!;
    const measuredBy = new Map([
      [offerA.id, { actors: va.actors, value: '39' }], // 60 % of A's committed improvement (30 → 45)
      [offerB.id, { actors: vb.actors, value: '48' }], // B's commitment (30 → 48) fully met
    ]);
    for (const [offerId, { actors }] of measuredBy) {
      const signed = await signBoth(actors, trialOf(offerId).id);
      expect(signed).toMatchObject({ status: 'ACTIVE', escrowBalance: TRIAL_BUDGET });
    }
    const budgetDuring = await a.buyer.get<{ available: string }>(`/budgets/${a.agencyOrgId}`);
    expect(BigInt(budgetBefore.available) - BigInt(budgetDuring.available)).toBe(2n * BigInt(TRIAL_BUDGET));

    for (const [offerId, { value }] of measuredBy) {
      await uploadRound(a, trialOf(offerId).id, 1, [value]);
      await signRecord(a, trialOf(offerId).id, 1);
    }
    for (const offerId of measuredBy.keys()) await orderClosed(a.buyer, trialOf(offerId).id);

    const proposed = await eventually(async () => {
      const view = await a.buyer.get<BakeOff>(`/calls/${call.id}/bake-off`);
      return view.status === 'POC_PROPOSED' ? view : undefined;
    }, 'bake-off concluded');
    expect(proposed.proposedOfferId).toBe(offerB.id);
    expect(proposed.finalists).toEqual([
      expect.objectContaining({
        offerId: offerB.id,
        orderId: trialOf(offerB.id).id,
        scoreRank: 2,
        maxAmount: TRIAL_BUDGET,
        paid: TRIAL_BUDGET,
        costEffectiveness: '1',
        comparisonRank: 1,
        offerStatus: 'FINALIST',
        eliminationReason: null,
        measured: [
          { roundNo: 1, kpis: [expect.objectContaining({ key: 'K1', measured: '48', attainment: '1.0000' })] },
        ],
      }),
      expect.objectContaining({
        offerId: offerA.id,
        scoreRank: 1,
        paid: '60000000',
        costEffectiveness: '3/5',
        comparisonRank: 2,
        offerStatus: 'ELIMINATED',
        eliminationReason: expect.stringContaining('60 %'),
      }),
    ]);
    expect(proposed.finalists[1].scoreTotal).toBeGreaterThan(proposed.finalists[0].scoreTotal);
    await request(system.url).get(`/calls/${call.id}/bake-off`).expect(404);

    await expect(
      a.buyer.post(`/calls/${call.id}/award`, { offerId: offerA.id, disputeWindowSeconds: 0 }),
    ).rejects.toMatchObject({ status: 422, body: { code: 'COMPETITION.JUSTIFICATION_REQUIRED' } });
    await expect(
      a.buyer.post(`/calls/${call.id}/award`, {
        offerId: offerC.id,
        justification: 'Không vào vòng cuối.',
        disputeWindowSeconds: 0,
      }),
    ).rejects.toMatchObject({ status: 422, body: { code: 'COMPETITION.NOT_A_FINALIST' } });
    const main = await a.buyer.post<OrderShape>(`/calls/${call.id}/award`, {
      offerId: offerB.id,
      disputeWindowSeconds: 0,
    });
    expect(main).toMatchObject({ status: 'DRAFT', trial: false, maxAmount: '700000000' });
    expect(main.terms.offerId).toBe(offerB.id);

    const published = (await request(system.url).get(`/calls/${call.id}/bake-off`).expect(200)).body as BakeOff;
    expect(published).toMatchObject({ status: 'AWARDED', proposedOfferId: offerB.id, awardedOfferId: offerB.id });
    expect(published.finalists.map((f) => [f.offerId, f.offerStatus, f.paid])).toEqual([
      [offerB.id, 'AWARDED', TRIAL_BUDGET],
      [offerA.id, 'ELIMINATED', '60000000'],
    ]);
    const finalOffers = await a.buyer.get<Array<{ id: string; status: string }>>(`/calls/${call.id}/offers`);
    expect(Object.fromEntries(finalOffers.map((o) => [o.id, o.status]))).toEqual({
      [offerA.id]: 'ELIMINATED',
      [offerB.id]: 'AWARDED',
      [offerC.id]: 'NOT_AWARDED',
    });

    // the order simulator runs the same formula as the offer's: same terms, same amounts
    const levels = 'levels=0,0.5,0.8,1';
    const ofOrder = await a.buyer.get(`/orders/${main.id}/payout-simulation?${levels}`);
    const ofOffer = await vb.actors.vendor.get(`/offers/${offerB.id}/payout-simulation?${levels}`);
    expect(ofOrder).toEqual(ofOffer);
    expect(await a.buyer.get(`/orders/${trialOf(offerB.id).id}/payout-simulation?levels=0.5,1`)).toEqual([
      { level: 0.5, delivery: '0', perRound: ['50000000'], total: '50000000', perKpi: { K1: '50000000' } },
      { level: 1, delivery: '0', perRound: [TRIAL_BUDGET], total: TRIAL_BUDGET, perKpi: { K1: TRIAL_BUDGET } },
    ]);
    await expect(vc.actors.vendor.get(`/orders/${main.id}/payout-simulation`)).rejects.toMatchObject({ status: 404 });
  });

  it('refuses a bake-off on a direct call and trial budgets beyond the envelope', async () => {
    const problemId = await publishedProblem();
    const deadline = new Date(Date.now() + 60_000).toISOString();
    await expect(
      a.buyer.post('/calls', { problemId, deadline, awardMode: 'POC', pocFinalists: 3, pocTrialBudget: '400000000' }),
    ).rejects.toMatchObject({ status: 400, body: { code: 'COMPETITION.POC_SETTINGS_INVALID' } });
    const direct = await a.buyer.post<Created>('/calls', { problemId, deadline });
    await expect(a.buyer.post(`/calls/${direct.id}/bake-off`, {})).rejects.toMatchObject({
      status: 409,
      body: { code: 'COMPETITION.NOT_A_POC_CALL' },
    });
  });
});

import request from 'supertest';
import {
  MarketplaceClient,
  createActors,
  draftOrder,
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
import { ocdsErrors } from '../fixtures/ocds/validate';

jest.setTimeout(180_000);

interface OrderShape {
  id: string;
  status: string;
  trial: boolean;
  maxAmount: string;
  vendorOrganisationId: string;
  escrowBalance: string;
  termsHash: string;
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
  trialStatus: string;
  signBy: string;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
}

interface Notice {
  kind: string;
  subjectId: string;
  messageVi: string;
  messageEn: string;
  data: Record<string, unknown>;
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
const DAY = 86_400;
const NOT_SIGNED_IN_TIME = 'Không ký trong thời hạn. / Not signed in time.';

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

  const noticeOf = (vendor: MarketplaceClient, kind: string, trialOrderId: string) =>
    eventually(
      async () =>
        (await vendor.get<Notice[]>('/notifications')).find((n) => n.kind === kind && n.subjectId === trialOrderId),
      `${kind} notice of ${trialOrderId}`,
    );

  /**
   * A POC call for two finalists with three offers, still open: A is cheapest (best tier-2 score), B commits to
   * more, C is the most expensive and stays out of the final. `closed` resolves once its deadline has passed.
   */
  async function pocCallWithOffers(callWindowMs: number) {
    const problemId = await publishedProblem();
    const call = await a.buyer.post<Created>('/calls', {
      problemId,
      deadline: new Date(Date.now() + callWindowMs).toISOString(),
      awardMode: 'POC',
      pocFinalists: 2,
      pocTrialBudget: TRIAL_BUDGET,
    });
    const [va, vb, vc] = vendors;
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
    const closed = new Promise((resolve) => setTimeout(resolve, callWindowMs + 100));
    return { problemId, call, offerA, offerB, offerC, closed };
  }

  /** B's signed trial measures 48 km/h and closes; the bake-off then concludes among the trials not withdrawn. */
  async function trialBConcludes(callId: string, trialB: string) {
    await uploadRound(a, trialB, 1, ['48']);
    await signRecord(a, trialB, 1);
    await orderClosed(a.buyer, trialB);
    return eventually(async () => {
      const view = await a.buyer.get<BakeOff>(`/calls/${callId}/bake-off`);
      return view.status === 'POC_PROPOSED' ? view : undefined;
    }, 'bake-off concluded');
  }

  /** A POC call with two finalists (A, B; C declined), past its deadline, its bake-off started. */
  async function startedBakeOff(options: Record<string, unknown> = {}) {
    const { problemId, call, offerA, offerB, closed } = await pocCallWithOffers(3000);
    await closed;
    const trials = await a.buyer.post<OrderShape[]>(`/calls/${call.id}/bake-off`, {
      disputeWindowSeconds: 0,
      ...options,
    });
    const trialOf = (offerId: string) => trials.find((t) => t.terms.offerId === offerId)!;
    return {
      problemId,
      callId: call.id,
      offerA: offerA.id,
      offerB: offerB.id,
      trialA: trialOf(offerA.id),
      trialB: trialOf(offerB.id),
    };
  }

  it('runs trials for the finalists and proposes the better measured one over the better score', async () => {
    const { call, offerA, offerB, offerC, closed } = await pocCallWithOffers(4000);
    const [va, vb, vc] = vendors;
    await expect(a.buyer.post(`/calls/${call.id}/bake-off`, {})).rejects.toMatchObject({
      status: 409,
      body: { code: 'COMPETITION.CALL_STILL_OPEN' },
    });
    await closed;

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
    const trialOf = (offerId: string) => trials.find((t) => t.terms.offerId === offerId)!;
    expect(trials.map((t) => [t.terms.offerId, t.trial, t.status, t.maxAmount]).sort()).toEqual(
      [
        [offerA.id, true, 'DRAFT', TRIAL_BUDGET],
        [offerB.id, true, 'DRAFT', TRIAL_BUDGET],
      ].sort(),
    );
    expect(trials.every((t) => t.terms.rounds.length === 1)).toBe(true);
    const signBy = Date.now() + 14 * DAY * 1000;
    for (const [vendor, offerId] of [
      [va, offerA.id],
      [vb, offerB.id],
    ] as const) {
      const notice = await noticeOf(vendor.actors.vendor, 'bake-off-started', trialOf(offerId).id);
      expect(notice.data).toMatchObject({ callId: call.id, offerId, trialBudget: TRIAL_BUDGET });
      expect(Math.abs(Date.parse(notice.data.signBy as string) - signBy)).toBeLessThan(60_000);
      expect(notice.messageVi).toContain('kinh phí thử nghiệm 100.000.000 đ');
      expect(notice.messageVi).toContain(trialOf(offerId).id);
      expect(notice.messageEn).toContain('Sign it by');
    }
    expect(
      (await vc.actors.vendor.get<Notice[]>('/notifications')).filter((n) => n.kind.startsWith('bake-off')),
    ).toEqual([]);
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
        trialStatus: 'COMPARED',
        withdrawnAt: null,
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
    const proposedNotice = await noticeOf(vb.actors.vendor, 'bake-off-concluded', trialOf(offerB.id).id);
    expect(proposedNotice.data).toMatchObject({ outcome: 'PROPOSED', paid: TRIAL_BUDGET, callStatus: 'POC_PROPOSED' });
    expect(proposedNotice.messageVi).toContain('được đề xuất trao thầu, hiệu quả chi phí đo được 100 %');
    const eliminatedNotice = await noticeOf(va.actors.vendor, 'bake-off-concluded', trialOf(offerA.id).id);
    expect(eliminatedNotice.data).toMatchObject({ outcome: 'ELIMINATED', paid: '60000000', maxAmount: TRIAL_BUDGET });
    expect(eliminatedNotice.messageVi).toContain(
      'bị loại, hiệu quả chi phí đo được 60 % (đã trả 60.000.000 đ / 100.000.000 đ)',
    );
    expect(eliminatedNotice.messageEn).toContain('eliminated, measured cost-effectiveness 60 %');
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

  it('cancels a draft trial order: its finalist withdraws and the others are compared', async () => {
    const { callId, offerA, offerB, trialA, trialB } = await startedBakeOff();
    const [va, vb] = vendors;
    const budgetBefore = await a.buyer.get<{ available: string }>(`/budgets/${a.agencyOrgId}`);
    const other = await createActors(system.admin, 'poc-other');
    const reason = 'Nhà cung cấp không bố trí được thiết bị. / The vendor cannot provide the equipment.';

    await expect(va.actors.vendor.post(`/orders/${trialA.id}/cancellation`, { reason })).rejects.toMatchObject({
      status: 403,
    });
    await expect(other.buyer.post(`/orders/${trialA.id}/cancellation`, { reason })).rejects.toMatchObject({
      status: 404,
      body: { code: 'ORDERING.ORDER_NOT_FOUND' },
    });
    await expect(a.buyer.post(`/orders/${trialA.id}/cancellation`, {})).rejects.toMatchObject({ status: 400 });
    await expect(a.buyer.post(`/orders/${trialA.id}/cancellation`, { reason: 'no' })).rejects.toMatchObject({
      status: 400,
    });
    const cancelled = await a.buyer.post<OrderShape & { cancelledAt: string; cancellationReason: string }>(
      `/orders/${trialA.id}/cancellation`,
      { reason },
    );
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancellationReason: reason, escrowBalance: '0' });
    expect(cancelled.cancelledAt).toEqual(expect.any(String));
    await expect(a.buyer.post(`/orders/${trialA.id}/cancellation`, { reason })).rejects.toMatchObject({
      status: 409,
      body: { code: 'ORDERING.ORDER_NOT_CANCELLABLE', details: { status: 'CANCELLED' } },
    });
    await expect(
      a.buyer.post(`/orders/${trialA.id}/signatures`, { termsHash: cancelled.termsHash }),
    ).rejects.toMatchObject({ status: 409, body: { code: 'ORDERING.ORDER_NOT_SIGNABLE' } });
    expect(await a.buyer.get(`/budgets/${a.agencyOrgId}`)).toEqual(budgetBefore);

    const during = await a.buyer.get<BakeOff>(`/calls/${callId}/bake-off`);
    expect(during.status).toBe('POC_TRIAL');
    expect(during.finalists.map((f) => [f.offerId, f.trialStatus, f.offerStatus, f.withdrawalReason])).toEqual([
      [offerB, 'RUNNING', 'FINALIST', null],
      [offerA, 'WITHDRAWN', 'NOT_AWARDED', reason],
    ]);

    await signBoth(vb.actors, trialB.id);
    await expect(a.buyer.post(`/orders/${trialB.id}/cancellation`, { reason })).rejects.toMatchObject({
      status: 409,
      body: { code: 'ORDERING.ORDER_NOT_CANCELLABLE', details: { status: 'ACTIVE' } },
    });
    const proposed = await trialBConcludes(callId, trialB.id);
    expect(proposed.proposedOfferId).toBe(offerB);
    expect(proposed.finalists.map((f) => [f.offerId, f.trialStatus, f.comparisonRank, f.paid])).toEqual([
      [offerB, 'COMPARED', 1, TRIAL_BUDGET],
      [offerA, 'WITHDRAWN', null, null],
    ]);
    const withdrawn = await noticeOf(va.actors.vendor, 'bake-off-concluded', trialA.id);
    expect(withdrawn.data).toMatchObject({ outcome: 'WITHDRAWN', reason, paid: null });
    expect(withdrawn.messageVi).toContain('bạn đã rời vòng POC vì đơn hàng thử nghiệm bị hủy khi chưa ký');
    expect((await noticeOf(vb.actors.vendor, 'bake-off-concluded', trialB.id)).data).toMatchObject({
      outcome: 'PROPOSED',
    });
    await expect(
      a.buyer.post(`/calls/${callId}/award`, { offerId: offerA, justification: 'Rút lui.', disputeWindowSeconds: 0 }),
    ).rejects.toMatchObject({ status: 422, body: { code: 'COMPETITION.NOT_A_FINALIST' } });
  });

  it('ends the bake-off without a proposal when every finalist withdrew; the agency opens a new call', async () => {
    const { problemId, callId, offerA, offerB, trialA, trialB } = await startedBakeOff();
    await a.buyer.post(`/orders/${trialA.id}/cancellation`, { reason: 'Đổi phạm vi thử nghiệm. / Scope changed.' });
    await a.admin.post(`/orders/${trialB.id}/cancellation`, { reason: 'Hủy theo yêu cầu. / Cancelled on request.' });
    const ended = await eventually(async () => {
      const view = await a.buyer.get<BakeOff>(`/calls/${callId}/bake-off`);
      return view.status === 'CANCELLED' ? view : undefined;
    }, 'bake-off ended');
    expect(ended.proposedOfferId).toBeNull();
    expect(ended.finalists.map((f) => [f.offerId, f.trialStatus, f.offerStatus])).toEqual([
      [offerA, 'WITHDRAWN', 'NOT_AWARDED'],
      [offerB, 'WITHDRAWN', 'NOT_AWARDED'],
    ]);
    expect((await noticeOf(vendors[1].actors.vendor, 'bake-off-concluded', trialB.id)).data).toMatchObject({
      outcome: 'WITHDRAWN',
      callStatus: 'CANCELLED',
      reason: 'Hủy theo yêu cầu. / Cancelled on request.',
    });
    await expect(
      a.buyer.post(`/calls/${callId}/award`, { offerId: offerA, justification: 'Rút lui.', disputeWindowSeconds: 0 }),
    ).rejects.toMatchObject({ status: 409 });
    const next = await a.buyer.post<Created>('/calls', {
      problemId,
      deadline: new Date(Date.now() + 60_000).toISOString(),
      awardMode: 'POC',
      pocFinalists: 2,
      pocTrialBudget: TRIAL_BUDGET,
    });
    expect(next.id).toEqual(expect.any(String));
  });

  it('cancels any draft order: the published award is cancelled and no contract or money appears', async () => {
    const budgetBefore = await a.buyer.get<{ available: string }>(`/budgets/${a.agencyOrgId}`);
    const { orderId, callId } = await draftOrder(a, { solutionId: vendors[0].solutionId, price: '300000000' });
    const cancelled = await a.admin.post<OrderShape>(`/orders/${orderId}/cancellation`, {
      reason: 'Cơ quan điều chỉnh phạm vi. / The agency changed the scope.',
    });
    expect(cancelled).toMatchObject({ status: 'CANCELLED', trial: false, escrowBalance: '0' });
    await expect(
      a.vendor.post(`/orders/${orderId}/signatures`, { termsHash: cancelled.termsHash }),
    ).rejects.toMatchObject({ status: 409, body: { code: 'ORDERING.ORDER_NOT_SIGNABLE' } });
    expect(await a.buyer.get(`/budgets/${a.agencyOrgId}`)).toEqual(budgetBefore);
    const pkg = (await request(system.url).get(`/public/ocds/packages/ocds-hnccds-${callId}`).expect(200)).body as {
      releases: Array<{ tag: string[]; awards?: Array<{ status: string }> }>;
    };
    expect(ocdsErrors(pkg)).toEqual([]);
    expect(pkg.releases.map((r) => r.tag)).toEqual([['tender'], ['award']]);
    expect(pkg.releases[1].awards![0].status).toBe('cancelled');
    const published = (await request(system.url).get('/public/orders?limit=100').expect(200)).body as {
      items: Array<{ id: string }>;
    };
    expect(published.items.map((o) => o.id)).not.toContain(orderId);
  });

  // last: it shifts the worker's clock
  it('cancels trial orders still unsigned past their sign-by date; the signed one is compared', async () => {
    const { callId, offerA, offerB, trialA, trialB } = await startedBakeOff({ signWithinDays: 2 });
    const [va, vb] = vendors;
    const started = await a.buyer.get<BakeOff>(`/calls/${callId}/bake-off`);
    expect(Math.abs(Date.parse(started.finalists[0].signBy) - (Date.now() + 2 * DAY * 1000))).toBeLessThan(60_000);
    await expect(a.buyer.post(`/calls/${callId}/bake-off`, { signWithinDays: 61 })).rejects.toMatchObject({
      status: 400,
    });
    await signBoth(vb.actors, trialB.id);
    await a.buyer.post(`/orders/${trialA.id}/signatures`, {
      termsHash: (await a.buyer.get<{ termsHash: string }>(`/orders/${trialA.id}`)).termsHash,
    });
    await system.restartWorker({ CLOCK_OFFSET_SECONDS: String(2 * DAY + 60) });

    const expired = await eventually(async () => {
      const order = await a.buyer.get<{ status: string; cancellationReason: string | null }>(`/orders/${trialA.id}`);
      return order.status === 'CANCELLED' ? order : undefined;
    }, 'unsigned trial order cancelled');
    expect(expired.cancellationReason).toBe(NOT_SIGNED_IN_TIME);
    expect((await a.buyer.get<{ status: string }>(`/orders/${trialB.id}`)).status).toBe('ACTIVE');
    // the bake-off concludes only once the signed trial order closes
    expect((await a.buyer.get<BakeOff>(`/calls/${callId}/bake-off`)).status).toBe('POC_TRIAL');

    const proposed = await trialBConcludes(callId, trialB.id);
    expect(proposed.proposedOfferId).toBe(offerB);
    expect(proposed.finalists.map((f) => [f.offerId, f.trialStatus, f.withdrawalReason])).toEqual([
      [offerB, 'COMPARED', null],
      [offerA, 'WITHDRAWN', NOT_SIGNED_IN_TIME],
    ]);
    expect((await noticeOf(va.actors.vendor, 'bake-off-concluded', trialA.id)).data).toMatchObject({
      outcome: 'WITHDRAWN',
      reason: NOT_SIGNED_IN_TIME,
    });
  });
});

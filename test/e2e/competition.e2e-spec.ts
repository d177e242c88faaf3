import request from 'supertest';
import {
  ApiError,
  createActors,
  eventually,
  listSolution,
  startSystem,
  publishedTrafficProblem,
  SPEED_KPI,
  speedOffer,
  threeListedVendors,
  type Actors,
  type Created,
  type TestSystem,
  inboxOf,
} from '@app/test-support';

jest.setTimeout(120_000);

interface Score {
  offerId: string;
  rank: number;
  total: number;
  priceScore: number;
  effectScore: number;
  trustScore: number;
  inputs: { trust: { value: number; source: string } };
}

/** Tier 2: a call with three offers from listed vendors, sealed until the deadline, scored with its breakdown. */
describe('competition: calls, sealed offers, trust-adjusted scoring, award', () => {
  let system: TestSystem;
  let a: Actors;
  const vendors: Array<{ actors: Actors; solutionId: string }> = [];

  beforeAll(async () => {
    system = await startSystem();
    a = await createActors(system.admin, 'tier2');
    vendors.push(...(await threeListedVendors(a, 'sales')));
  });
  afterAll(() => system?.stop());

  const publishedProblem = (outcomeShareBp?: number) =>
    publishedTrafficProblem(a, {
      titleVi: 'Giảm ùn tắc tại nút giao Ngã Tư Sở',
      titleEn: 'Reduce congestion at the Nga Tu So junction',
      scale: 'PILOT',
      outcomeShareBp,
    });

  it('runs a call end to end with sealed offers, scores with breakdown and a justified award', async () => {
    const problemId = await publishedProblem();
    const call = await a.buyer.post<Created & { eligibleSolutionIds: string[] }>('/calls', {
      problemId,
      deadline: new Date(Date.now() + 4000).toISOString(),
    });
    expect(call.eligibleSolutionIds).toEqual(expect.arrayContaining(vendors.map((v) => v.solutionId)));

    const [va, vb, vc] = vendors;
    for (const { actors } of vendors) {
      const inbox = await eventually(async () => {
        const items = await inboxOf<{ kind: string; subjectId: string; messageVi: string }>(actors.vendor);
        return items.some((n) => n.subjectId === call.id) ? items : undefined;
      }, 'call-opened notification');
      expect(inbox.find((n) => n.subjectId === call.id)).toMatchObject({
        kind: 'call-opened',
        messageVi: expect.stringContaining('Ngã Tư Sở'),
      });
    }
    const offerA = await va.actors.vendor.post<Created>(
      `/calls/${call.id}/offers`,
      speedOffer(va.solutionId, '800000000', '45'),
    );
    const firstB = await vb.actors.vendor.post<Created>(
      `/calls/${call.id}/offers`,
      speedOffer(vb.solutionId, '900000000', '45'),
    );
    const offerB = await vb.actors.vendor.request<Created>(
      'PUT',
      `/offers/${firstB.id}`,
      speedOffer(vb.solutionId, '600000000', '48'),
    );
    const firstC = await vc.actors.vendor.post<Created>(
      `/calls/${call.id}/offers`,
      speedOffer(vc.solutionId, '500000000', '45'),
    );
    await vc.actors.vendor.post(`/offers/${firstC.id}/withdraw`);
    const offerC = await vc.actors.vendor.post<Created>(
      `/calls/${call.id}/offers`,
      speedOffer(vc.solutionId, '400000000', '45'),
    );

    // sealed: the buyer sees nothing and a vendor only its own offers before the deadline
    await expect(a.buyer.get(`/calls/${call.id}/offers`)).rejects.toMatchObject({
      status: 409,
      body: { code: 'COMPETITION.CALL_STILL_OPEN' },
    });
    expect(
      (await vb.actors.vendor.get<Array<{ id: string }>>(`/calls/${call.id}/offers`)).map((o) => o.id).sort(),
    ).toEqual([firstB.id, offerB.id].sort());
    await request(system.url).get(`/calls/${call.id}/scores`).expect(409);

    // clarifications: answered ones are public, without who asked
    const question = await vb.actors.vendor.post<Created>(`/calls/${call.id}/clarifications`, {
      question: 'Dữ liệu camera có sẵn từ tháng nào?',
    });
    expect((await request(system.url).get(`/calls/${call.id}/clarifications`).expect(200)).body).toEqual([]);
    await a.buyer.post(`/calls/${call.id}/clarifications/${question.id}/answer`, {
      answer: 'Từ tháng 01/2026, cập nhật mỗi 15 phút.',
    });
    const published = (await request(system.url).get(`/calls/${call.id}/clarifications`).expect(200)).body as Array<{
      answer: string;
      askedByOrganisationId: string;
    }>;
    expect(published).toEqual([
      expect.objectContaining({ answer: 'Từ tháng 01/2026, cập nhật mỗi 15 phút.', askedByOrganisationId: '' }),
    ]);

    await new Promise((resolve) => setTimeout(resolve, 4200));
    await expect(
      va.actors.vendor.post(`/calls/${call.id}/offers`, speedOffer(va.solutionId, '700000000', '45')),
    ).rejects.toMatchObject({ status: 409, body: { code: 'COMPETITION.CALL_CLOSED' } });

    // the worker scores the call once its deadline has passed
    await eventually(
      async () =>
        (await a.buyer.get<{ status: string }>(`/calls/${call.id}`)).status === 'EVALUATED' ? true : undefined,
      'call evaluated',
    );
    const scores = (await request(system.url).get(`/calls/${call.id}/scores`).expect(200)).body as Score[];
    expect(scores).toHaveLength(3);
    const trust = scores[0].inputs.trust.value;
    expect(scores.every((s) => s.inputs.trust.source === 'prior' && s.trustScore === trust)).toBe(true);
    // price score = lowest / price; effect = improvement / best, with B committing 48 (18/15 = 1.2) against 45 (1)
    const expected = [
      { offerId: offerC.id, priceScore: 1, effectScore: 1 / 1.2 },
      { offerId: offerB.id, priceScore: 400 / 600, effectScore: 1 },
      { offerId: offerA.id, priceScore: 400 / 800, effectScore: 1 / 1.2 },
    ].map((e) => ({ ...e, total: 0.4 * e.priceScore + 0.4 * e.effectScore + 0.2 * trust }));
    expected.sort((x, y) => y.total - x.total);
    expect(scores.map((s) => s.offerId)).toEqual(expected.map((e) => e.offerId));
    scores.forEach((s, i) => {
      expect(s.rank).toBe(i + 1);
      expect(s.total).toBeCloseTo(expected[i].total, 9);
      expect(s.priceScore).toBeCloseTo(expected[i].priceScore, 9);
      expect(s.effectScore).toBeCloseTo(expected[i].effectScore, 9);
    });

    // awarding anything but the top score needs a public justification
    const runnerUp = scores[1].offerId;
    const refused = await a.buyer.post(`/calls/${call.id}/award`, { offerId: runnerUp }).catch((e: ApiError) => e);
    expect(refused).toMatchObject({ status: 422, body: { code: 'COMPETITION.JUSTIFICATION_REQUIRED' } });
    await a.buyer.post(`/calls/${call.id}/award`, {
      offerId: runnerUp,
      justification: 'Cam kết tốc độ cao hơn, phù hợp mục tiêu giảm ùn tắc.',
    });
    const awarded = (await request(system.url).get(`/calls/${call.id}`).expect(200)).body as {
      status: string;
      awardedOfferId: string;
      awardJustification: string;
    };
    expect(awarded).toMatchObject({
      status: 'AWARDED',
      awardedOfferId: runnerUp,
      awardJustification: 'Cam kết tốc độ cao hơn, phù hợp mục tiêu giảm ùn tắc.',
    });
  });

  it('simulates the payout of an offer with the settlement formula', async () => {
    // 90 % payable by results: a 10 % delivery share is the most an offer may propose
    const problemId = await publishedProblem(9000);
    const call = await a.buyer.post<Created>('/calls', {
      problemId,
      deadline: new Date(Date.now() + 60_000).toISOString(),
    });
    const [va] = vendors;
    await expect(
      va.actors.vendor.post(`/calls/${call.id}/offers`, {
        ...speedOffer(va.solutionId, '600000000', '45'),
        deliveryShareBp: 1001,
      }),
    ).rejects.toMatchObject({
      status: 422,
      body: { code: 'COMPETITION.DELIVERY_SHARE_TOO_HIGH', details: { maximum: 1000 } },
    });
    const created = await va.actors.vendor.post<Created>(`/calls/${call.id}/offers`, {
      ...speedOffer(va.solutionId, '600000000', '45'),
      rounds: 2,
      deliveryShareBp: 1000,
    });
    const simulation = await va.actors.vendor.get<
      Array<{ level: number; delivery: string; perRound: string[]; total: string; perKpi: Record<string, string> }>
    >(`/offers/${created.id}/payout-simulation?levels=0,0.4,0.8,1`);
    // d = 10 % paid on delivery (60,000,000); each round can earn 0.9 × 600,000,000 × 0.5 = 270,000,000 × f(a)
    expect(simulation).toEqual([
      { level: 0, delivery: '60000000', perRound: ['0', '0'], total: '60000000', perKpi: { K1: '0' } },
      { level: 0.4, delivery: '60000000', perRound: ['0', '0'], total: '60000000', perKpi: { K1: '0' } },
      {
        level: 0.8,
        delivery: '60000000',
        perRound: ['216000000', '216000000'],
        total: '492000000',
        perKpi: { K1: '432000000' },
      },
      {
        level: 1,
        delivery: '60000000',
        perRound: ['270000000', '270000000'],
        total: '600000000',
        perKpi: { K1: '540000000' },
      },
    ]);
    await expect(a.buyer.get(`/offers/${created.id}/payout-simulation`)).rejects.toMatchObject({ status: 404 });
  });

  const weightedKpis = (k1?: number, k2?: number) => [
    { ...SPEED_KPI, ...(k1 === undefined ? {} : { weightBp: k1 }) },
    {
      code: 'K2',
      nameVi: 'Thời gian chờ đèn đỏ',
      nameEn: 'Red-light waiting time',
      unit: 's',
      direction: 'decrease',
      baseline: '90',
      target: '60',
      measurementPeriod: 'quarterly',
      dataSource: 'Camera',
      ...(k2 === undefined ? {} : { weightBp: k2 }),
    },
  ];
  const weightedProblem = (k1?: number, k2?: number) => ({
    titleVi: 'Giảm ùn tắc và thời gian chờ tại nút giao Kim Liên',
    titleEn: 'Reduce congestion and waiting at the Kim Lien junction',
    categoryCode: 'giao-thong',
    budgetEnvelope: '1000000000',
    outcomeShareBp: 10_000,
    kpis: weightedKpis(k1, k2),
  });

  it('carries the buyer’s KPI weights and the vendor’s round shares into the order and its payouts', async () => {
    await expect(a.buyer.post('/problems', weightedProblem(7000, 2000))).rejects.toMatchObject({
      status: 422,
      body: {
        code: 'PROBLEMS.KPI_WEIGHTS_INVALID',
        details: { field: 'kpis[].weightBp', weighted: 2, kpis: 2, sum: 9000 },
      },
    });
    await expect(a.buyer.post('/problems', weightedProblem(10_000))).rejects.toMatchObject({
      status: 422,
      body: { code: 'PROBLEMS.KPI_WEIGHTS_INVALID', details: { weighted: 1, kpis: 2, sum: 10_000 } },
    });
    const problem = await a.buyer.post<Created>('/problems', weightedProblem(7000, 3000));
    await a.buyer.post(`/problems/${problem.id}/publish`);
    const shown = await a.buyer.get<{ kpis: Array<{ code: string; weightBp: number | null }> }>(
      `/problems/${problem.id}`,
    );
    expect(shown.kpis.map((k) => [k.code, k.weightBp])).toEqual([
      ['K1', 7000],
      ['K2', 3000],
    ]);
    const publicProblems = (await request(system.url).get('/public/problems?limit=500').expect(200)).body as {
      items: Array<{ id: string; kpis: Array<{ code: string; weightBp: number | null }> }>;
    };
    expect(publicProblems.items.find((p) => p.id === problem.id)?.kpis.map((k) => k.weightBp)).toEqual([7000, 3000]);

    const deadline = Date.now() + 5000;
    const call = await a.buyer.post<Created>('/calls', {
      problemId: problem.id,
      deadline: new Date(deadline).toISOString(),
    });
    const [va] = vendors;
    const offer = (roundSharesBp?: number[]) => ({
      solutionId: va.solutionId,
      price: '600000000',
      kpiCommitments: [
        { kpiCode: 'K1', target: '45' },
        { kpiCode: 'K2', target: '60' },
      ],
      durationDays: 90,
      rounds: 3,
      ...(roundSharesBp ? { roundSharesBp } : {}),
    });
    for (const [shares, details] of [
      [[5000, 5000], { length: 2, rounds: 3, sum: 10_000 }],
      [[2000, 3000, 4000], { length: 3, sum: 9000 }],
      [[0, 5000, 5000], { minimum: 0, sum: 10_000 }],
    ] as const) {
      await expect(va.actors.vendor.post(`/calls/${call.id}/offers`, offer([...shares]))).rejects.toMatchObject({
        status: 422,
        body: { code: 'COMPETITION.ROUND_SHARES_INVALID', details: { field: 'roundSharesBp', ...details } },
      });
    }
    const created = await va.actors.vendor.post<Created & { roundSharesBp: number[] }>(
      `/calls/${call.id}/offers`,
      offer([2000, 3000, 5000]),
    );
    expect(created.roundSharesBp).toEqual([2000, 3000, 5000]);

    type Level = { level: number; perRound: string[]; total: string; perKpi: Record<string, string> };
    // at 80 % attainment f(a) = 0.8: round 3 earns 600,000,000 × 50 % × 0.8 = 240,000,000;
    // K1 alone earns 600,000,000 × 70 % × 0.8 = 336,000,000 over the rounds, K2 alone 600,000,000 × 30 % × 0.8
    const expected: Level[] = [
      {
        level: 0.8,
        perRound: ['96000000', '144000000', '240000000'],
        total: '480000000',
        perKpi: { K1: '336000000', K2: '144000000' },
      },
    ];
    expect(await va.actors.vendor.get<Level[]>(`/offers/${created.id}/payout-simulation?levels=0.8`)).toMatchObject(
      expected,
    );

    await new Promise((resolve) => setTimeout(resolve, deadline - Date.now() + 200));
    await eventually(
      async () =>
        (await a.buyer.get<{ status: string }>(`/calls/${call.id}`)).status === 'EVALUATED' ? true : undefined,
      'call evaluated',
    );
    const order = await a.buyer.post<Created>(`/calls/${call.id}/award`, { offerId: created.id });
    const terms = (
      await a.buyer.get<{
        terms: { kpis: Array<{ key: string; weightBp: number }>; rounds: Array<{ no: number; shareBp: number }> };
      }>(`/orders/${order.id}`)
    ).terms;
    expect(terms.kpis.map((k) => [k.key, k.weightBp])).toEqual([
      ['K1', 7000],
      ['K2', 3000],
    ]);
    expect(terms.rounds.map((r) => r.shareBp)).toEqual([2000, 3000, 5000]);
    expect(await a.buyer.get<Level[]>(`/orders/${order.id}/payout-simulation?levels=0.8`)).toMatchObject(expected);
  });

  it('refuses bad calls and offers with clear codes', async () => {
    const problemId = await publishedProblem();
    const deadline = new Date(Date.now() + 60_000).toISOString();
    await expect(
      a.buyer.post('/calls', { problemId, deadline, weights: { price: 0.5, effect: 0.4, trust: 0.2 } }),
    ).rejects.toMatchObject({
      status: 400,
      body: { code: 'COMPETITION.WEIGHTS_INVALID' },
    });
    const call = await a.buyer.post<Created>('/calls', { problemId, deadline });
    const [va] = vendors;
    await expect(
      va.actors.vendor.post(`/calls/${call.id}/offers`, speedOffer(va.solutionId, '1000000001', '45')),
    ).rejects.toMatchObject({ status: 422, body: { code: 'COMPETITION.PRICE_ABOVE_ENVELOPE' } });
    await expect(
      va.actors.vendor.post(`/calls/${call.id}/offers`, speedOffer(va.solutionId, '500000000', '40')),
    ).rejects.toMatchObject({ status: 422, body: { code: 'COMPETITION.KPI_COMMITMENT_INVALID' } });
    // the problem is payable wholly by results: no fixed delivery share
    await expect(
      va.actors.vendor.post(`/calls/${call.id}/offers`, {
        ...speedOffer(va.solutionId, '500000000', '45'),
        deliveryShareBp: 1000,
      }),
    ).rejects.toMatchObject({
      status: 422,
      body: {
        code: 'COMPETITION.DELIVERY_SHARE_TOO_HIGH',
        details: { field: 'deliveryShareBp', deliveryShareBp: 1000, maximum: 0, outcomeShareBp: 10_000 },
      },
    });
    const draft = await va.actors.vendor.post<Created>('/solutions', {
      name: 'Giải pháp chưa niêm yết',
      summary: 'Một giải pháp chưa qua tiền kiểm nên không được chào giá.',
      categoryCode: 'giao-thong',
      kpis: [
        {
          metric: 'Tốc độ',
          unit: 'km/h',
          direction: 'increase',
          dataSource: 'Camera',
          measurementMethod: 'Camera AI',
          aggregation: 'mean',
          frequency: 'daily',
          baselineMethod: 'Trung bình 3 tháng',
          minimumSample: 1,
          evidenceFormat: 'CSV',
        },
      ],
    });
    await expect(
      va.actors.vendor.post(`/calls/${call.id}/offers`, speedOffer(draft.id, '500000000', '45')),
    ).rejects.toMatchObject({ status: 403, body: { code: 'COMPETITION.SOLUTION_NOT_ELIGIBLE' } });
  });

  const suspend = (solutionId: string) =>
    a.admin.post(`/solutions/${solutionId}/suspend`, {
      until: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      reason: 'Sự cố an toàn thông tin đang được xác minh.',
    });
  const notListed = (solutionId: string, status: string) => ({
    status: 409,
    body: { code: 'COMPETITION.SOLUTION_NOT_LISTED', details: { solutionId, status } },
  });

  it('lets only solutions LISTED now bid and be awarded, whatever the pool frozen at opening', async () => {
    const [va, vb, vc] = vendors;
    // listings of their own, so that suspending them leaves the shared vendors' solutions listed
    const delisted = await listSolution(va.actors);
    const suspended = await listSolution(vb.actors);
    const problemId = await publishedProblem();
    const deadline = Date.now() + 8000;
    const call = await a.buyer.post<Created & { eligibleSolutionIds: string[] }>('/calls', {
      problemId,
      deadline: new Date(deadline).toISOString(),
    });
    expect(call.eligibleSolutionIds).toEqual(expect.arrayContaining([delisted, suspended]));

    await a.admin.post(`/solutions/${delisted}/delist`, { reason: 'Nhà cung cấp vi phạm cam kết.' });
    await expect(
      va.actors.vendor.post(`/calls/${call.id}/offers`, speedOffer(delisted, '500000000', '45')),
    ).rejects.toMatchObject(notListed(delisted, 'DELISTED'));

    const best = await vb.actors.vendor.post<Created>(
      `/calls/${call.id}/offers`,
      speedOffer(suspended, '400000000', '48'),
    );
    const other = await vc.actors.vendor.post<Created>(
      `/calls/${call.id}/offers`,
      speedOffer(vc.solutionId, '800000000', '45'),
    );
    await suspend(suspended);
    await expect(
      vb.actors.vendor.request('PUT', `/offers/${best.id}`, speedOffer(suspended, '390000000', '48')),
    ).rejects.toMatchObject(notListed(suspended, 'SUSPENDED'));

    await new Promise((resolve) => setTimeout(resolve, deadline - Date.now() + 200));
    await eventually(
      async () =>
        (await a.buyer.get<{ status: string }>(`/calls/${call.id}`)).status === 'EVALUATED' ? true : undefined,
      'call evaluated',
    );
    // the best-scored offer's solution is suspended: it cannot be awarded, the agency awards another one
    await expect(a.buyer.post(`/calls/${call.id}/award`, { offerId: best.id })).rejects.toMatchObject(
      notListed(suspended, 'SUSPENDED'),
    );
    const scores = (await request(system.url).get(`/calls/${call.id}/scores`).expect(200)).body as Score[];
    expect(scores.map((s) => s.offerId)).toEqual([best.id, other.id]);
    await a.buyer.post(`/calls/${call.id}/award`, {
      offerId: other.id,
      justification: 'Giải pháp xếp hạng nhất đang bị đình chỉ niêm yết.',
    });
    expect((await request(system.url).get(`/calls/${call.id}`).expect(200)).body).toMatchObject({
      status: 'AWARDED',
      awardedOfferId: other.id,
    });
  });

  it('skips offers of solutions no longer LISTED when shortlisting bake-off finalists', async () => {
    const [va, vb, vc] = vendors;
    const suspended = await listSolution(vb.actors);
    const problemId = await publishedProblem();
    const deadline = Date.now() + 6000;
    const call = await a.buyer.post<Created>('/calls', {
      problemId,
      deadline: new Date(deadline).toISOString(),
      awardMode: 'POC',
      pocFinalists: 2,
      pocTrialBudget: '100000000',
    });
    const top = await vb.actors.vendor.post<Created>(
      `/calls/${call.id}/offers`,
      speedOffer(suspended, '400000000', '48'),
    );
    const second = await va.actors.vendor.post<Created>(
      `/calls/${call.id}/offers`,
      speedOffer(va.solutionId, '600000000', '45'),
    );
    const third = await vc.actors.vendor.post<Created>(
      `/calls/${call.id}/offers`,
      speedOffer(vc.solutionId, '800000000', '45'),
    );
    await new Promise((resolve) => setTimeout(resolve, deadline - Date.now() + 200));
    await suspend(suspended);

    const trialOrders = await a.buyer.post<unknown[]>(`/calls/${call.id}/bake-off`, {});
    expect(trialOrders).toHaveLength(2);
    const bakeOff = await a.buyer.get<{ finalists: Array<{ offerId: string; scoreRank: number }> }>(
      `/calls/${call.id}/bake-off`,
    );
    expect(bakeOff.finalists.map((f) => [f.offerId, f.scoreRank])).toEqual([
      [second.id, 2],
      [third.id, 3],
    ]);
    const offers = await a.buyer.get<Array<{ id: string; status: string }>>(`/calls/${call.id}/offers`);
    expect(offers.find((o) => o.id === top.id)?.status).toBe('NOT_AWARDED');
  });
});

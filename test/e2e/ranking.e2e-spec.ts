import {
  everyPage,
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
} from '@app/test-support';

jest.setTimeout(180_000);

interface Entry {
  rank: number;
  vendorOrganisationId: string;
  scope: string;
  expected: number;
  lowerBound: number;
  effectiveEvidence: number;
  label: string;
  labelVi: string;
  isNew: boolean;
  orders: number;
  lastOutcomes: Array<{ orderId: string; x: number }>;
  explanationVi: string;
  explanationEn: string;
  snapshotId: string;
}

/** L = E − 1.28·√(E(1−E)/(α+β+1)) with the prior μ0 = 0.7, m = 4 (fewer than 10 orders in the category). */
const expectedScore = (sumWx: number, sumW: number) => {
  const alpha = 2.8 + sumWx;
  const beta = 1.2 + sumW - sumWx;
  const e = alpha / (alpha + beta);
  return { e, l: e - 1.28 * Math.sqrt((e * (1 - e)) / (alpha + beta + 1)) };
};

/**
 * Known outcomes through the real journey (price 100,000,000 đồng, baseline 30, target 45, one round each):
 * vendor A earns x = 1 and x = 0.8 from one agency; vendor B earns x = 0 twice.
 */
describe('trust ranking after journeys with known outcomes', () => {
  let system: TestSystem;
  let a: Actors;
  let b: Actors;
  const orders: Record<'a' | 'b', string[]> = { a: [], b: [] };
  let solutionB: string;

  const settleOrder = async (actors: Actors, solutionId: string, measured: string) => {
    const { orderId } = await draftOrder(actors, { solutionId, price: '100000000', baseline: '30', target: '45' });
    await signBoth(actors, orderId);
    await uploadRound(actors, orderId, 1, [measured]);
    await signRecord(actors, orderId, 1);
    await orderClosed(actors.buyer, orderId, 60_000);
    return orderId;
  };

  const ranking = (query = '') => system.admin.get<Entry[]>(`/city/rankings${query}`);
  const settledRanking = (vendorId: string, orders: number) =>
    eventually(async () => {
      const row = (await ranking()).find((r) => r.vendorOrganisationId === vendorId);
      return row && row.orders === orders ? row : undefined;
    }, `ranking of ${vendorId} with ${orders} orders`);

  beforeAll(async () => {
    system = await startSystem();
    a = await createActors(system.admin, 'rank-a');
    b = await createActors(system.admin, 'rank-b');
    for (const actors of [a, b])
      await system.admin.post(`/budgets/${actors.agencyOrgId}/allocations`, {
        amount: '1000000000',
        reference: `QĐ-${actors.agencyOrgId}`,
      });
    const solutionA = await listSolution(a);
    solutionB = await listSolution(b);
    orders.a.push(await settleOrder(a, solutionA, '45'));
    orders.a.push(await settleOrder(a, solutionA, '42'));
    orders.b.push(await settleOrder(b, solutionB, '30'));
    orders.b.push(await settleOrder(b, solutionB, '30'));
    await settledRanking(a.vendorOrgId, 2);
    await settledRanking(b.vendorOrgId, 2);
  });
  afterAll(() => system?.stop());

  it('ranks by the lower bound with the expected E, L, labels and last outcomes', async () => {
    const rows = await ranking();
    expect(rows.map((r) => r.vendorOrganisationId)).toEqual([a.vendorOrgId, b.vendorOrgId]);
    const [ra, rb] = rows;

    // A: Σwx = 1.8, Σw = 2 → α = 4.6, β = 1.4, E = 0.766667, L = 0.562045 → Cần cải thiện
    const sa = expectedScore(1.8, 2);
    expect(ra).toMatchObject({ rank: 1, scope: '*', label: 'CAN_CAI_THIEN', labelVi: 'Cần cải thiện', isNew: false });
    expect(ra.expected).toBeCloseTo(sa.e, 6);
    expect(ra.lowerBound).toBeCloseTo(sa.l, 6);
    expect(ra.lowerBound).toBeCloseTo(0.562045, 5);
    expect(ra.effectiveEvidence).toBeCloseTo(2, 6);
    expect(ra.lastOutcomes.map((o) => [o.orderId, o.x])).toEqual([
      [orders.a[1], 0.8],
      [orders.a[0], 1],
    ]);
    expect(ra.explanationVi).toContain('Kỳ vọng E = 76,7%');
    expect(ra.explanationEn).toContain('Lower bound L = 56.2%');

    // B: Σwx = 0, Σw = 2 → α = 2.8, β = 3.2, E = 0.466667, L = 0.225308 → Yếu
    const sb = expectedScore(0, 2);
    expect(rb).toMatchObject({ rank: 2, label: 'YEU', labelVi: 'Yếu', isNew: false });
    expect(rb.expected).toBeCloseTo(sb.e, 6);
    expect(rb.lowerBound).toBeCloseTo(0.225308, 5);
  });

  it('ranks per category, and stores every input of a snapshot', async () => {
    const rows = await ranking('?category=giao-thong');
    expect(rows.map((r) => [r.vendorOrganisationId, r.scope])).toEqual([
      [a.vendorOrgId, 'giao-thong'],
      [b.vendorOrgId, 'giao-thong'],
    ]);
    expect(await ranking('?category=y-te')).toEqual([]);
    expect((await ranking('?label=YEU')).map((r) => r.vendorOrganisationId)).toEqual([b.vendorOrgId]);

    const snapshot = await a.city.get<{
      alpha: number;
      beta: number;
      inputs: { priorMean: number; m: number; z: number; orders: Array<{ orderId: string; x: number }> };
    }>(`/city/rankings/snapshots/${rows[0].snapshotId}`);
    expect(snapshot.alpha).toBeCloseTo(4.6, 6);
    expect(snapshot.beta).toBeCloseTo(1.4, 6);
    expect(snapshot.inputs).toMatchObject({ priorMean: 0.7, m: 4, z: 1.28 });
    expect(snapshot.inputs.orders.map((o) => o.x).sort()).toEqual([0.8, 1]);

    // the category statistics are those of the moment of the recomputation: B's last snapshot (after the fourth
    // order closed) counts all four orders of the category, not the one order of an hour-old cache
    const last = await a.city.get<{ categoryOrders: number; categoryMedianValue: number }>(
      `/city/rankings/snapshots/${rows[1].snapshotId}`,
    );
    expect(last).toMatchObject({ categoryOrders: 4, categoryMedianValue: 100_000_000 });
  });

  it('flags a vendor under the floor for re-check and tells tier 2 its lower bound', async () => {
    const { items: flags } = await system.admin.get<{
      items: Array<{ vendorOrganisationId: string; scope: string; lowerBound: number }>;
    }>('/ranking/recheck-flags?limit=200');
    expect(flags.map((f) => [f.vendorOrganisationId, f.scope]).sort()).toEqual(
      [
        [b.vendorOrgId, '*'],
        [b.vendorOrgId, 'giao-thong'],
      ].sort(),
    );
    // B's listing shows "đang xem xét lại" on the public catalogue, and B and the operators are told
    const listing = await eventually(async () => {
      const page = await system.client.get<{ items: Array<{ id: string; underRecheck: boolean }> }>(
        '/catalog/search?category=giao-thong&limit=100',
      );
      return page.items.find((i) => i.id === solutionB && i.underRecheck);
    }, "B's listing under re-check");
    expect(listing.underRecheck).toBe(true);
    expect(
      (await system.client.get<{ recheckOpenedAt: string | null }>(`/solutions/${solutionB}`)).recheckOpenedAt,
    ).not.toBeNull();
    const page = await system.client.get<{ items: Array<{ vendorOrganisationId: string; underRecheck: boolean }> }>(
      '/catalog/search?category=giao-thong&limit=100',
    );
    expect(page.items.filter((i) => i.vendorOrganisationId === a.vendorOrgId).map((i) => i.underRecheck)).toEqual([
      false,
    ]);
    for (const reader of [b.vendor, system.admin]) {
      const inbox = await eventually(async () => {
        const list = await reader.get<Array<{ kind: string; data: { solutionId: string } }>>('/notifications');
        return list.some((n) => n.kind === 'listing-recheck-opened' && n.data.solutionId === solutionB)
          ? list
          : undefined;
      }, 're-check notice');
      expect(inbox.filter((n) => n.kind === 'listing-recheck-opened' && n.data.solutionId === solutionB)).toHaveLength(
        1,
      );
    }
    expect(
      (await a.vendor.get<Array<{ kind: string }>>('/notifications')).filter(
        (n) => n.kind === 'listing-recheck-opened',
      ),
    ).toEqual([]);

    const bound = await a.buyer.get<{ lowerBound: number; isNew: boolean }>(
      `/city/rankings/vendors/${b.vendorOrgId}/lower-bound?category=giao-thong`,
    );
    expect(bound.lowerBound).toBeCloseTo(0.225308, 5);
    // A vendor with no outcome in the category gets the prior's lower bound, not zero.
    const fresh = await a.buyer.get<{ lowerBound: number; isNew: boolean }>(
      `/city/rankings/vendors/${b.vendorOrgId}/lower-bound?category=y-te`,
    );
    expect(fresh).toMatchObject({ isNew: true, snapshotId: null });
    expect(fresh.lowerBound).toBeCloseTo(0.437678, 6);
  });

  it('excludes the orders of an agency declared linked to the vendor, keeping the history', async () => {
    await system.admin.post('/ranking/agency-vendor-links', {
      agencyOrganisationId: a.agencyOrgId,
      vendorOrganisationId: a.vendorOrgId,
      reason: 'Giám đốc công ty là người thân của lãnh đạo cơ quan đặt hàng',
    });
    await expect(
      system.admin.post('/ranking/agency-vendor-links', {
        agencyOrganisationId: a.agencyOrgId,
        vendorOrganisationId: a.vendorOrgId,
        reason: 'lần hai',
      }),
    ).rejects.toMatchObject({ status: 409, body: { code: 'RANKING.LINK_EXISTS' } });
    await system.admin.post('/ranking/agency-vendor-links', {
      agencyOrganisationId: b.agencyOrgId,
      vendorOrganisationId: a.vendorOrgId,
      reason: 'Công ty từng là đơn vị tư vấn của cơ quan này',
    });
    const links = await everyPage<{ agencyOrganisationId: string; declaredAt: string }>(
      system.admin,
      '/ranking/agency-vendor-links',
      1,
    );
    expect(links.slice(0, 2).map((l) => l.agencyOrganisationId)).toEqual([b.agencyOrgId, a.agencyOrgId]);
    await expect(system.admin.get('/ranking/agency-vendor-links?cursor=khong-hop-le')).rejects.toMatchObject({
      status: 400,
      body: { code: 'RANKING.INVALID_CURSOR' },
    });

    const rows = await ranking();
    const ra = rows.find((r) => r.vendorOrganisationId === a.vendorOrgId)!;
    expect(ra).toMatchObject({ orders: 0, isNew: true, label: 'NHA_CUNG_CAP_MOI', labelVi: 'Nhà cung cấp mới' });
    expect(ra.expected).toBeCloseTo(0.7, 6);
    expect(ra.explanationVi).toContain('2 đơn hàng bị loại');

    const vendor = await a.city.get<{ history: Array<{ scope: string; reason: string }> }>(
      `/city/rankings/vendors/${a.vendorOrgId}`,
    );
    const overall = vendor.history.filter((h) => h.scope === '*').map((h) => h.reason);
    expect(overall[0]).toBe('agency-vendor-link');
    expect(overall.filter((r) => r === 'outcome-settled')).toHaveLength(2);
  });

  it('shows plan targets, money, flow and disputes on the city dashboard, each figure linking to its rows', async () => {
    interface Money {
      key: string;
      orders: number;
      committed: string;
      paid: string;
      released: string;
      clawedBack: string;
      shareByResults: string;
      rows: string;
    }
    interface Duration {
      count: number;
      medianSeconds: number;
      p90Seconds: number;
      rows: string;
    }
    interface Dashboard {
      asOf: string;
      targets: Array<{ key: string; target: number; actual: number; met: boolean; rows: string | null }>;
      money: { total: Money; byAgency: Money[]; byCategory: Money[]; byProblem: Money[] };
      flow: {
        uploadToPayment: Duration;
        callToOrder: Duration;
        disputes: { opened: number; byStatus: Array<{ status: string; count: number }>; rows: string };
      };
    }
    // the worker refreshes the dashboard after each outcome event's recomputation
    const d = await eventually(async () => {
      const dashboard = await a.city.get<Dashboard>('/city/dashboard');
      return dashboard.flow.uploadToPayment.count === 4 ? dashboard : undefined;
    }, 'dashboard with the four settlements');
    const rows = async (path: string) => {
      const ids: string[] = [];
      for (let after = ''; ;) {
        const page = await a.city.get<{ ids: string[]; next: string | null }>(
          `${path}&limit=1${after ? `&after=${after}` : ''}`,
        );
        ids.push(...page.ids);
        if (!page.next) return ids.sort();
        after = page.next;
      }
    };
    const target = (key: string) => d.targets.find((t) => t.key === key)!;
    expect(target('vendors')).toMatchObject({ target: 50, actual: 2, met: false });
    expect(await rows(target('vendors').rows!)).toEqual([a.vendorOrgId, b.vendorOrgId].sort());
    expect(target('trialOrders')).toMatchObject({ target: 20, actual: 4, met: false });
    expect(await rows(target('trialOrders').rows!)).toEqual([...orders.a, ...orders.b].sort());
    // only vendor A's solution earned money
    expect(target('solutionsPurchased')).toMatchObject({ target: 10, actual: 1 });
    expect(await rows(target('solutionsPurchased').rows!)).toHaveLength(1);
    expect(target('leverage')).toMatchObject({ target: 3, actual: 0, met: false, rows: null });

    // A: 100,000,000 + 80,000,000 paid of 200,000,000; B: nothing paid, all 200,000,000 released
    expect(d.money.total).toMatchObject({
      orders: 4,
      committed: '400000000',
      paid: '180000000',
      released: '220000000',
      clawedBack: '0',
      shareByResults: '1.0000',
    });
    const byAgency = Object.fromEntries(d.money.byAgency.map((m) => [m.key, m]));
    expect(byAgency[a.agencyOrgId]).toMatchObject({ committed: '200000000', paid: '180000000', released: '20000000' });
    expect(await rows(byAgency[a.agencyOrgId].rows)).toEqual([...orders.a].sort());
    expect(byAgency[b.agencyOrgId]).toMatchObject({ committed: '200000000', paid: '0', released: '200000000' });
    expect(d.money.byCategory.map((m) => [m.key, m.committed])).toEqual([['giao-thong', '400000000']]);
    expect(await rows(d.money.byCategory[0].rows)).toEqual([...orders.a, ...orders.b].sort());
    expect(d.money.byProblem).toHaveLength(4);
    expect(d.flow.uploadToPayment.medianSeconds).toBeGreaterThan(0);
    expect(d.flow.uploadToPayment.p90Seconds).toBeGreaterThanOrEqual(d.flow.uploadToPayment.medianSeconds);
    expect(await rows(d.flow.uploadToPayment.rows)).toEqual([...orders.a, ...orders.b].map((o) => `${o}/1`).sort());
    expect(d.flow.callToOrder.count).toBe(4);
    expect(await rows(d.flow.callToOrder.rows)).toEqual([...orders.a, ...orders.b].sort());
    expect(d.flow.disputes).toMatchObject({ opened: 0, byStatus: [] });
    expect(await rows(d.flow.disputes.rows)).toEqual([]);
    await expect(a.buyer.get('/city/dashboard')).rejects.toMatchObject({ status: 403 });
    await expect(a.buyer.get(d.flow.disputes.rows)).rejects.toMatchObject({ status: 403 });
  });

  it('lets the operator keep, suspend or delist a listing under re-check, with a reason', async () => {
    type Flag = { id: string; vendorOrganisationId: string; scope: string; decision: string | null };
    const openFlags = async () => (await system.admin.get<{ items: Flag[] }>('/ranking/recheck-flags?limit=200')).items;
    const flags = await openFlags();
    const overall = flags.find((f) => f.vendorOrganisationId === b.vendorOrgId && f.scope === '*')!;
    const category = flags.find((f) => f.vendorOrganisationId === b.vendorOrgId && f.scope === 'giao-thong')!;
    const decide = (flag: Flag, body: object) =>
      system.admin.post<Flag>(`/ranking/recheck-flags/${flag.id}/decision`, body);
    const reason = 'Hai đơn hàng gần nhất không đạt KPI nào; yêu cầu nhà cung cấp giải trình.';

    await expect(
      a.buyer.post(`/ranking/recheck-flags/${overall.id}/decision`, { decision: 'KEEP', reason }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(decide(overall, { decision: 'SUSPEND', reason })).rejects.toMatchObject({
      status: 400,
      body: { code: 'RANKING.SUSPENSION_END_REQUIRED' },
    });
    await expect(
      decide(overall, { decision: 'SUSPEND', reason, suspendedUntil: new Date(Date.now() - 1000).toISOString() }),
    ).rejects.toMatchObject({ status: 400, body: { code: 'RANKING.SUSPENSION_END_REQUIRED' } });
    await expect(decide(overall, { decision: 'ARCHIVE', reason })).rejects.toMatchObject({ status: 400 });

    // keeping the overall flag leaves the listing under re-check while the category's flag is undecided
    expect(await decide(overall, { decision: 'KEEP', reason })).toMatchObject({ decision: 'KEEP' });
    await expect(decide(overall, { decision: 'KEEP', reason })).rejects.toMatchObject({
      status: 409,
      body: { code: 'RANKING.FLAG_NOT_OPEN' },
    });
    // the operator still sees a suspended solution (the public catalogue no longer lists it)
    const solution = () =>
      system.admin.get<{ status: string; recheckOpenedAt: string | null; statusReason: string | null }>(
        `/solutions/${solutionB}`,
      );
    expect((await solution()).recheckOpenedAt).not.toBeNull();

    const until = new Date(Date.now() + 30 * 86_400_000).toISOString();
    expect(await decide(category, { decision: 'SUSPEND', reason, suspendedUntil: until })).toMatchObject({
      decision: 'SUSPEND',
      decisionReason: reason,
    });
    expect(await solution()).toMatchObject({ status: 'SUSPENDED', recheckOpenedAt: null, statusReason: reason });
    expect((await openFlags()).map((f) => f.id)).not.toEqual(expect.arrayContaining([overall.id]));
    expect((await openFlags()).map((f) => f.id)).not.toContain(category.id);
    const suspended = await eventually(async () => {
      const list = await b.vendor.get<Array<{ kind: string; messageVi: string }>>('/notifications');
      return list.find((n) => n.kind === 'listing-suspended');
    }, 'suspension notice');
    expect(suspended.messageVi).toContain(reason);
    // a recomputation with the lower bound still under the floor does not reopen the decided re-check
    await system.admin.post('/ranking/agency-vendor-links', {
      agencyOrganisationId: a.agencyOrgId,
      vendorOrganisationId: b.vendorOrgId,
      reason: 'Khai báo để tính lại điểm của B',
    });
    expect((await openFlags()).filter((f) => f.vendorOrganisationId === b.vendorOrgId)).toEqual([]);
    expect((await solution()).recheckOpenedAt).toBeNull();
  });

  it('excludes the orders whose acceptance an officer linked to the vendor signed', async () => {
    const { rows: signers } = await system.db.pool.query<{ user_id: string }>(
      `SELECT DISTINCT signed_by_user_id AS user_id FROM acceptance.records WHERE order_id = ANY($1::uuid[])`,
      [orders.b],
    );
    expect(signers).toHaveLength(1);
    await expect(
      a.buyer.post('/precheck/conflicts', {
        assessorUserId: signers[0].user_id,
        vendorOrganisationId: b.vendorOrgId,
        reason: 'Cán bộ nghiệm thu là người nhà của giám đốc',
      }),
    ).rejects.toMatchObject({ status: 403 });
    await system.admin.post('/precheck/conflicts', {
      assessorUserId: signers[0].user_id,
      vendorOrganisationId: b.vendorOrgId,
      reason: 'Cán bộ nghiệm thu là người nhà của giám đốc',
    });
    // the declaration alone recomputes B (its event reaches the ranking through the outbox)
    const rb = await eventually(async () => {
      const row = (await ranking()).find((r) => r.vendorOrganisationId === b.vendorOrgId);
      return row?.orders === 0 ? row : undefined;
    }, "B's recomputation after the declared link");
    expect(rb).toMatchObject({ orders: 0, isNew: true, label: 'NHA_CUNG_CAP_MOI' });
    expect(rb.explanationVi).toContain('2 đơn hàng bị loại');
    const snapshot = await a.city.get<{
      excluded: number;
      outcomeSet: { outcomes: Array<[string, string, string, string, string, string, string | null]> };
    }>(`/city/rankings/snapshots/${rb.snapshotId}`);
    expect(snapshot.excluded).toBe(2);
    expect(snapshot.outcomeSet.outcomes.map((o) => [o[0], o[6]]).sort()).toEqual(
      orders.b.map((id) => [id, 'OFFICER_LINKED']).sort(),
    );
  });

  it('refuses the ranking to vendors and buyers', async () => {
    await expect(a.vendor.get('/city/rankings')).rejects.toMatchObject({ status: 403 });
    await expect(a.buyer.get('/ranking/recheck-flags')).rejects.toMatchObject({ status: 403 });
  });
});

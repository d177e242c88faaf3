import request from 'supertest';
import {
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
  type Created,
  type TestSystem,
} from '@app/test-support';
import { codelist, ocdsErrors } from '../fixtures/ocds/validate';

jest.setTimeout(180_000);

const LISTS = ['problems', 'calls', 'awards', 'orders', 'acceptance-results', 'payments'] as const;
/** A price no public output may show while its call is open. */
const SECRET_PRICE = '987654321';

interface Page {
  items: Array<Record<string, unknown> & { id?: string; seq?: string }>;
  nextCursor: string | null;
}

type Json = Record<string, unknown>;

describe('public transparency and OCDS 1.1.5 open data', () => {
  let system: TestSystem;
  let a: Actors;
  const orders: string[] = [];
  let openCallId: string;

  const anonymous = async <T>(path: string): Promise<T> => {
    const res = await request(system.url).get(path).expect(200);
    return res.body as T;
  };
  const all = async (list: string, limit = 2) => {
    const items: Page['items'] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await anonymous<Page>(
        `/public/${list}?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  };

  beforeAll(async () => {
    system = await startSystem();
    a = await createActors(system.admin, 'public');
    await system.admin.post(`/budgets/${a.agencyOrgId}/allocations`, { amount: '1000000000', reference: 'QĐ-CK' });
    const solutionId = await listSolution(a);
    for (const measured of ['42', '30']) {
      const { orderId } = await draftOrder(a, { solutionId, price: '100000000', baseline: '30', target: '45' });
      await signBoth(a, orderId);
      await uploadRound(a, orderId, 1, [measured]);
      await signRecord(a, orderId, 1);
      await orderClosed(a.buyer, orderId, 60_000);
      orders.push(orderId);
    }
    // An open call with an offer: its price is confidential until the deadline.
    const problem = await a.buyer.post<Created>('/problems', {
      titleVi: 'Giám sát chất lượng không khí',
      titleEn: 'Air quality monitoring',
      categoryCode: 'giao-thong',
      budgetEnvelope: '2000000000',
      outcomeShareBp: 10_000,
      kpis: [
        {
          code: 'K1',
          nameVi: 'Tỷ lệ trạm hoạt động',
          nameEn: 'Stations online',
          unit: '%',
          direction: 'increase',
          baseline: '60',
          target: '95',
          measurementPeriod: 'monthly',
          dataSource: 'Hệ thống quan trắc',
        },
      ],
    });
    await a.buyer.post(`/problems/${problem.id}/publish`);
    const call = await a.buyer.post<Created>('/calls', {
      problemId: problem.id,
      deadline: new Date(Date.now() + 3_600_000).toISOString(),
    });
    openCallId = call.id;
    await a.vendor.post(`/calls/${call.id}/offers`, {
      solutionId,
      price: SECRET_PRICE,
      kpiCommitments: [{ kpiCode: 'K1', target: '95' }],
      durationDays: 90,
      rounds: 1,
    });
    await eventually(async () => {
      const rows = await system.admin.get<Array<{ vendorOrganisationId: string; orders: number }>>('/city/rankings');
      return rows.find((r) => r.vendorOrganisationId === a.vendorOrgId && r.orders === 2);
    }, 'ranking');
  });
  afterAll(() => system?.stop());

  it('lists published problems, calls, awards, orders, results and payments without a login, page by page', async () => {
    const problems = await all('problems');
    expect(problems).toHaveLength(3);
    const calls = await all('calls');
    expect(calls.map((c) => c.id)).toContain(openCallId);
    expect(calls.find((c) => c.id === openCallId)).toMatchObject({ offers: null });

    const awards = await all('awards');
    expect(awards).toHaveLength(2);
    expect(awards[0]).toMatchObject({ price: '100000000', vendor_organisation_id: a.vendorOrgId });
    // the single offer of each call ranks first, with its tier-2 score breakdown
    expect(awards[0].offers).toEqual([
      expect.objectContaining({
        price: '100000000',
        rank: 1,
        total: expect.any(Number),
        trustScore: expect.any(Number),
      }),
    ]);

    const publicOrders = await all('orders');
    expect(publicOrders.map((o) => o.id).sort()).toEqual([...orders].sort());
    expect(publicOrders[0]).toMatchObject({ max_amount: '100000000', status: 'CLOSED' });

    const results = await all('acceptance-results');
    expect(results.map((r) => [r.order_id, r.earned_cumulative]).sort()).toEqual(
      [
        [orders[0], '80000000'],
        [orders[1], '0'],
      ].sort(),
    );
    const payments = await all('payments');
    // one payment of 80,000,000 and two releases of 20,000,000 and 100,000,000
    expect(payments.map((p) => [p.kind, p.order_id, p.amount]).sort()).toEqual(
      [
        ['payment', orders[0], '80000000'],
        ['release', orders[0], '20000000'],
        ['release', orders[1], '100000000'],
      ].sort(),
    );
    const rankings = await anonymous<Array<{ vendorOrganisationId: string; orders: number }>>('/public/rankings');
    expect(rankings).toEqual([expect.objectContaining({ vendorOrganisationId: a.vendorOrgId, orders: 2 })]);

    await request(system.url).get('/public/problems?cursor=not-a-cursor').expect(400);
  });

  it('feeds every change since a cursor, without actors or payloads', async () => {
    const first = await anonymous<Page>('/public/changes?limit=500');
    expect(first.items.length).toBeGreaterThan(10);
    expect(Object.keys(first.items[0]).sort()).toEqual([
      'action',
      'entity_id',
      'entity_type',
      'hash',
      'occurred_at',
      'seq',
    ]);
    expect(first.items.map((c) => c.entity_type)).not.toContain('user');

    const problem = await a.buyer.post<Created>('/problems', {
      titleVi: 'Số hóa hồ sơ',
      titleEn: 'Digitise records',
      categoryCode: 'giao-thong',
      budgetEnvelope: '1000',
      outcomeShareBp: 10_000,
      kpis: [
        {
          code: 'K1',
          nameVi: 'Tỷ lệ',
          nameEn: 'Share',
          unit: '%',
          direction: 'increase',
          baseline: '0',
          target: '100',
          measurementPeriod: 'monthly',
          dataSource: 'DVC',
        },
      ],
    });
    const next = await anonymous<Page>(`/public/changes?cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(next.items.map((c) => c.entity_id)).toContain(problem.id);
    expect(next.items.every((c) => BigInt(c.seq!) > BigInt(first.items[first.items.length - 1].seq!))).toBe(true);
  });

  it('publishes a valid OCDS 1.1.5 release package per contracting process, with official codes', async () => {
    const calls = await all('calls');
    const lines = (await request(system.url).get('/public/ocds/packages').expect(200)).text.trim().split('\n');
    expect(lines).toHaveLength(calls.length);
    const packages = lines.map((l) => JSON.parse(l) as Json & { releases: Json[] });
    for (const pkg of packages) expect(ocdsErrors(pkg)).toEqual([]);

    const ocid = `ocds-hnccds-${(await all('orders')).find((o) => o.id === orders[0])!.call_id as string}`;
    const one = await anonymous<Json & { releases: Array<Json & { contracts?: Json[] }> }>(
      `/public/ocds/packages/${ocid}`,
    );
    expect(ocdsErrors(one)).toEqual([]);
    expect(one.releases.map((r) => r.tag)).toEqual([['tender'], ['award'], ['contract'], ['implementation']]);
    const implementation = one.releases[3].contracts![0].implementation as {
      milestones: Array<{ type: string; status: string; x_kpiAttainments: Array<{ attainment: string }> }>;
      transactions: Array<{ value: { amount: number; currency: string }; x_kind: string }>;
    };
    expect(implementation.milestones).toMatchObject([{ type: 'assessment', status: 'partiallyMet' }]);
    expect(implementation.milestones[0].x_kpiAttainments[0].attainment).toBe('0.8000');
    expect(implementation.transactions.map((t) => [t.x_kind, t.value.amount, t.value.currency]).sort()).toEqual([
      ['payment', 80_000_000, 'VND'],
      ['release', 20_000_000, 'VND'],
    ]);

    const codes = (name: string) => new Set(codelist(name));
    for (const release of packages.flatMap((p) => p.releases)) {
      for (const tag of release.tag as string[]) expect(codes('releaseTag')).toContain(tag);
      expect(codes('initiationType')).toContain(release.initiationType);
      const tender = release.tender as Json;
      expect(codes('tenderStatus')).toContain(tender.status);
      expect(codes('method')).toContain(tender.procurementMethod);
      expect(codes('procurementCategory')).toContain(tender.mainProcurementCategory);
      for (const party of release.parties as Array<{ roles: string[] }>)
        for (const role of party.roles) expect(codes('partyRole')).toContain(role);
      for (const award of (release.awards ?? []) as Json[]) expect(codes('awardStatus')).toContain(award.status);
      for (const contract of (release.contracts ?? []) as Array<Json & { implementation?: { milestones: Json[] } }>) {
        expect(codes('contractStatus')).toContain(contract.status);
        for (const m of contract.implementation?.milestones ?? []) {
          expect(codes('milestoneType')).toContain(m.type);
          expect(codes('milestoneStatus')).toContain(m.status);
        }
      }
    }
    expect(codes('currency')).toContain('VND');
    await request(system.url).get('/public/ocds/packages/ocds-hnccds-00000000-0000-0000-0000-000000000000').expect(404);
  });

  it('pages the change feed completely and in order, past 10 and 100 sequence numbers', async () => {
    // enough audited changes that sequence numbers have two and three digits ('100' < '11' as text)
    for (let i = 0; (await system.db.pool.query('SELECT 1 FROM audit.events')).rowCount! <= 120; i++)
      await system.admin.post(`/budgets/${a.agencyOrgId}/allocations`, { amount: '1', reference: `QĐ-FEED-${i}` });
    for (const limit of [7, 100]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      for (;;) {
        const page: Page = await anonymous<Page>(
          `/public/changes?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        if (page.items.length === 0) break;
        seen.push(...page.items.map((item) => item.seq!));
        cursor = page.nextCursor;
      }
      // every public event up to the last one read, exactly once, in numeric order
      const { rows } = await system.db.pool.query<{ seq: string }>(
        `SELECT e.seq::text AS seq FROM audit.events e
         WHERE e.entity_type <> ALL($1::text[]) AND e.seq <= $2 ORDER BY e.seq`,
        [['user', 'api_key', 'session', 'password'], seen[seen.length - 1]],
      );
      expect(rows.length).toBeGreaterThan(100);
      expect(seen).toEqual(rows.map((r) => r.seq));
    }
  });

  it('never shows a confidential field on any public endpoint', async () => {
    const { rows } = await system.db.pool.query<{ id: string; email: string; password_hash: string }>(
      'SELECT id, email, password_hash FROM identity.users',
    );
    expect(rows.length).toBeGreaterThanOrEqual(6);
    const secrets = [SECRET_PRICE, ...rows.flatMap((u) => [u.id, u.email, u.password_hash])];

    const spec = await anonymous<{ paths: Record<string, Record<string, { 'x-access'?: string[] }>> }>('/openapi.json');
    const publicGets = Object.entries(spec.paths)
      .filter(([, ops]) => ops.get?.['x-access']?.includes('PUBLIC'))
      .map(([path]) => path);
    const outputs: string[] = [];
    for (const path of publicGets) {
      if (path.includes('{ocid}')) {
        for (const call of await all('calls'))
          outputs.push(JSON.stringify(await anonymous(path.replace('{ocid}', `ocds-hnccds-${call.id as string}`))));
      } else if (!path.includes('{')) {
        const paged = path === '/public/changes' || LISTS.some((l) => path === `/public/${l}`);
        outputs.push(
          (
            await request(system.url)
              .get(paged ? `${path}?limit=500` : path)
              .expect(200)
          ).text,
        );
      }
    }
    expect(publicGets).toEqual(expect.arrayContaining(LISTS.map((l) => `/public/${l}`)));
    expect(publicGets).toEqual(
      expect.arrayContaining(['/public/changes', '/public/rankings', '/public/ocds/packages']),
    );
    for (const output of outputs) for (const secret of secrets) expect(output).not.toContain(secret);
  });
});

import request from 'supertest';
import {
  createActors,
  eventually,
  inboxOf,
  listSolution,
  publishedTrafficProblem,
  startSystem,
  type Actors,
  type MarketplaceClient,
  type TestSystem,
} from '@app/test-support';

jest.setTimeout(300_000);

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Every page of a list, `limit` items at a time, as the pages came. */
async function pagesOf<T>(get: (query: string) => Promise<Page<T>>, limit: number): Promise<Array<Page<T>>> {
  const pages: Array<Page<T>> = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await get(`limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor);
  return pages;
}

/** The vendor pages' lists: listed solutions and each organisation's inbox page by cursor, in a stable order. */
describe('vendor lists page by cursor', () => {
  let system: TestSystem;
  let a: Actors;
  const solutionIds: string[] = [];
  const callIds: string[] = [];

  beforeAll(async () => {
    system = await startSystem();
    a = await createActors(system.admin, 'vlists');
    for (let i = 0; i < 3; i++) solutionIds.push(await listSolution(a));
  });
  afterAll(() => system?.stop());

  it('GET /solutions pages the listed solutions by quality score then id, each once', async () => {
    const get = async (query: string) =>
      (await request(system.url).get(`/solutions?vendor=${a.vendorOrgId}&${query}`).expect(200)).body as Page<{
        id: string;
        qualityScore: number;
        kpis: unknown[];
      }>;
    const pages = await pagesOf(get, 2);
    expect(pages.map((p) => p.items.length)).toEqual([2, 1]);
    const items = pages.flatMap((p) => p.items);
    expect(items.map((s) => s.id).sort()).toEqual([...solutionIds].sort());
    const key = (s: { qualityScore: number; id: string }) => `${String(s.qualityScore).padStart(3, '0')}/${s.id}`;
    expect(items.map(key)).toEqual(items.map(key).sort().reverse());
    expect(items.every((s) => s.kpis.length === 1)).toBe(true);
    expect((await get('limit=200')).items.map((s) => s.id)).toEqual(items.map((s) => s.id));

    const refused = await request(system.url).get('/solutions?cursor=bm90LWEtY3Vyc29y').expect(400);
    expect(refused.body).toMatchObject({ code: 'CATALOG.INVALID_CURSOR', message: expect.stringMatching(/^Con trỏ/) });
  });

  it('GET /notifications pages an organisation’s inbox, newest first, and shows it to no one else', async () => {
    for (const n of [1, 2, 3]) {
      const problemId = await publishedTrafficProblem(a, {
        titleVi: `Giảm ùn tắc tại nút giao số ${n}`,
        titleEn: `Reduce congestion at junction ${n}`,
      });
      const call = await a.buyer.post<{ id: string }>('/calls', {
        problemId,
        deadline: new Date(Date.now() + 3_600_000).toISOString(),
      });
      callIds.push(call.id);
    }
    const whole = await eventually(async () => {
      const inbox = await inboxOf<{ id: string; kind: string }>(a.vendor);
      return inbox.filter((n) => n.kind === 'call-opened').length >= 3 ? inbox : undefined;
    }, 'three call-opened notices');

    const get = (client: MarketplaceClient) => (query: string) =>
      client.get<Page<{ id: string; createdAt: string }>>(`/notifications?${query}`);
    const pages = await pagesOf(get(a.vendor), 2);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.slice(0, -1).every((p) => p.items.length === 2)).toBe(true);
    const items = pages.flatMap((p) => p.items);
    expect(items.map((n) => n.id)).toEqual(whole.map((n) => n.id));
    expect(new Set(items.map((n) => n.id)).size).toBe(items.length);
    const times = items.map((n) => Date.parse(n.createdAt));
    expect(times).toEqual([...times].sort((x, y) => y - x));

    const theirs = await inboxOf<{ id: string }>(a.buyer);
    expect(theirs.filter((n) => items.some((mine) => mine.id === n.id))).toEqual([]);
    await expect(get(a.vendor)('cursor=bm90LWEtY3Vyc29y')).rejects.toMatchObject({
      status: 400,
      body: { code: 'NOTIFICATIONS.INVALID_CURSOR' },
    });
  });

  it('POST /calls/:id/payout-simulation draws unsubmitted terms as the submitted offer will pay them', async () => {
    const terms = {
      price: '900000000',
      kpiCommitments: [{ kpiCode: 'K1', target: '45' }],
      rounds: 2,
      roundSharesBp: [4000, 6000],
      deliveryShareBp: 0,
    };
    const preview = await a.vendor.post<Array<{ level: number; perRound: string[]; total: string }>>(
      `/calls/${callIds[0]}/payout-simulation?levels=0,0.5,1`,
      terms,
    );
    expect(preview.map((p) => [p.level, p.total])).toEqual([
      [0, '0'],
      [0.5, '450000000'],
      [1, '900000000'],
    ]);
    expect(preview[2].perRound).toEqual(['360000000', '540000000']);
    const offer = await a.vendor.post<{ id: string }>(`/calls/${callIds[0]}/offers`, {
      ...terms,
      solutionId: solutionIds[0],
      durationDays: 90,
    });
    expect(await a.vendor.get(`/offers/${offer.id}/payout-simulation?levels=0,0.5,1`)).toEqual(preview);

    await expect(
      a.vendor.post(`/calls/${callIds[0]}/payout-simulation`, { ...terms, price: '999000000000' }),
    ).rejects.toMatchObject({ status: 422, body: { code: 'COMPETITION.PRICE_ABOVE_ENVELOPE' } });
    await expect(
      a.vendor.post(`/calls/${callIds[0]}/payout-simulation`, { ...terms, roundSharesBp: [4000, 5000] }),
    ).rejects.toMatchObject({ body: { code: 'COMPETITION.ROUND_SHARES_INVALID' } });
  });
});

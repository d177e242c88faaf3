import { randomBytes } from 'node:crypto';
import { createActors, everyPage, refusal, startSystem, type Actors, type TestSystem } from '@app/test-support';

jest.setTimeout(300_000);

type Page<T> = { items: T[]; nextCursor: string | null };
const after = (cursor: string | null) => `&cursor=${encodeURIComponent(cursor ?? '')}`;

/** Issue 11: the operator's lists of organisations, users and requirement sets page by cursor, with filters. */
describe('operator lists', () => {
  let system: TestSystem;
  let a: Actors;

  beforeAll(async () => {
    system = await startSystem();
    a = await createActors(system.admin, 'lists');
  });
  afterAll(() => system?.stop());

  it('pages organisations oldest first, filtered by type and name; others see only their own', async () => {
    const tag = randomBytes(3).toString('hex');
    const created: string[] = [];
    for (const n of [1, 2, 3])
      created.push(
        (await a.admin.post<{ id: string }>('/organisations', { type: 'FUNDER', name: `Quỹ ${tag} số ${n}` })).id,
      );
    await a.admin.post('/organisations', { type: 'CITY', name: `Văn phòng ${tag}` });

    const query = `/organisations?type=FUNDER&name=${tag}&limit=2`;
    const first = await a.admin.get<Page<{ id: string; type: string }>>(query);
    expect(first.items.map((o) => o.id)).toEqual(created.slice(0, 2));
    expect(first.nextCursor).not.toBeNull();
    const second = await a.admin.get<Page<{ id: string }>>(query + after(first.nextCursor));
    expect(second).toEqual({ items: [expect.objectContaining({ id: created[2] })], nextCursor: null });
    expect(await everyPage(a.admin, `/organisations?name=${tag.toUpperCase()}`, 2)).toHaveLength(4);
    // A LIKE wildcard in the name is a literal character, not "anything".
    expect(await everyPage(a.admin, `/organisations?name=${encodeURIComponent('%')}${tag}`, 2)).toEqual([]);

    expect((await a.vendor.get<Page<{ id: string }>>('/organisations')).items.map((o) => o.id)).toEqual([
      a.vendorOrgId,
    ]);
    expect(await refusal(a.admin.get('/organisations?cursor=bm90LWEtY3Vyc29y'))).toEqual({
      status: 400,
      code: 'IDENTITY.INVALID_CURSOR',
    });
    expect(await refusal(a.admin.get('/organisations?type=SHOP'))).toMatchObject({ status: 400 });
  });

  it("pages an organisation's users, filtered by role, inside the organisation's scope", async () => {
    const extra = await a.admin.post<{ id: string }>(`/organisations/${a.agencyOrgId}/users`, {
      email: `them-${randomBytes(3).toString('hex')}@soxaydung.hanoi.gov.vn`,
      fullName: 'Đỗ Thị Hằng',
      password: 'mat-khau-demo-2026',
      roles: ['BUYER'],
    });
    const route = `/organisations/${a.agencyOrgId}/users`;
    const first = await a.admin.get<Page<{ id: string; roles: string[] }>>(`${route}?limit=2`);
    expect(first.items.map((u) => u.roles)).toEqual([['BUYER'], ['ACCEPTANCE_OFFICER']]);
    const second = await a.admin.get<Page<{ id: string }>>(`${route}?limit=2${after(first.nextCursor)}`);
    expect(second).toEqual({ items: [expect.objectContaining({ id: extra.id })], nextCursor: null });

    const officers = await a.buyer.get<Page<{ roles: string[] }>>(`${route}?role=ACCEPTANCE_OFFICER`);
    expect(officers.items.map((u) => u.roles)).toEqual([['ACCEPTANCE_OFFICER']]);
    expect(await refusal(a.vendor.get(route))).toEqual({ status: 403, code: 'IDENTITY.FORBIDDEN_ORGANISATION' });
  });

  it("pages a category's requirement sets newest version first", async () => {
    const code = `ds-${randomBytes(3).toString('hex')}`;
    await a.admin.post('/categories', { code, nameVi: `Lĩnh vực ${code}`, nameEn: `Category ${code}` });
    const requirement = (title: string) => ({
      id: 'nam-hoat-dong',
      title,
      group: 'capability',
      type: 'number',
      mandatory: true,
      scoring: 'automatic',
      min: 2,
    });
    for (const title of ['Số năm hoạt động', 'Số năm hoạt động liên tục', 'Số năm hoạt động tại Việt Nam'])
      await a.admin.post('/precheck/requirement-sets', { categoryCode: code, requirements: [requirement(title)] });

    type SetPage = Page<{ version: number; categoryCode: string }>;
    const first = await a.vendor.get<SetPage>(`/precheck/requirement-sets?category=${code}&limit=2`);
    expect(first.items.map((s) => s.version)).toEqual([3, 2]);
    const second = await a.assessor.get<SetPage>(
      `/precheck/requirement-sets?category=${code}&limit=2${after(first.nextCursor)}`,
    );
    expect(second.items.map((s) => s.version)).toEqual([1]);
    expect(second.nextCursor).toBeNull();
    expect(await refusal(a.buyer.get('/precheck/requirement-sets'))).toMatchObject({ status: 403 });
  });

  it('lets an assessor declare their own link with a vendor, and only their own', async () => {
    const me = await a.assessor.get<{ userId: string }>('/me');
    const other = await a.admin.post<{ id: string }>(`/organisations/${a.operatorOrgId}/users`, {
      email: `tienkiem-khac-${randomBytes(3).toString('hex')}@sokhcn.hanoi.gov.vn`,
      fullName: 'Ngô Văn Khải',
      password: 'mat-khau-demo-2026',
      roles: ['ASSESSOR'],
    });
    const link = { vendorOrganisationId: a.vendorOrgId, reason: 'Từng tư vấn cho doanh nghiệp (2025).' };
    expect(await refusal(a.assessor.post('/precheck/conflicts', { ...link, assessorUserId: other.id }))).toEqual({
      status: 403,
      code: 'PRECHECK.OWN_CONFLICT_ONLY',
    });
    await a.assessor.post('/precheck/conflicts', { ...link, assessorUserId: me.userId });
    expect(await refusal(a.assessor.post('/precheck/conflicts', { ...link, assessorUserId: me.userId }))).toEqual({
      status: 409,
      code: 'PRECHECK.CONFLICT_EXISTS',
    });
  });
});

import request from 'supertest';
import { createActors, startSystem, type Actors, type Created, type TestSystem } from '@app/test-support';

jest.setTimeout(90_000);

const proposal = {
  fields: ['URBAN_MANAGEMENT'],
  contact: 'Nguyễn Văn An – Phó Chủ tịch UBND phường Láng Thượng – 0912 345 678',
  problem: 'Ùn tắc kéo dài tại nút giao Láng – Nguyễn Chí Thanh giờ cao điểm sáng và chiều.',
  currentHandling: 'Cảnh sát giao thông phân luồng thủ công; chu kỳ đèn cố định.',
  managementNeed: 'Công cụ theo dõi lưu lượng theo thời gian thực và điều chỉnh chu kỳ đèn.',
  trialScope: 'Thí điểm 3 tháng tại 2 nút giao trên địa bàn phường.',
  availableData: 'Camera giao thông của Sở Xây dựng, cập nhật mỗi 15 phút; tốc độ trung bình hiện tại khoảng 18 km/h.',
};

/** Appendix IV, steps 1–4: ward proposals (Mẫu 01) merged by the operator into a published catalogue problem. */
describe('problems: proposals → catalogue problem → published', () => {
  let system: TestSystem;
  let a: Actors;

  beforeAll(async () => {
    system = await startSystem();
    a = await createActors(system.admin, 'problems');
  });
  afterAll(() => system?.stop());

  it('merges proposals into a problem with KPIs, scale and envelope, then publishes it', async () => {
    const first = await a.buyer.post<Created & { status: string }>('/problems/proposals', proposal);
    const second = await a.buyer.post<Created>('/problems/proposals', {
      ...proposal,
      fields: ['URBAN_MANAGEMENT', 'ENVIRONMENT'],
    });
    expect(first.status).toBe('SUBMITTED');

    const problem = await a.admin.post<Created & { scale: string; kpis: Array<{ aggregation: string }> }>('/problems', {
      agencyOrganisationId: a.agencyOrgId,
      proposalIds: [first.id, second.id],
      titleVi: 'Giảm ùn tắc tại nút giao Láng – Nguyễn Chí Thanh',
      titleEn: 'Reduce congestion at the Lang – Nguyen Chi Thanh junction',
      categoryCode: 'giao-thong',
      budgetEnvelope: '3000000000',
      outcomeShareBp: 7000,
      scale: 'PILOT',
      scope: '2 nút giao, 3 tháng',
      deadline: new Date(Date.now() + 180 * 86_400_000).toISOString().slice(0, 10),
      kpis: [
        {
          code: 'K1',
          nameVi: 'Tốc độ trung bình giờ cao điểm',
          nameEn: 'Average peak-hour speed',
          unit: 'km/h',
          direction: 'increase',
          baseline: '18',
          target: '25',
          measurementPeriod: 'quarterly',
          dataSource: 'Camera giao thông',
          aggregation: 'mean',
        },
      ],
    });
    expect(problem).toMatchObject({
      status: 'DRAFT',
      scale: 'PILOT',
      kpis: [expect.objectContaining({ aggregation: 'mean' })],
    });
    const proposals = (
      await a.buyer.get<{ items: Array<{ id: string; status: string; mergedIntoProblemId: string }> }>(
        '/problems/proposals',
      )
    ).items;
    expect(
      proposals.filter((p) => [first.id, second.id].includes(p.id)).map((p) => [p.status, p.mergedIntoProblemId]),
    ).toEqual([
      ['MERGED', problem.id],
      ['MERGED', problem.id],
    ]);

    await request(system.url).get(`/problems/${problem.id}`).expect(404);
    await a.buyer.post(`/problems/${problem.id}/publish`);
    await request(system.url).get(`/problems/${problem.id}`).expect(200);

    await expect(
      a.admin.post('/problems', {
        ...{ agencyOrganisationId: a.agencyOrgId, proposalIds: [first.id] },
        titleVi: 'Trùng',
        titleEn: 'Duplicate',
        categoryCode: 'giao-thong',
        budgetEnvelope: '1',
        outcomeShareBp: 0,
        kpis: [
          {
            code: 'K1',
            nameVi: 'Tỷ lệ',
            nameEn: 'Share',
            unit: '%',
            direction: 'increase',
            target: '1',
            measurementPeriod: 'once',
            dataSource: 'Cổng DVC',
          },
        ],
      }),
    ).rejects.toMatchObject({ status: 409, body: { code: 'PROBLEMS.PROPOSAL_ALREADY_MERGED' } });
  });

  it('refuses a proposal over 1,000 words, a budget field, and a target on the wrong side of its baseline', async () => {
    const long = Array.from({ length: 1001 }, (_, i) => `từ${i}`).join(' ');
    await expect(
      a.buyer.post('/problems/proposals', { ...proposal, problem: long.slice(0, 7999) }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      a.buyer.post('/problems/proposals', {
        ...proposal,
        problem: long.slice(0, 4000),
        currentHandling: long.slice(4000, 7999),
      }),
    ).rejects.toMatchObject({
      status: 400,
      body: { code: 'PROBLEMS.PROPOSAL_TOO_LONG' },
    });
    await expect(a.buyer.post('/problems/proposals', { ...proposal, budget: '1000000000' })).rejects.toMatchObject({
      status: 400,
      body: { code: 'VALIDATION.FAILED', details: [{ field: 'budget' }] },
    });
    await expect(
      a.buyer.post('/problems', {
        titleVi: 'Sai chiều',
        titleEn: 'Wrong way',
        categoryCode: 'giao-thong',
        budgetEnvelope: '1',
        outcomeShareBp: 0,
        kpis: [
          {
            code: 'K1',
            nameVi: 'Tỷ lệ',
            nameEn: 'Share',
            unit: '%',
            direction: 'decrease',
            baseline: '10',
            target: '20',
            measurementPeriod: 'once',
            dataSource: 'Cổng DVC',
          },
        ],
      }),
    ).rejects.toMatchObject({ status: 400, body: { code: 'PROBLEMS.TARGET_WRONG_DIRECTION' } });
  });

  const draftBody = (deadline: string) => ({
    titleVi: 'Số hóa hồ sơ hộ tịch',
    titleEn: 'Digitise civil-status records',
    categoryCode: 'giao-thong',
    budgetEnvelope: '500000000',
    outcomeShareBp: 5000,
    deadline,
    kpis: [
      {
        code: 'K1',
        nameVi: 'Tỷ lệ hồ sơ số hóa',
        nameEn: 'Share of records digitised',
        unit: '%',
        direction: 'increase',
        baseline: '20',
        target: '80',
        measurementPeriod: 'monthly',
        dataSource: 'Cổng DVC',
      },
    ],
  });
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

  it('publishes only with a deadline ahead, and keeps calls within it', async () => {
    await expect(a.buyer.post('/problems', draftBody(inDays(-1)))).rejects.toMatchObject({
      status: 422,
      body: { code: 'PROBLEMS.DEADLINE_PASSED', details: { field: 'deadline' } },
    });
    // A draft whose deadline passes before it is published (the date moved back in place of waiting for it).
    const late = await a.buyer.post<Created>('/problems', draftBody(inDays(1)));
    await system.db.pool.query(`UPDATE problems.problems SET deadline = $2 WHERE id = $1`, [late.id, inDays(-1)]);
    await expect(a.buyer.post(`/problems/${late.id}/publish`)).rejects.toMatchObject({
      status: 422,
      body: { code: 'PROBLEMS.DEADLINE_PASSED', details: { field: 'deadline' } },
    });
    expect((await a.buyer.get<{ status: string }>(`/problems/${late.id}`)).status).toBe('DRAFT');

    const problem = await a.buyer.post<Created>('/problems', draftBody(inDays(10)));
    await a.buyer.post(`/problems/${problem.id}/publish`);
    await expect(
      a.buyer.post('/calls', { problemId: problem.id, deadline: new Date(Date.now() + 12 * 86_400_000).toISOString() }),
    ).rejects.toMatchObject({ status: 422, body: { code: 'COMPETITION.CALL_AFTER_PROBLEM_DEADLINE' } });
    const call = await a.buyer.post<{ status: string }>('/calls', {
      problemId: problem.id,
      deadline: new Date(Date.now() + 5 * 86_400_000).toISOString(),
    });
    expect(call.status).toBe('OPEN');
  });

  it('edits a draft whole, freezes it once published, and closes it with a reason: no new calls after', async () => {
    const other = await createActors(system.admin, 'edit-other');
    const draft = await a.buyer.post<Created & { kpis: Array<{ code: string }> }>('/problems', draftBody(inDays(30)));
    const edited = await a.buyer.request<{
      titleVi: string;
      budgetEnvelope: string;
      deadline: string;
      kpis: Array<{ code: string; target: string }>;
    }>('PUT', `/problems/${draft.id}`, {
      ...draftBody(inDays(40)),
      titleVi: 'Rút ngắn thời gian giải quyết hồ sơ trực tuyến',
      budgetEnvelope: '900000000',
      kpis: [
        { ...draftBody(inDays(40)).kpis[0], code: 'K2', target: '90' },
        { ...draftBody(inDays(40)).kpis[0], code: 'K3', target: '70' },
      ],
    });
    expect(edited).toMatchObject({
      titleVi: 'Rút ngắn thời gian giải quyết hồ sơ trực tuyến',
      budgetEnvelope: '900000000',
      deadline: inDays(40),
      kpis: [expect.objectContaining({ code: 'K2', target: '90' }), expect.objectContaining({ code: 'K3' })],
    });
    expect(
      (await a.buyer.get<{ kpis: Array<{ code: string }> }>(`/problems/${draft.id}`)).kpis.map((k) => k.code),
    ).toEqual(['K2', 'K3']);
    const { code } = await a.buyer.get<{ code: string }>(`/problems/${draft.id}`);
    const taken = { status: 409, body: { code: 'PROBLEMS.CODE_TAKEN' } };
    await expect(a.buyer.post('/problems', { ...draftBody(inDays(30)), code })).rejects.toMatchObject(taken);
    const second = await a.buyer.post<Created>('/problems', draftBody(inDays(30)));
    await expect(
      a.buyer.request('PUT', `/problems/${second.id}`, { ...draftBody(inDays(30)), code }),
    ).rejects.toMatchObject(taken);
    await expect(other.buyer.request('PUT', `/problems/${draft.id}`, draftBody(inDays(40)))).rejects.toMatchObject({
      status: 403,
      body: { code: 'IDENTITY.FORBIDDEN_ORGANISATION' },
    });
    await expect(
      a.buyer.request('PUT', `/problems/${draft.id}`, { ...draftBody(inDays(40)), budgetEnvelope: 'nhiều' }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(a.buyer.post(`/problems/${draft.id}/close`, { reason: 'Chưa công bố' })).rejects.toMatchObject({
      status: 409,
    });

    await a.buyer.post(`/problems/${draft.id}/publish`);
    await expect(a.buyer.request('PUT', `/problems/${draft.id}`, draftBody(inDays(40)))).rejects.toMatchObject({
      status: 409,
      body: { code: 'PROBLEMS.NOT_A_DRAFT' },
    });
    const openCall = await a.buyer.post<Created & { status: string }>('/calls', {
      problemId: draft.id,
      deadline: new Date(Date.now() + 5 * 86_400_000).toISOString(),
    });
    await expect(a.buyer.post(`/problems/${draft.id}/close`, {})).rejects.toMatchObject({ status: 400 });
    const closed = await a.buyer.post<{ status: string; closeReason: string; closedAt: string }>(
      `/problems/${draft.id}/close`,
      { reason: 'Sở đã tự xử lý bằng nguồn lực nội bộ.' },
    );
    expect(closed).toMatchObject({ status: 'CLOSED', closeReason: 'Sở đã tự xử lý bằng nguồn lực nội bộ.' });
    expect(closed.closedAt).toEqual(expect.any(String));
    await expect(
      a.buyer.post('/calls', { problemId: draft.id, deadline: new Date(Date.now() + 86_400_000).toISOString() }),
    ).rejects.toMatchObject({ status: 409, body: { code: 'COMPETITION.PROBLEM_NOT_PUBLISHED' } });
    expect((await a.buyer.get<{ status: string }>(`/calls/${openCall.id}`)).status).toBe('OPEN');
    const published = await request(system.url).get('/problems?categoryCode=giao-thong&limit=200').expect(200);
    expect(published.body.items).not.toContainEqual(expect.objectContaining({ id: draft.id }));
    const { rows } = await system.db.pool.query<{ action: string }>(
      'SELECT action FROM audit.events WHERE entity_id = $1 ORDER BY seq',
      [draft.id],
    );
    expect(rows.map((r) => r.action)).toEqual(['created', 'edited', 'published', 'closed']);
  });

  it('lists drafts to operators, their agency and the agencies whose proposals they merged', async () => {
    const ward = await createActors(system.admin, 'ward');
    const other = await createActors(system.admin, 'other');
    const proposed = await ward.buyer.post<Created>('/problems/proposals', proposal);
    const draft = await a.admin.post<Created>('/problems', {
      ...draftBody(inDays(30)),
      agencyOrganisationId: a.agencyOrgId,
      proposalIds: [proposed.id],
    });
    const ids = async (client: Actors['buyer']) =>
      (await client.get<{ items: Array<{ id: string; status: string }> }>('/problems/drafts?limit=200')).items.map(
        (p) => p.id,
      );

    expect(await ids(a.admin)).toContain(draft.id);
    expect(await ids(a.buyer)).toContain(draft.id);
    expect(await ids(ward.buyer)).toEqual([draft.id]);
    expect(await ids(other.buyer)).not.toContain(draft.id);
    expect(
      (await a.admin.get<{ items: Array<{ status: string }> }>('/problems/drafts')).items.every(
        (p) => p.status === 'DRAFT',
      ),
    ).toBe(true);
    await expect(ward.buyer.get(`/problems/${draft.id}`)).resolves.toMatchObject({ id: draft.id, status: 'DRAFT' });
    await expect(other.buyer.get(`/problems/${draft.id}`)).rejects.toMatchObject({ status: 404 });
    await request(system.url).get('/problems/drafts').expect(401);

    await a.buyer.post(`/problems/${draft.id}/publish`);
    expect(await ids(ward.buyer)).toEqual([]);
  });

  it('lists one agency’s published problems for its pages', async () => {
    const agency = await createActors(system.admin, 'own-list');
    const mine = await agency.buyer.post<Created>('/problems', draftBody(inDays(60)));
    const kept = await agency.buyer.post<Created>('/problems', draftBody(inDays(60)));
    await agency.buyer.post(`/problems/${mine.id}/publish`);
    const listed = async (query: string) =>
      ((await request(system.url).get(`/problems?${query}`).expect(200)).body as { items: Created[] }).items.map(
        (p) => p.id,
      );

    expect(await listed(`agencyOrganisationId=${agency.agencyOrgId}`)).toEqual([mine.id]);
    expect(await listed(`agencyOrganisationId=${agency.agencyOrgId}&categoryCode=y-te`)).toEqual([]);
    expect(await listed('limit=200')).toEqual(expect.arrayContaining([mine.id]));
    expect(await listed('limit=200')).not.toContain(kept.id);
    const refused = await request(system.url).get('/problems?agencyOrganisationId=so-y-te').expect(400);
    expect(refused.body).toMatchObject({ code: 'VALIDATION.FAILED' });
  });
});

import { createHash, randomBytes } from 'node:crypto';
import request from 'supertest';
import {
  createActors,
  eventually,
  MarketplaceClient,
  PASSWORD,
  startSystem,
  TRAFFIC_KPI,
  type Actors,
  type TestSystem,
  inboxOf,
  everyPage,
} from '@app/test-support';

jest.setTimeout(180_000);

type Group = 'capability' | 'security' | 'kpi';
interface Assessment {
  assessorUserId: string | null;
  mine: boolean;
  scoredAt: string | null;
  scores: Array<{ group: Group; score: number; reason: string }> | null;
}
interface Submission {
  id: string;
  status: string;
  solutionVersion: number;
  changedGroups: Group[] | null;
  failures: Array<{ group: Group; requirementId?: string; kpiId?: string; missing?: string[]; reason: string }>;
  qualityScore: number | null;
  reason: string | null;
  waitingRank?: number | null;
  assessments: Assessment[];
}
interface Notice {
  kind: string;
  messageVi: string;
  data: {
    solutionId?: string;
    waitingRank?: number;
    expiresAt?: string;
    submissionId?: string;
    removedAssessorUserId?: string;
    newAssessorUserIds?: string[];
  };
}
interface Solution {
  id: string;
  status: string;
  version: number;
  qualityScore: number | null;
  statusReason: string | null;
}

const SECURITY_LEVEL = {
  id: 'cap-do-attt',
  title: 'Cấp độ an toàn hệ thống thông tin',
  group: 'security',
  type: 'number',
  mandatory: true,
  scoring: 'automatic',
  min: 3,
  max: 5,
};
const PENTEST = {
  id: 'kiem-thu-xam-nhap',
  title: 'Ngày kiểm thử xâm nhập',
  group: 'security',
  type: 'date',
  mandatory: false,
  scoring: 'automatic',
  maxAgeDays: 365,
};
const REFERENCES = {
  id: 'trien-khai-tham-chieu',
  title: 'Số triển khai tham chiếu',
  group: 'capability',
  type: 'number',
  mandatory: false,
  scoring: 'human',
};

const scores = (capability: number, security: number, kpi: number) => ({
  scores: [
    { group: 'capability', score: capability, reason: `Năng lực: ${capability} điểm.` },
    { group: 'security', score: security, reason: `An toàn thông tin: ${security} điểm.` },
    { group: 'kpi', score: kpi, reason: `Đo lường KPI: ${kpi} điểm.` },
  ],
});

/** Three-part pre-check through HTTP: automatic evaluation, two blind assessors, capacity, conflicts, scheduler. */
describe('pre-check (tiền kiểm)', () => {
  let system: TestSystem;
  let a: Actors;
  const assessors = new Map<string, MarketplaceClient>();
  /** The solution displaced by the capacity test; the scheduler lists it again once the category has room. */
  let waitingSolution: { solutionId: string; submissionId: string } | undefined;

  const loginAssessors = async () => {
    const users = await everyPage<{ id: string; email: string; roles: string[] }>(
      a.admin,
      `/organisations/${a.operatorOrgId}/users?role=ASSESSOR`,
      200,
    );
    for (const u of users.filter((x) => x.roles.includes('ASSESSOR') && !assessors.has(x.id)))
      assessors.set(u.id, a.admin.as(await a.admin.login(u.email, PASSWORD)));
  };

  const newCategory = async (capacity?: number) => {
    const code = `tk-${randomBytes(3).toString('hex')}`;
    await a.admin.post('/categories', { code, nameVi: `Lĩnh vực ${code}`, nameEn: `Category ${code}`, capacity });
    await a.admin.post('/precheck/requirement-sets', {
      categoryCode: code,
      requirements: [SECURITY_LEVEL, PENTEST, REFERENCES],
    });
    return code;
  };

  const draft = (
    vendor: MarketplaceClient,
    categoryCode: string,
    kpi: Record<string, unknown> = TRAFFIC_KPI,
    fields: Record<string, unknown> = {},
  ) =>
    vendor.post<Solution>('/solutions', {
      name: `Giải pháp nghiệm thu ${randomBytes(2).toString('hex')}`,
      summary: 'Giám sát giao thông bằng camera AI, đo được bằng dữ liệu thật.',
      categoryCode,
      kpis: [kpi],
      ...fields,
    });

  const GOOD_ANSWERS = [
    { requirementId: 'cap-do-attt', value: 3 },
    { requirementId: 'trien-khai-tham-chieu', value: 4 },
  ];

  const submit = (vendor: MarketplaceClient, solutionId: string, answers: unknown[] = GOOD_ANSWERS) =>
    vendor.post<Submission>('/precheck/submissions', { solutionId, answers });

  /** The assessors the operator sees assigned to a submission, as clients. */
  const assigned = async (submissionId: string) => {
    const view = await a.admin.get<Submission>(`/precheck/submissions/${submissionId}`);
    await loginAssessors();
    return view.assessments.map((x) => {
      const client = assessors.get(x.assessorUserId as string);
      if (!client) throw new Error(`unknown assessor ${x.assessorUserId}`);
      return { id: x.assessorUserId as string, client };
    });
  };

  const solutionStatus = async (id: string) => (await a.vendor.get<Solution>(`/solutions/${id}`)).status;

  beforeAll(async () => {
    system = await startSystem();
    a = await createActors(system.admin, 'precheck');
    for (const name of ['Vũ Thị Hà', 'Đặng Quốc Khánh']) {
      await a.admin.post(`/organisations/${a.operatorOrgId}/users`, {
        email: `tienkiem-${randomBytes(3).toString('hex')}@sokhcn.hanoi.gov.vn`,
        fullName: name,
        password: PASSWORD,
        roles: ['ASSESSOR'],
      });
    }
    await loginAssessors();
  });
  afterAll(() => system?.stop());

  it('rejects automatically, with the reason, a solution without the required security level', async () => {
    const category = await newCategory();
    const solution = await draft(a.vendor, category);
    const submission = await submit(a.vendor, solution.id, [{ requirementId: 'trien-khai-tham-chieu', value: 2 }]);
    expect(submission).toMatchObject({ status: 'AUTO_REJECTED', assessments: [] });
    expect(submission.failures).toEqual([expect.objectContaining({ group: 'security', requirementId: 'cap-do-attt' })]);
    const mine = await a.vendor.get<Submission>(`/precheck/submissions/${submission.id}`);
    expect(mine.reason).toContain('Cấp độ an toàn hệ thống thông tin');
    expect(await a.vendor.get<Solution>(`/solutions/${solution.id}`)).toMatchObject({
      status: 'AUTO_REJECTED',
      statusReason: expect.stringContaining('Cấp độ an toàn'),
    });
    // A level outside 3–5 fails the same way.
    const low = await draft(a.vendor, category);
    expect(
      (await submit(a.vendor, low.id, [{ requirementId: 'cap-do-attt', value: 2 }])).failures.map(
        (f) => f.requirementId,
      ),
    ).toEqual(['cap-do-attt']);
    await request(system.url).get(`/solutions/${solution.id}`).expect(404);
  });

  it('rejects automatically an unmeasurable KPI, naming the missing declarations', async () => {
    const category = await newCategory();
    const { dataOwner: _owner, baselineMethod: _baseline, ...incomplete } = TRAFFIC_KPI;
    const solution = await draft(a.vendor, category, incomplete);
    const submission = await submit(a.vendor, solution.id);
    expect(submission.status).toBe('AUTO_REJECTED');
    expect(submission.failures).toEqual([
      expect.objectContaining({ group: 'kpi', missing: ['dataOwner', 'baselineMethod'] }),
    ]);
    expect(submission.reason).toContain('dataOwner, baselineMethod');
  });

  it('lists after two assessors score, each blind to the other until both have scored', async () => {
    const category = await newCategory();
    const solution = await draft(a.vendor, category);
    const submission = await submit(a.vendor, solution.id);
    expect(submission.status).toBe('UNDER_REVIEW');
    expect(await solutionStatus(solution.id)).toBe('UNDER_REVIEW');
    const [first, second] = await assigned(submission.id);
    expect(first.id).not.toBe(second.id);

    // The assessor's queue holds only what is assigned to them.
    const outsider = [...assessors.entries()].find(([id]) => id !== first.id && id !== second.id)?.[1];
    expect(
      (await outsider!.get<{ items: Submission[] }>('/precheck/submissions')).items.map((s) => s.id),
    ).not.toContain(submission.id);
    await expect(outsider!.get(`/precheck/submissions/${submission.id}`)).rejects.toMatchObject({ status: 404 });
    await expect(
      outsider!.post(`/precheck/submissions/${submission.id}/scores`, scores(90, 90, 90)),
    ).rejects.toMatchObject({
      status: 403,
      body: { code: 'PRECHECK.NOT_ASSIGNED' },
    });

    await first.client.post(`/precheck/submissions/${submission.id}/scores`, scores(80, 75, 90));
    const secondView = await second.client.get<Submission>(`/precheck/submissions/${submission.id}`);
    const hidden = secondView.assessments.find((x) => !x.mine);
    expect(hidden).toMatchObject({ assessorUserId: null, scores: null });
    expect(secondView.assessments.find((x) => x.mine)?.scores).toBeNull();
    const vendorView = await a.vendor.get<Submission>(`/precheck/submissions/${submission.id}`);
    expect(vendorView.assessments.every((x) => x.scores === null && x.assessorUserId === null)).toBe(true);
    await expect(
      first.client.post(`/precheck/submissions/${submission.id}/scores`, scores(10, 10, 10)),
    ).rejects.toMatchObject({ status: 409, body: { code: 'PRECHECK.ALREADY_SCORED' } });

    const decided = await second.client.post<Submission>(
      `/precheck/submissions/${submission.id}/scores`,
      scores(70, 85, 80),
    );
    // capability 75, security 80, kpi 85 → weighted (equal) total 80
    expect(decided).toMatchObject({ status: 'LISTED', qualityScore: 80 });
    expect(decided.assessments.every((x) => x.scores !== null)).toBe(true);
    const listed = await request(system.url).get(`/solutions/${solution.id}`).expect(200);
    expect(listed.body).toMatchObject({ status: 'LISTED', qualityScore: 80 });
    const events = await system.db.pool.query<{ action: string }>(
      `SELECT action FROM audit.events WHERE entity_type = 'solution' AND entity_id = $1 ORDER BY seq`,
      [solution.id],
    );
    expect(events.rows.map((r) => r.action)).toEqual(['created', 'submit', 'start_review', 'list']);
  });

  it('rejects with the reasons when a group is below its mark, and accepts a resubmitted new version', async () => {
    const category = await newCategory();
    const solution = await draft(a.vendor, category);
    const submission = await submit(a.vendor, solution.id);
    for (const [i, assessor] of (await assigned(submission.id)).entries())
      await assessor.client.post(`/precheck/submissions/${submission.id}/scores`, scores(90, i === 0 ? 40 : 50, 90));
    const result = await a.vendor.get<Submission>(`/precheck/submissions/${submission.id}`);
    expect(result.status).toBe('REJECTED');
    expect(result.reason).toContain('security');
    expect(result.assessments.flatMap((x) => x.scores?.map((s) => s.reason) ?? [])).toContain(
      'An toàn thông tin: 40 điểm.',
    );
    expect(result.assessments.every((x) => x.assessorUserId === null)).toBe(true);
    expect(await solutionStatus(solution.id)).toBe('REJECTED');

    const revised = await a.vendor.request<Solution>('PUT', `/solutions/${solution.id}`, {
      name: 'Giải pháp đã khắc phục',
      summary: 'Bổ sung kiểm thử xâm nhập và mã hoá dữ liệu khi lưu trữ.',
      categoryCode: category,
      kpis: [TRAFFIC_KPI],
    });
    expect(revised).toMatchObject({ status: 'DRAFT', version: 2 });
    const again = await submit(a.vendor, solution.id);
    expect(again).toMatchObject({ status: 'UNDER_REVIEW', solutionVersion: 2 });
  });

  it('re-checks only the changed parts of an edit after listing while buyers keep seeing the checked version', async () => {
    const category = await newCategory();
    const solution = await draft(a.vendor, category);
    const first = await submit(a.vendor, solution.id);
    for (const assessor of await assigned(first.id))
      await assessor.client.post(`/precheck/submissions/${first.id}/scores`, scores(80, 80, 80));
    const checkedName = (await request(system.url).get(`/solutions/${solution.id}`).expect(200)).body.name as string;

    const edit = (name: string, unit: string) =>
      a.vendor.request<Solution & { revisionStatus: string; name: string }>('PUT', `/solutions/${solution.id}`, {
        name,
        summary: 'Giám sát giao thông bằng camera AI, đo được bằng dữ liệu thật.',
        categoryCode: category,
        kpis: [{ ...TRAFFIC_KPI, unit }],
      });
    const edited = await edit(checkedName, 'm/s');
    expect(edited).toMatchObject({ status: 'LISTED', version: 2, revisionStatus: 'DRAFT' });
    const publicView = async () => (await request(system.url).get(`/solutions/${solution.id}`).expect(200)).body;
    expect(await publicView()).toMatchObject({ version: 1, kpis: [expect.objectContaining({ unit: 'km/h' })] });
    expect((await request(system.url).get(`/solutions?category=${category}`).expect(200)).body.items).toEqual([
      expect.objectContaining({ id: solution.id, version: 1, kpis: [expect.objectContaining({ unit: 'km/h' })] }),
    ]);
    await expect(
      a.vendor.request('PUT', `/solutions/${solution.id}`, {
        name: checkedName,
        summary: 'Giám sát giao thông bằng camera AI, đo được bằng dữ liệu thật.',
        categoryCode: 'giao-thong',
        kpis: [TRAFFIC_KPI],
      }),
    ).rejects.toMatchObject({ status: 409, body: { code: 'CATALOG.CATEGORY_LOCKED' } });

    // Only the KPI declarations changed: only the KPI group is re-scored; the others keep their checked totals.
    const recheck = await submit(a.vendor, solution.id);
    expect(recheck).toMatchObject({ status: 'UNDER_REVIEW', solutionVersion: 2, changedGroups: ['kpi'] });
    const [x, y] = await assigned(recheck.id);
    await expect(x.client.post(`/precheck/submissions/${recheck.id}/scores`, scores(90, 90, 90))).rejects.toMatchObject(
      {
        status: 400,
        body: { code: 'PRECHECK.INCOMPLETE_SCORES' },
      },
    );
    const kpiOnly = (score: number) => ({ scores: [{ group: 'kpi', score, reason: 'Đơn vị đo mới rõ ràng.' }] });
    await x.client.post(`/precheck/submissions/${recheck.id}/scores`, kpiOnly(95));
    expect(await publicView()).toMatchObject({ version: 1 });
    const decided = await y.client.post<Submission>(`/precheck/submissions/${recheck.id}/scores`, kpiOnly(95));
    // capability 80, security 80 (kept), kpi 95 → 85
    expect(decided).toMatchObject({ status: 'LISTED', qualityScore: 85 });
    expect(await publicView()).toMatchObject({
      status: 'LISTED',
      version: 2,
      qualityScore: 85,
      kpis: [expect.objectContaining({ unit: 'm/s' })],
    });

    // A rejected re-check leaves the checked version listed; an unchanged resubmission is refused.
    await edit('Tên mới sau niêm yết', 'm/s');
    const second = await submit(a.vendor, solution.id);
    expect(second.changedGroups).toEqual(['capability']);
    for (const assessor of await assigned(second.id))
      await assessor.client.post(`/precheck/submissions/${second.id}/scores`, {
        scores: [{ group: 'capability', score: 30, reason: 'Mô tả không khớp năng lực.' }],
      });
    expect(await a.vendor.get(`/solutions/${solution.id}`)).toMatchObject({
      status: 'LISTED',
      version: 3,
      revisionStatus: 'REJECTED',
      revisionReason: expect.stringContaining('capability'),
    });
    expect(await publicView()).toMatchObject({ version: 2, name: checkedName, qualityScore: 85 });
    await edit(checkedName, 'm/s');
    await expect(submit(a.vendor, solution.id)).rejects.toMatchObject({
      status: 409,
      body: { code: 'PRECHECK.NOTHING_TO_RECHECK' },
    });
  });

  /** A solution of the category submitted and scored `score` in every group by both assessors. */
  const decide = async (category: string, score: number) => {
    const solution = await draft(a.vendor, category);
    const submission = await submit(a.vendor, solution.id);
    for (const assessor of await assigned(submission.id))
      await assessor.client.post(`/precheck/submissions/${submission.id}/scores`, scores(score, score, score));
    return { solutionId: solution.id, submissionId: submission.id };
  };
  const view = (x: { submissionId: string }) => a.vendor.get<Submission>(`/precheck/submissions/${x.submissionId}`);

  // Capacity rule: a category of capacity N lists the top N by quality score. A newcomer scoring higher than the
  // lowest listed solution takes its slot at once; that solution waits (its vendor is notified) and is listed
  // again, by the scheduler, when a slot frees. A newcomer that does not beat it waits with its rank.
  it('lists only the top N of a category with capacity N; the others wait with their rank; a better one displaces', async () => {
    const category = await newCategory(1);
    const decided = (score: number) => decide(category, score);
    const good = await decided(80);
    const weaker = await decided(70);
    expect(await view(good)).toMatchObject({ status: 'LISTED', qualityScore: 80 });
    expect(await view(weaker)).toMatchObject({ status: 'WAITING', qualityScore: 70, waitingRank: 1 });
    expect(await solutionStatus(weaker.solutionId)).toBe('WAITING');
    await request(system.url).get(`/solutions/${weaker.solutionId}`).expect(404);

    const best = await decided(90);
    expect(await view(best)).toMatchObject({ status: 'LISTED', qualityScore: 90 });
    expect(await view(good)).toMatchObject({ status: 'WAITING', waitingRank: 1 });
    expect(await view(weaker)).toMatchObject({ status: 'WAITING', waitingRank: 2 });
    expect(await a.vendor.get<Solution>(`/solutions/${good.solutionId}`)).toMatchObject({
      status: 'WAITING',
      statusReason: expect.stringContaining('điểm chất lượng cao hơn'),
    });
    const page = await request(system.url).get(`/catalog/search?category=${category}`).expect(200);
    expect(page.body.items.map((i: { id: string }) => i.id)).toEqual([best.solutionId]);
    await eventually(async () => {
      const inbox = await inboxOf<Notice>(a.vendor);
      return inbox.find((n) => n.kind === 'listing-displaced' && n.data.solutionId === good.solutionId);
    }, 'the displacement notice');
    waitingSolution = good;
  });

  it('a lowered capacity sends the lowest listed solutions to wait; raised again, they are listed again', async () => {
    const category = await newCategory(2);
    const names = { nameVi: `Lĩnh vực ${category}`, nameEn: `Category ${category}` };
    const higher = await decide(category, 85);
    const lower = await decide(category, 75);
    expect(await view(lower)).toMatchObject({ status: 'LISTED' });

    await a.admin.request('PUT', `/categories/${category}`, { ...names, capacity: 1 });
    await eventually(
      async () => ((await solutionStatus(lower.solutionId)) === 'WAITING' ? true : undefined),
      'the scheduler applying the lowered capacity',
    );
    expect(await view(lower)).toMatchObject({ status: 'WAITING', waitingRank: 1 });
    expect(await view(higher)).toMatchObject({ status: 'LISTED' });
    expect(await a.vendor.get<Solution>(`/solutions/${lower.solutionId}`)).toMatchObject({
      statusReason: expect.stringContaining('Sức chứa của lĩnh vực đã giảm'),
    });
    await eventually(async () => {
      const inbox = await inboxOf<Notice>(a.vendor);
      return inbox.find((n) => n.kind === 'listing-displaced' && n.data.solutionId === lower.solutionId);
    }, 'the notice of the lowered capacity');

    await a.admin.request('PUT', `/categories/${category}`, { ...names, capacity: 2 });
    await eventually(
      async () => ((await solutionStatus(lower.solutionId)) === 'LISTED' ? true : undefined),
      'the scheduler filling the raised capacity',
    );
  });

  it('never assigns an assessor linked to the vendor, and a late-declared link blocks scoring', async () => {
    const b = await createActors(system.admin, `coi-${randomBytes(2).toString('hex')}`);
    await loginAssessors();
    const category = await newCategory();
    const [linked] = [...assessors.keys()];
    await a.admin.post('/precheck/conflicts', {
      assessorUserId: linked,
      vendorOrganisationId: b.vendorOrgId,
      reason: 'Từng là cố vấn kỹ thuật của doanh nghiệp.',
    });
    await expect(
      a.admin.post('/precheck/conflicts', {
        assessorUserId: linked,
        vendorOrganisationId: b.vendorOrgId,
        reason: 'lặp',
      }),
    ).rejects.toMatchObject({ status: 409, body: { code: 'PRECHECK.CONFLICT_EXISTS' } });
    for (let i = 0; i < assessors.size; i++) {
      const submission = await submit(b.vendor, (await draft(b.vendor, category)).id);
      expect((await assigned(submission.id)).map((x) => x.id)).not.toContain(linked);
    }

    // A link declared after assignment: an unrelated assessor takes the linked one's place at once.
    const submission = await submit(b.vendor, (await draft(b.vendor, category)).id);
    const [late, other] = await assigned(submission.id);
    // A spare unrelated assessor, so that one is free to take the place.
    await a.admin.post(`/organisations/${a.operatorOrgId}/users`, {
      email: `tienkiem-du-phong-${randomBytes(3).toString('hex')}@sokhcn.hanoi.gov.vn`,
      fullName: 'Ngô Văn Khải',
      password: PASSWORD,
      roles: ['ASSESSOR'],
    });
    await a.admin.post('/precheck/conflicts', {
      assessorUserId: late.id,
      vendorOrganisationId: b.vendorOrgId,
      reason: 'Người thân làm việc tại doanh nghiệp.',
    });
    await expect(
      late.client.post(`/precheck/submissions/${submission.id}/scores`, scores(90, 90, 90)),
    ).rejects.toMatchObject({ status: 403, body: { code: 'PRECHECK.NOT_ASSIGNED' } });
    const reassigned = await assigned(submission.id);
    expect(reassigned).toHaveLength(2);
    expect(reassigned.map((x) => x.id)).toContain(other.id);
    expect(reassigned.map((x) => x.id)).not.toContain(late.id);
    expect(reassigned.map((x) => x.id)).not.toContain(linked);
    const { rows: replacedEvents } = await system.db.pool.query<{ before: { assessorUserId: string } }>(
      `SELECT before FROM audit.events WHERE entity_id = $1 AND action = 'assessor_replaced'`,
      [submission.id],
    );
    expect(replacedEvents).toEqual([{ before: { assessorUserId: late.id } }]);
    const replacement = reassigned.find((x) => x.id !== other.id)!;
    const notice = await eventually(async () => {
      const inbox = await inboxOf<Notice>(replacement.client);
      return inbox.find((n) => n.kind === 'precheck-assessor-replaced' && n.data.submissionId === submission.id);
    }, 'the notice of the replaced assessor');
    expect(notice.data).toMatchObject({ removedAssessorUserId: late.id, newAssessorUserIds: [replacement.id] });
    for (const assessor of reassigned)
      await assessor.client.post(`/precheck/submissions/${submission.id}/scores`, scores(80, 80, 80));
    expect(await a.admin.get<Submission>(`/precheck/submissions/${submission.id}`)).toMatchObject({
      status: 'LISTED',
    });

    // With every assessor linked, the submission waits for assessors (nothing refused, nothing assigned); the
    // scheduler assigns it once two unrelated assessors exist.
    for (const id of assessors.keys())
      if (id !== linked && id !== late.id)
        await a.admin.post('/precheck/conflicts', {
          assessorUserId: id,
          vendorOrganisationId: b.vendorOrgId,
          reason: 'Liên quan.',
        });
    const blocked = await draft(b.vendor, category);
    const queued = await submit(b.vendor, blocked.id);
    expect(queued).toMatchObject({ status: 'SUBMITTED', assessments: [] });
    expect(await b.vendor.get<Solution>(`/solutions/${blocked.id}`)).toMatchObject({ status: 'SUBMITTED' });
    await expect(submit(b.vendor, blocked.id)).rejects.toMatchObject({ status: 409 });
    const hire = (fullName: string) =>
      a.admin.post<{ id: string }>(`/organisations/${a.operatorOrgId}/users`, {
        email: `tienkiem-moi-${randomBytes(3).toString('hex')}@sokhcn.hanoi.gov.vn`,
        fullName,
        password: PASSWORD,
        roles: ['ASSESSOR'],
      });
    const first = await hire('Lê Minh Tâm');
    // One unrelated assessor is not enough: the submission keeps waiting.
    await new Promise((resolve) => setTimeout(resolve, 4500));
    expect(await a.admin.get<Submission>(`/precheck/submissions/${queued.id}`)).toMatchObject({ status: 'SUBMITTED' });
    const second = await hire('Phan Thu Trang');
    const assignedLater = await eventually(async () => {
      const view = await a.admin.get<Submission>(`/precheck/submissions/${queued.id}`);
      return view.status === 'UNDER_REVIEW' ? view : undefined;
    }, 'assignment by the scheduler');
    expect(assignedLater.assessments.map((x) => x.assessorUserId).sort()).toEqual([first.id, second.id].sort());
    expect(await b.vendor.get<Solution>(`/solutions/${blocked.id}`)).toMatchObject({ status: 'UNDER_REVIEW' });

    // A link declared when no unrelated assessor is free: the place waits for the scheduler, and nobody decides
    // the submission on one assessor's scores.
    await a.admin.post('/precheck/conflicts', {
      assessorUserId: first.id,
      vendorOrganisationId: b.vendorOrgId,
      reason: 'Từng làm việc cho doanh nghiệp.',
    });
    await loginAssessors();
    expect((await assigned(queued.id)).map((x) => x.id)).toEqual([second.id]);
    await eventually(async () => {
      const inbox = await inboxOf<Notice>(a.admin);
      const waiting = inbox.find((n) => n.kind === 'precheck-assessor-replaced' && n.data.submissionId === queued.id);
      return waiting?.data.newAssessorUserIds?.length === 0 ? true : undefined;
    }, 'the notice that the submission waits for an assessor');
    await assessors.get(second.id)!.post(`/precheck/submissions/${queued.id}/scores`, scores(80, 80, 80));
    expect(await a.admin.get<Submission>(`/precheck/submissions/${queued.id}`)).toMatchObject({
      status: 'UNDER_REVIEW',
    });
    const third = await hire('Đoàn Hải Yến');
    await eventually(async () => {
      const view = await a.admin.get<Submission>(`/precheck/submissions/${queued.id}`);
      return view.assessments.some((x) => x.assessorUserId === third.id) ? true : undefined;
    }, 'the scheduler filling the place the linked assessor left');
    await loginAssessors();
    await assessors.get(third.id)!.post(`/precheck/submissions/${queued.id}/scores`, scores(80, 80, 80));
    expect(await b.vendor.get<Solution>(`/solutions/${blocked.id}`)).toMatchObject({ status: 'LISTED' });
  });

  it('refuses bad input with a clear 4xx code and writes nothing', async () => {
    const category = await newCategory();
    const solution = await draft(a.vendor, category);
    const cases: Array<[unknown[], number, string]> = [
      [[{ requirementId: 'khong-ton-tai', value: 1 }], 400, 'PRECHECK.UNKNOWN_REQUIREMENT'],
      [[{ requirementId: 'cap-do-attt', value: 'ba' }], 400, 'PRECHECK.WRONG_ANSWER_TYPE'],
      [[{ requirementId: 'kiem-thu-xam-nhap', value: 20260101 }], 400, 'PRECHECK.WRONG_ANSWER_TYPE'],
      [[GOOD_ANSWERS[0], GOOD_ANSWERS[0]], 400, 'PRECHECK.DUPLICATE_ANSWER'],
      [[{ requirementId: 'cap-do-attt' }], 400, 'VALIDATION.FAILED'],
    ];
    for (const [answers, status, code] of cases)
      await expect(submit(a.vendor, solution.id, answers)).rejects.toMatchObject({ status, body: { code } });
    expect(await solutionStatus(solution.id)).toBe('DRAFT');
    expect((await a.vendor.get<{ items: Submission[] }>('/precheck/submissions?limit=200')).items).not.toContainEqual(
      expect.objectContaining({ solutionId: solution.id }),
    );

    const submission = await submit(a.vendor, solution.id);
    const [assessor] = await assigned(submission.id);
    const url = `/precheck/submissions/${submission.id}/scores`;
    for (const [body, code] of [
      [scores(101, 80, 80), 'VALIDATION.FAILED'],
      [scores(80, -1, 80), 'VALIDATION.FAILED'],
      [{ scores: scores(80, 80, 80).scores.slice(0, 2) }, 'PRECHECK.INCOMPLETE_SCORES'],
      [{ scores: [...scores(80, 80, 80).scores.slice(0, 2), scores(1, 1, 1).scores[0]] }, 'PRECHECK.INCOMPLETE_SCORES'],
    ] as const)
      await expect(assessor.client.post(url, body)).rejects.toMatchObject({ status: 400, body: { code } });
    const view = await a.admin.get<Submission>(`/precheck/submissions/${submission.id}`);
    expect(view.assessments.every((x) => x.scoredAt === null)).toBe(true);

    await expect(
      a.admin.post('/precheck/requirement-sets', {
        categoryCode: category,
        requirements: [{ ...SECURITY_LEVEL, min: 5, max: 3 }],
      }),
    ).rejects.toMatchObject({ status: 400, body: { code: 'PRECHECK.INVALID_REQUIREMENT_SET' } });
    await expect(
      a.admin.post('/precheck/requirement-sets', { categoryCode: 'khong-co', requirements: [] }),
    ).rejects.toMatchObject({ status: 400, body: { code: 'CATALOG.CATEGORY_NOT_FOUND' } });
  });

  it('stores streamed documents by SHA-256, typed by their bytes, within the size limit', async () => {
    const category = await newCategory();
    const solution = await draft(a.vendor, category);
    const email = a.logins.find((l) => l.role === 'vendor')!.email;
    const token = await system.client.login(email, PASSWORD);
    const upload = (content: Buffer, filename: string, contentType: string) =>
      request(system.url)
        .post(`/solutions/${solution.id}/documents`)
        .set('authorization', `Bearer ${token}`)
        .attach('file', content, { filename, contentType });

    const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
    const stored = await upload(pdf, 'chung-chi-iso-27001.pdf', 'application/octet-stream').expect(201);
    expect(stored.body).toMatchObject({
      mediaType: 'application/pdf',
      bytes: String(pdf.length),
      sha256: createHash('sha256').update(pdf).digest('hex'),
      solutionVersion: 1,
    });

    const exe = Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(2048)]);
    const refused = await upload(exe, 'bao-cao.pdf', 'application/pdf').expect(400);
    expect(refused.body.code).toBe('CATALOG.DOCUMENT_TYPE_REFUSED');
    const oversized = Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)]);
    const tooLarge = await upload(oversized, 'lon.pdf', 'application/pdf').expect(400);
    expect(tooLarge.body.code).toBe('CATALOG.DOCUMENT_TOO_LARGE');
    const missing = await request(system.url)
      .post(`/solutions/${solution.id}/documents`)
      .set('authorization', `Bearer ${token}`)
      .send({ file: 'x' })
      .expect(400);
    expect(missing.body.code).toBe('CATALOG.DOCUMENT_MISSING');
    expect(await a.vendor.get<unknown[]>(`/solutions/${solution.id}/documents`)).toEqual([
      expect.objectContaining({ id: stored.body.id }),
    ]);

    // A document requirement is answered with the id of one of the solution's documents of an allowed type.
    const docCategory = await newCategory();
    await a.admin.post('/precheck/requirement-sets', {
      categoryCode: docCategory,
      requirements: [
        SECURITY_LEVEL,
        {
          id: 'chung-chi-iso',
          title: 'Chứng chỉ ISO/IEC 27001',
          group: 'security',
          type: 'document',
          mandatory: true,
          scoring: 'automatic',
          allowedTypes: ['image/png'],
        },
      ],
    });
    const other = await draft(a.vendor, docCategory);
    await expect(
      submit(a.vendor, other.id, [GOOD_ANSWERS[0], { requirementId: 'chung-chi-iso', value: stored.body.id }]),
    ).rejects.toMatchObject({ status: 400, body: { code: 'PRECHECK.UNKNOWN_DOCUMENT' } });
    const mine = await request(system.url)
      .post(`/solutions/${other.id}/documents`)
      .set('authorization', `Bearer ${token}`)
      .attach('file', pdf, { filename: 'iso.pdf', contentType: 'application/pdf' })
      .expect(201);
    const wrongType = await submit(a.vendor, other.id, [
      GOOD_ANSWERS[0],
      { requirementId: 'chung-chi-iso', value: mine.body.id },
    ]);
    expect(wrongType).toMatchObject({ status: 'AUTO_REJECTED' });
    expect(wrongType.failures.map((f) => f.requirementId)).toEqual(['chung-chi-iso']);
  });

  it('streams documents to whoever may read them and never shows confidential ones to the public', async () => {
    const category = await newCategory();
    const solution = await draft(a.vendor, category);
    const token = await system.client.login(a.logins.find((l) => l.role === 'vendor')!.email, PASSWORD);
    const REASON = 'Sơ đồ mạng nội bộ của khách hàng Sở Y tế — bí mật kinh doanh.';
    const SECRET_NAME = 'so-do-mang-noi-bo.pdf';
    const upload = (content: Buffer, filename: string, fields: Record<string, string> = {}) => {
      let call = request(system.url)
        .post(`/solutions/${solution.id}/documents`)
        .set('authorization', `Bearer ${token}`);
      for (const [name, value] of Object.entries(fields)) call = call.field(name, value);
      return call.attach('file', content, { filename, contentType: 'application/pdf' });
    };
    const open = Buffer.from(`%PDF-1.7\n% Hồ sơ năng lực ${randomBytes(4).toString('hex')}\n%%EOF\n`);
    const secret = Buffer.from(`%PDF-1.7\n% ${randomBytes(8).toString('hex')}\n%%EOF\n`);
    const publicDoc = (await upload(open, 'hồ-sơ-năng-lực.pdf').expect(201)).body as { id: string };
    const secretDoc = (
      await upload(secret, SECRET_NAME, { confidential: 'true', confidentialReason: REASON }).expect(201)
    ).body as { id: string; confidential: boolean; confidentialReason: string };
    expect(secretDoc).toMatchObject({ confidential: true, confidentialReason: REASON });
    const badFields: Array<Record<string, string>> = [
      { confidential: 'true' },
      { confidential: 'yes', confidentialReason: REASON },
    ];
    for (const fields of badFields) {
      const refused = await upload(secret, 'x.pdf', fields).expect(400);
      expect(refused.body.code).toBe('CATALOG.CONFIDENTIAL_REASON_REQUIRED');
    }

    const bearer = (client?: MarketplaceClient) =>
      client ? { authorization: `Bearer ${(client as unknown as { token: string }).token}` } : {};
    const list = (client?: MarketplaceClient) =>
      request(system.url).get(`/solutions/${solution.id}/documents`).set(bearer(client));
    const download = (documentId: string, client?: MarketplaceClient, headers: Record<string, string> = {}) =>
      request(system.url)
        .get(`/solutions/${solution.id}/documents/${documentId}/content`)
        .set({ ...bearer(client), ...headers })
        .responseType('blob');

    expect((await list(a.vendor).expect(200)).body).toEqual([
      expect.objectContaining({ id: publicDoc.id, confidential: false, confidentialReason: null }),
      expect.objectContaining({ id: secretDoc.id, confidential: true, confidentialReason: REASON }),
    ]);
    const got = await download(secretDoc.id, a.vendor).expect(200);
    expect(got.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': String(secret.length),
      etag: `"${createHash('sha256').update(secret).digest('hex')}"`,
    });
    expect(got.headers['content-disposition']).toContain(`filename="${SECRET_NAME}"`);
    expect(Buffer.compare(got.body as Buffer, secret)).toBe(0);
    await download(secretDoc.id, a.vendor, { 'if-none-match': got.headers.etag }).expect(304);
    const named = await download(publicDoc.id, a.vendor).expect(200);
    expect(named.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('hồ-sơ-năng-lực.pdf')}`,
    );

    // Not listed yet: the public, other organisations and unassigned assessors see nothing.
    await list().expect(404);
    await download(publicDoc.id).expect(404);
    await download(publicDoc.id, a.buyer).expect(404);

    const submission = await submit(a.vendor, solution.id);
    const reviewers = await assigned(submission.id);
    const outsider = [...assessors.entries()].find(([id]) => !reviewers.some((r) => r.id === id))![1];
    await download(secretDoc.id, outsider).expect(404);
    expect((await list(reviewers[0].client).expect(200)).body).toHaveLength(2);
    expect(Buffer.compare((await download(secretDoc.id, reviewers[1].client).expect(200)).body as Buffer, secret)).toBe(
      0,
    );
    expect((await list(a.admin).expect(200)).body).toHaveLength(2);
    for (const reviewer of reviewers)
      await reviewer.client.post(`/precheck/submissions/${submission.id}/scores`, scores(80, 80, 80));

    // Listed: the public reads the non-confidential documents only, and nothing reveals the confidential one.
    const publicList = (await list().expect(200)).body as Array<Record<string, unknown>>;
    expect(publicList).toEqual([expect.objectContaining({ id: publicDoc.id, confidential: false })]);
    expect(Buffer.compare((await download(publicDoc.id).expect(200)).body as Buffer, open)).toBe(0);
    await download(secretDoc.id).expect(404);
    await download(secretDoc.id, a.buyer).expect(404);
    await download(secretDoc.id, outsider).expect(404);
    expect(Buffer.compare((await download(secretDoc.id, reviewers[0].client).expect(200)).body as Buffer, secret)).toBe(
      0,
    );
    const publicOutputs = [
      publicList,
      (await request(system.url).get(`/solutions/${solution.id}`).expect(200)).body,
      (await request(system.url).get(`/catalog/search?category=${category}`).expect(200)).body,
      (await request(system.url).get(`/solutions?category=${category}`).expect(200)).body,
    ].map((body) => JSON.stringify(body));
    for (let cursor = ''; ;) {
      const page = (await request(system.url).get(`/public/changes?limit=500${cursor}`).expect(200)).body as {
        items: unknown[];
        nextCursor: string | null;
      };
      publicOutputs.push(JSON.stringify(page.items));
      if (page.items.length < 500 || !page.nextCursor) break;
      cursor = `&cursor=${page.nextCursor}`;
    }
    for (const output of publicOutputs) {
      expect(output).not.toContain(REASON);
      expect(output).not.toContain(SECRET_NAME);
      expect(output).not.toContain(createHash('sha256').update(secret).digest('hex'));
      expect(output).not.toContain(secretDoc.id);
    }

    // Marked confidential later, the public document disappears from public view; made public again, it returns.
    const mark = (id: string, body: object, client = a.vendor) =>
      client.request<{ confidential: boolean }>(
        'PUT',
        `/solutions/${solution.id}/documents/${id}/confidentiality`,
        body,
      );
    await expect(mark(publicDoc.id, { confidential: true })).rejects.toMatchObject({
      status: 400,
      body: { code: 'CATALOG.CONFIDENTIAL_REASON_REQUIRED' },
    });
    await expect(mark(publicDoc.id, { confidential: true, reason: REASON }, a.buyer)).rejects.toMatchObject({
      status: 403,
    });
    expect(await mark(publicDoc.id, { confidential: true, reason: REASON })).toMatchObject({ confidential: true });
    expect((await list().expect(200)).body).toEqual([]);
    await download(publicDoc.id).expect(404);
    await mark(publicDoc.id, { confidential: false });
    expect((await list().expect(200)).body).toEqual([expect.objectContaining({ id: publicDoc.id })]);

    // Added to the listed solution, a document was never checked: hidden until the operator accepts it.
    const late = Buffer.from(`%PDF-1.7\n% Chứng nhận bổ sung ${randomBytes(4).toString('hex')}\n%%EOF\n`);
    const lateDoc = (await upload(late, 'chung-nhan-bo-sung.pdf').expect(201)).body as { id: string };
    expect(lateDoc).toMatchObject({ reviewStatus: 'PENDING' });
    expect((await list().expect(200)).body).toEqual([expect.objectContaining({ id: publicDoc.id })]);
    await download(lateDoc.id).expect(404);
    await download(lateDoc.id, a.buyer).expect(404);
    expect(Buffer.compare((await download(lateDoc.id, a.vendor).expect(200)).body as Buffer, late)).toBe(0);
    const pending = await a.admin.get<{ items: Array<{ id: string }> }>('/documents/pending-review?limit=200');
    expect(pending.items.map((d) => d.id)).toContain(lateDoc.id);
    const review = (id: string, body: object, client = a.admin) =>
      client.post<{ reviewStatus: string }>(`/solutions/${solution.id}/documents/${id}/review`, body);
    await expect(review(lateDoc.id, { decision: 'accept' }, a.vendor)).rejects.toMatchObject({ status: 403 });
    expect(await review(lateDoc.id, { decision: 'accept' })).toMatchObject({ reviewStatus: 'ACCEPTED' });
    expect(((await list().expect(200)).body as Array<{ id: string }>).map((d) => d.id)).toEqual([
      publicDoc.id,
      lateDoc.id,
    ]);
    expect(Buffer.compare((await download(lateDoc.id).expect(200)).body as Buffer, late)).toBe(0);
    await expect(review(lateDoc.id, { decision: 'reject', reason: 'Muộn' })).rejects.toMatchObject({
      status: 409,
      body: { code: 'CATALOG.DOCUMENT_NOT_PENDING' },
    });

    const wrong = Buffer.from(`%PDF-1.7\n% Tài liệu sai ${randomBytes(4).toString('hex')}\n%%EOF\n`);
    const wrongDoc = (await upload(wrong, 'tai-lieu-sai.pdf').expect(201)).body as { id: string };
    await expect(review(wrongDoc.id, { decision: 'reject' })).rejects.toMatchObject({
      status: 400,
      body: { code: 'CATALOG.REJECTION_REASON_REQUIRED' },
    });
    expect(await review(wrongDoc.id, { decision: 'reject', reason: 'Không khớp giải pháp.' })).toMatchObject({
      reviewStatus: 'REJECTED',
    });
    await download(wrongDoc.id).expect(404);
    expect(
      (await a.admin.get<{ items: Array<{ id: string }> }>('/documents/pending-review?limit=200')).items,
    ).not.toContainEqual(expect.objectContaining({ id: wrongDoc.id }));
    const { rows: reviewEvents } = await system.db.pool.query<{ action: string }>(
      `SELECT action FROM audit.events WHERE entity_id = ANY($1) AND action LIKE 'review_%' ORDER BY seq`,
      [[lateDoc.id, wrongDoc.id]],
    );
    expect(reviewEvents.map((e) => e.action)).toEqual(['review_accepted', 'review_rejected']);
  });

  it('publishes the documents added after listing once a re-check of the solution passes', async () => {
    const category = await newCategory();
    const solution = await draft(a.vendor, category);
    const first = await submit(a.vendor, solution.id);
    for (const assessor of await assigned(first.id))
      await assessor.client.post(`/precheck/submissions/${first.id}/scores`, scores(80, 80, 80));
    const token = await system.client.login(a.logins.find((l) => l.role === 'vendor')!.email, PASSWORD);
    const late = Buffer.from(`%PDF-1.7\n% Báo cáo vận hành ${randomBytes(4).toString('hex')}\n%%EOF\n`);
    const lateDoc = (
      await request(system.url)
        .post(`/solutions/${solution.id}/documents`)
        .set('authorization', `Bearer ${token}`)
        .attach('file', late, { filename: 'bao-cao-van-hanh.pdf', contentType: 'application/pdf' })
        .expect(201)
    ).body as { id: string; reviewStatus: string };
    expect(lateDoc.reviewStatus).toBe('PENDING');
    const publicDocuments = async () =>
      (
        (await request(system.url).get(`/solutions/${solution.id}/documents`).expect(200)).body as Array<{ id: string }>
      ).map((d) => d.id);
    expect(await publicDocuments()).not.toContain(lateDoc.id);

    const { name } = await a.vendor.get<Solution & { name: string }>(`/solutions/${solution.id}`);
    await a.vendor.request('PUT', `/solutions/${solution.id}`, {
      name,
      summary: 'Giám sát giao thông bằng camera AI, đo được bằng dữ liệu thật.',
      categoryCode: category,
      kpis: [{ ...TRAFFIC_KPI, unit: 'm/s' }],
    });
    const recheck = await submit(a.vendor, solution.id);
    for (const assessor of await assigned(recheck.id))
      await assessor.client.post(`/precheck/submissions/${recheck.id}/scores`, {
        scores: [{ group: 'kpi', score: 90, reason: 'Đơn vị đo mới rõ ràng.' }],
      });

    expect(await publicDocuments()).toContain(lateDoc.id);
    const accepted = await a.admin.get<{ items: Array<{ id: string }> }>('/documents/pending-review?limit=200');
    expect(accepted.items.map((d) => d.id)).not.toContain(lateDoc.id);
  });

  it('searches the public catalogue with and without diacritics, with filters, quality order and cursor pages', async () => {
    const category = await newCategory();
    const list = async (score: number, fields: Record<string, unknown>) => {
      const solution = await draft(a.vendor, category, TRAFFIC_KPI, fields);
      const submission = await submit(a.vendor, solution.id);
      for (const assessor of await assigned(submission.id))
        await assessor.client.post(`/precheck/submissions/${submission.id}/scores`, scores(score, score, score));
      return solution.id;
    };
    const acceptance = await list(90, {
      name: 'Nền tảng nghiệm thu số theo KPI',
      makeInVietnam: true,
      deploymentModel: 'cloud',
      priceMin: '100000000',
      priceMax: '500000000',
    });
    const upper = await list(75, {
      name: 'PHẦN MỀM NGHIỆM THU TỰ ĐỘNG',
      deploymentModel: 'on_premise',
      priceMin: '800000000',
      priceMax: '900000000',
    });
    const other = await list(80, { name: 'Giám sát đô thị thông minh', makeInVietnam: true, deploymentModel: 'cloud' });
    // A draft matching the text is never found.
    await draft(a.vendor, category, TRAFFIC_KPI, { name: 'Nghiệm thu bản nháp chưa niêm yết' });

    interface Page {
      items: Array<{ id: string; qualityScore: number; status: string }>;
      nextCursor: string | null;
    }
    const search = async (query: string) => {
      const response = await request(system.url).get(`/catalog/search?category=${category}&${query}`);
      expect({ status: response.status, query }).toEqual({ status: 200, query });
      return response.body as Page;
    };
    const ids = async (query: string) => (await search(query)).items.map((i) => i.id);

    expect(await ids('q=nghiem%20thu')).toEqual([acceptance, upper]);
    expect(await ids(`q=${encodeURIComponent('nghiệm thu')}`)).toEqual([acceptance, upper]);
    expect(await ids(`q=${encodeURIComponent('ĐÔ THỊ')}`)).toEqual([other]);
    expect(await ids('')).toEqual([acceptance, other, upper]);
    expect(await ids('makeInVietnam=true')).toEqual([acceptance, other]);
    expect(await ids('deploymentModel=on_premise')).toEqual([upper]);
    expect(await ids('priceMin=600000000')).toEqual([upper]);
    expect(await ids('priceMax=600000000')).toEqual([acceptance]);
    const vendorOrg = await system.db.pool.query<{ name: string; tax_code: string }>(
      'SELECT name, tax_code FROM identity.organisations WHERE id = $1',
      [a.vendorOrgId],
    );
    expect((await search('')).items[0]).toMatchObject({
      qualityScore: 90,
      status: 'LISTED',
      vendorOrganisationId: a.vendorOrgId,
      vendorName: vendorOrg.rows[0].name,
      vendorTaxCode: vendorOrg.rows[0].tax_code,
    });
    // No trust score yet: every vendor counts as new ("Nhà cung cấp mới").
    expect((await search('')).items.map((i) => (i as { trustLabel?: string }).trustLabel)).toEqual([
      'NHA_CUNG_CAP_MOI',
      'NHA_CUNG_CAP_MOI',
      'NHA_CUNG_CAP_MOI',
    ]);
    expect(await ids('trustLabel=NHA_CUNG_CAP_MOI')).toEqual([acceptance, other, upper]);
    expect(await ids('trustLabel=TOT')).toEqual([]);
    expect(await ids('trustLabel=TOT&trustLabel=NHA_CUNG_CAP_MOI&q=nghiem%20thu')).toEqual([acceptance, upper]);

    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: Page = await search(`limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual([acceptance, other, upper]);

    await a.admin.post(`/solutions/${other}/suspend`, {
      until: new Date(Date.now() + 86_400_000).toISOString(),
      reason: 'Tạm dừng kiểm tra.',
    });
    expect(await ids('')).toEqual([acceptance, upper]);
    expect(await ids('status=SUSPENDED')).toEqual([acceptance, upper]);
    const operatorView = await a.admin.get<Page>(`/catalog/search?category=${category}&status=SUSPENDED`);
    expect(operatorView.items.map((i) => i.id)).toEqual([other]);

    for (const query of [
      'cursor=bm9wZQ',
      'limit=0',
      'limit=101',
      'priceMin=-1',
      'deploymentModel=mars',
      'trustLabel=GIOI',
      'trustLabel=TOT&trustLabel=moi',
    ]) {
      const response = await request(system.url).get(`/catalog/search?${query}`).expect(400);
      expect(response.body.code).toMatch(/^(CATALOG\.INVALID_CURSOR|VALIDATION\.FAILED)$/);
    }
    await expect(draft(a.vendor, category, TRAFFIC_KPI, { priceMin: '900', priceMax: '100' })).rejects.toMatchObject({
      status: 400,
      body: { code: 'CATALOG.INVALID_PRICE_RANGE' },
    });
  });

  it('lifts a suspension at its end date and expires a listing after 12 months, by the scheduler', async () => {
    const category = await newCategory();
    const solution = await draft(a.vendor, category);
    const submission = await submit(a.vendor, solution.id);
    for (const assessor of await assigned(submission.id))
      await assessor.client.post(`/precheck/submissions/${submission.id}/scores`, scores(80, 80, 80));
    const until = new Date(Date.now() + 86_400_000).toISOString();
    await expect(
      a.vendor.post(`/solutions/${solution.id}/suspend`, { until, reason: 'Tự đình chỉ' }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      a.admin.post(`/solutions/${solution.id}/suspend`, { until: '2020-01-01T00:00:00Z', reason: 'Quá khứ' }),
    ).rejects.toMatchObject({ status: 400, body: { code: 'CATALOG.SUSPENSION_END_IN_PAST' } });
    await a.admin.post(`/solutions/${solution.id}/suspend`, {
      until,
      reason: 'Sự cố an toàn thông tin đang xác minh.',
    });
    expect(await a.vendor.get<Solution>(`/solutions/${solution.id}`)).toMatchObject({
      status: 'SUSPENDED',
      statusReason: 'Sự cố an toàn thông tin đang xác minh.',
    });
    await request(system.url).get(`/solutions/${solution.id}`).expect(404);

    const DAY = 86_400;
    const at = async (days: number, status: string) => {
      await system.restartWorker({ CLOCK_OFFSET_SECONDS: String(days * DAY) });
      await eventually(async () => ((await solutionStatus(solution.id)) === status ? true : undefined), status);
    };
    await at(2, 'LISTED');
    const reminded = async () => {
      const { rows } = await system.db.pool.query(
        `SELECT 1 FROM audit.events WHERE entity_id = $1 AND action = 'expiry_reminder'`,
        [solution.id],
      );
      return rows.length;
    };
    expect(await reminded()).toBe(0);
    await system.restartWorker({ CLOCK_OFFSET_SECONDS: String(340 * DAY) });
    await eventually(async () => ((await reminded()) === 1 ? true : undefined), 'the expiry reminder');
    expect(await solutionStatus(solution.id)).toBe('LISTED');
    // The reminder reaches the vendor's inbox, once.
    const reminders = async () =>
      (await inboxOf<Notice>(a.vendor)).filter(
        (n) => n.kind === 'listing-expiry-reminder' && n.data.solutionId === solution.id,
      );
    const [notice] = await eventually(async () => {
      const found = await reminders();
      return found.length > 0 ? found : undefined;
    }, 'the reminder notification');
    expect(notice.messageVi).toContain('hết hạn');
    expect(new Date(notice.data.expiresAt as string).getTime()).toBeGreaterThan(Date.now() + 360 * DAY * 1000);
    await at(370, 'EXPIRED');
    expect(await reminded()).toBe(1);
    expect(await reminders()).toHaveLength(1);
    // The same sweep expired the capacity category's only listing; the best waiting solution took the free slot,
    // its submission moved to LISTED, the weaker one still waits.
    const promoted = waitingSolution!;
    await eventually(
      async () => ((await solutionStatus(promoted.solutionId)) === 'LISTED' ? true : undefined),
      'promotion',
    );
    expect(await a.vendor.get<Submission>(`/precheck/submissions/${promoted.submissionId}`)).toMatchObject({
      status: 'LISTED',
      waitingRank: null,
    });
    await eventually(async () => {
      const inbox = await inboxOf<Notice>(a.vendor);
      return inbox.find((n) => n.kind === 'listing-promoted' && n.data.solutionId === promoted.solutionId);
    }, 'the promotion notice');
  });
});

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
      deadline: '2027-06-30',
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
    const proposals =
      await a.buyer.get<Array<{ id: string; status: string; mergedIntoProblemId: string }>>('/problems/proposals');
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
});

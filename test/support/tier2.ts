import type { Created } from './client';
import { listSolution, PASSWORD, validTaxCode, type Actors } from './journey';

export interface ListedVendor {
  actors: Actors;
  solutionId: string;
}

/** The actors of `a` with another vendor organisation of their own, created by the operator. */
async function anotherVendor(a: Actors, prefix: string, tag: string): Promise<Actors> {
  const org = await a.admin.post<Created>('/organisations', {
    type: 'VENDOR',
    name: `Công ty Công nghệ ${tag}`,
    taxCode: validTaxCode(),
  });
  const email = `${prefix}-${tag}@congnghe-${tag}.vn`;
  await a.admin.post(`/organisations/${org.id}/users`, {
    email,
    fullName: 'Đặng Văn Khoa',
    password: PASSWORD,
    roles: ['VENDOR'],
  });
  return { ...a, vendor: a.admin.as(await a.admin.login(email, PASSWORD)), vendorOrgId: org.id };
}

/** Three vendors (the first is `a`'s own) with a listed traffic solution each, for tier-2 competitions. */
export async function threeListedVendors(a: Actors, prefix: string): Promise<ListedVendor[]> {
  const vendors: ListedVendor[] = [];
  for (const tag of ['a', 'b', 'c']) {
    const actors = tag === 'a' ? a : await anotherVendor(a, prefix, tag);
    vendors.push({ actors, solutionId: await listSolution(actors) });
  }
  return vendors;
}

/**
 * A published traffic problem with one speed KPI (baseline 30, target 45 km/h) and an envelope of 1 bn đồng, payable
 * wholly by results unless `outcomeShareBp` says otherwise.
 */
/** The traffic problems' speed KPI: 30 → 45 km/h, measured quarterly by camera. */
export const SPEED_KPI = {
  code: 'K1',
  nameVi: 'Tốc độ trung bình',
  nameEn: 'Average speed',
  unit: 'km/h',
  direction: 'increase',
  baseline: '30',
  target: '45',
  measurementPeriod: 'quarterly',
  dataSource: 'Camera',
};

/** A valid `POST /problems` body for the traffic problem (deadline 180 days out), with fields or KPI fields changed. */
export const trafficProblemBody = (overrides: Record<string, unknown> = {}, kpi: Record<string, unknown> = {}) => ({
  titleVi: 'Giảm ùn tắc tại các điểm nóng giao thông',
  titleEn: 'Reduce congestion at traffic hotspots',
  categoryCode: 'giao-thong',
  budgetEnvelope: '5000000000',
  outcomeShareBp: 10_000,
  deadline: new Date(Date.now() + 180 * 86_400_000).toISOString().slice(0, 10),
  kpis: [{ ...SPEED_KPI, ...kpi }],
  ...overrides,
});

export async function publishedTrafficProblem(
  a: Actors,
  problem: { titleVi: string; titleEn: string; deadline?: string; scale?: string; outcomeShareBp?: number },
): Promise<string> {
  const created = await a.buyer.post<Created>('/problems', {
    ...problem,
    categoryCode: 'giao-thong',
    budgetEnvelope: '1000000000',
    outcomeShareBp: problem.outcomeShareBp ?? 10_000,
    kpis: [SPEED_KPI],
  });
  await a.buyer.post(`/problems/${created.id}/publish`);
  return created.id;
}

/** An offer of one round over 90 days committing `target` on K1. */
export const speedOffer = (solutionId: string, price: string, target: string) => ({
  solutionId,
  price,
  kpiCommitments: [{ kpiCode: 'K1', target }],
  durationDays: 90,
  rounds: 1,
});

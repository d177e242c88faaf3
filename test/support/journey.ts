import { randomBytes } from 'node:crypto';
import { ApiError, MarketplaceClient, type Created } from './client';
import { eventually } from './system';
import { everyPage } from './pages';

const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/** A tax code (mã số thuế) with a correct check digit, for test and demo organisations. */
export function validTaxCode(): string {
  for (;;) {
    const digits = [...randomBytes(9)].map((b) => b % 10);
    const check = 10 - (WEIGHTS.reduce((acc, w, i) => acc + w * digits[i], 0) % 11);
    if (check < 10) return [...digits, check].join('');
  }
}

export interface Actors {
  admin: MarketplaceClient;
  vendor: MarketplaceClient;
  buyer: MarketplaceClient;
  officer: MarketplaceClient;
  assessor: MarketplaceClient;
  city: MarketplaceClient;
  vendorOrgId: string;
  agencyOrgId: string;
  cityOrgId: string;
  operatorOrgId: string;
  logins: Array<{ role: string; email: string; password: string }>;
}

export const PASSWORD = 'mat-khau-demo-2026';

async function user(
  admin: MarketplaceClient,
  organisationId: string,
  email: string,
  fullName: string,
  roles: string[],
): Promise<MarketplaceClient> {
  await admin.post(`/organisations/${organisationId}/users`, { email, fullName, password: PASSWORD, roles });
  return admin.as(await admin.login(email, PASSWORD));
}

/** One organisation and one user per role, all reachable through the API. */
export async function createActors(
  admin: MarketplaceClient,
  tag = randomBytes(3).toString('hex'),
  names: Partial<Record<'vendor' | 'agency', string>> = {},
): Promise<Actors> {
  const me = await admin.get<{ organisationId: string }>('/me');
  const vendorOrg = await admin.post<Created>('/organisations', {
    type: 'VENDOR',
    name: names.vendor ?? `Công ty Giải pháp Số ${tag}`,
    taxCode: validTaxCode(),
  });
  const agencyOrg = await admin.post<Created>('/organisations', {
    type: 'AGENCY',
    name: names.agency ?? `Sở Xây dựng ${tag}`,
  });
  const cityOrg = await admin.post<Created>('/organisations', {
    type: 'CITY',
    name: `Văn phòng UBND Thành phố ${tag}`,
  });
  const emails = {
    vendor: `vendor-${tag}@giaiphapso.vn`,
    buyer: `buyer-${tag}@soxaydung.hanoi.gov.vn`,
    officer: `nghiemthu-${tag}@soxaydung.hanoi.gov.vn`,
    assessor: `tienkiem-${tag}@sokhcn.hanoi.gov.vn`,
    city: `lanhdao-${tag}@hanoi.gov.vn`,
  };
  return {
    admin,
    vendor: await user(admin, vendorOrg.id, emails.vendor, 'Trần Thị Bình', ['VENDOR']),
    buyer: await user(admin, agencyOrg.id, emails.buyer, 'Lê Văn Cường', ['BUYER']),
    officer: await user(admin, agencyOrg.id, emails.officer, 'Phạm Thu Dung', ['ACCEPTANCE_OFFICER']),
    assessor: await user(admin, me.organisationId, emails.assessor, 'Hoàng Minh Đức', ['ASSESSOR']),
    city: await user(admin, cityOrg.id, emails.city, 'Nguyễn Hữu Giang', ['CITY_VIEWER']),
    vendorOrgId: vendorOrg.id,
    agencyOrgId: agencyOrg.id,
    cityOrgId: cityOrg.id,
    operatorOrgId: me.organisationId,
    logins: Object.entries(emails).map(([role, email]) => ({ role, email, password: PASSWORD })),
  };
}

export const TRAFFIC_KPI = {
  metric: 'Tốc độ lưu thông trung bình giờ cao điểm',
  unit: 'km/h',
  direction: 'increase',
  dataSource: 'Camera giao thông của Sở Xây dựng',
  dataOwner: 'Sở Xây dựng Hà Nội',
  measurementMethod: 'Đo tốc độ trung bình qua camera AI mỗi 15 phút',
  aggregation: 'mean',
  frequency: 'daily',
  baselineMethod: 'Trung bình 3 tháng trước triển khai',
  minimumSample: 1,
  evidenceFormat: 'JSON',
};

const PASSING_SCORES = [
  { group: 'capability', score: 85, reason: 'Đủ năng lực triển khai tại các nút giao.' },
  { group: 'security', score: 80, reason: 'Hệ thống đạt cấp độ 3, có kiểm thử xâm nhập.' },
  { group: 'kpi', score: 90, reason: 'KPI đo được bằng camera, có kỳ cơ sở.' },
];

/** Operator assessors' emails by user id, as an admin client last listed them. */
const assessorEmails = new WeakMap<MarketplaceClient, Map<string, string>>();

/**
 * A login for an operator assessor (every test user shares PASSWORD); at least two exist for the pre-check. Listed
 * once per admin client unless `refresh`: the pre-check may assign one created since.
 */
async function operatorAssessors(a: Actors, refresh = false): Promise<Map<string, string>> {
  const listed = assessorEmails.get(a.admin);
  if (listed && !refresh) return listed;
  const users = await everyPage<{ id: string; email: string; roles: string[] }>(
    a.admin,
    `/organisations/${a.operatorOrgId}/users?role=ASSESSOR`,
    200,
  );
  const assessors = new Map(users.filter((u) => u.roles.includes('ASSESSOR')).map((u) => [u.id, u.email]));
  while (assessors.size < 2) {
    const email = `tienkiem-${randomBytes(3).toString('hex')}@sokhcn.hanoi.gov.vn`;
    const created = await a.admin.post<Created>(`/organisations/${a.operatorOrgId}/users`, {
      email,
      fullName: 'Vũ Thị Hà',
      password: PASSWORD,
      roles: ['ASSESSOR'],
    });
    assessors.set(created.id, email);
  }
  assessorEmails.set(a.admin, assessors);
  return assessors;
}

/** New actors whose vendor has a listed solution and whose agency holds `budget` đồng to sign orders with. */
export async function fundedActors(
  admin: MarketplaceClient,
  prefix: string,
  budget = 10_000_000_000n,
): Promise<{ a: Actors; solutionId: string }> {
  const a = await createActors(admin, prefix);
  const solutionId = await listSolution(a);
  await a.admin.post(`/budgets/${a.agencyOrgId}/allocations`, { amount: budget.toString(), reference: `QĐ ${prefix}` });
  return { a, solutionId };
}

/** Tier 1: a solution with one measurable KPI, submitted and passed by the two assessors assigned to it. */
export async function listSolution(a: Actors, categoryCode = 'giao-thong', kpi: object = TRAFFIC_KPI): Promise<string> {
  let assessors = await operatorAssessors(a);
  const solution = await a.vendor.post<Created>('/solutions', {
    name: 'Điều khiển đèn tín hiệu thích ứng bằng AI',
    summary: 'Tối ưu chu kỳ đèn theo lưu lượng thực tế tại các nút giao trọng điểm.',
    categoryCode,
    kpis: [kpi],
  });
  const submission = await a.vendor.post<{ id: string; status: string }>('/precheck/submissions', {
    solutionId: solution.id,
  });
  if (submission.status !== 'UNDER_REVIEW') throw new Error(`pre-check did not start: ${submission.status}`);
  const detail = await a.admin.get<{ assessments: Array<{ assessorUserId: string }> }>(
    `/precheck/submissions/${submission.id}`,
  );
  if (detail.assessments.some(({ assessorUserId }) => !assessors.has(assessorUserId)))
    assessors = await operatorAssessors(a, true);
  for (const { assessorUserId } of detail.assessments) {
    const email = assessors.get(assessorUserId);
    if (!email) throw new Error(`assessor ${assessorUserId} is not in the operator organisation`);
    const assessor = await signedIn(a.admin, email);
    await assessor.post(`/precheck/submissions/${submission.id}/scores`, { scores: PASSING_SCORES });
  }
  return solution.id;
}

/** Access tokens by email (test emails are unique): a user stays signed in between tasks, as a person does. */
const sessions = new Map<string, string>();

async function signedIn(admin: MarketplaceClient, email: string): Promise<MarketplaceClient> {
  const token = sessions.get(email) ?? (await admin.login(email, PASSWORD));
  sessions.set(email, token);
  return admin.as(token);
}

export interface OrderTermsShape {
  id: string;
  status: string;
  termsHash: string;
  escrowBalance: string;
  terms: { rounds: Array<{ no: number; startsAt: string; endsAt: string }>; kpis: Array<{ key: string }> };
}

export interface SignedOrder {
  orderId: string;
  problemId: string;
  callId: string;
  offerId: string;
}

export interface OrderSpec {
  solutionId: string;
  price: string;
  baseline?: string;
  target?: string;
  rounds?: number;
  callWindowMs?: number;
  /** Seconds the vendor may dispute a signed record; tests default to 0 (payable as soon as it is signed). */
  disputeWindowSeconds?: number;
  /** The offer's fixed delivery share (the problem pays the rest by results); none by default. */
  deliveryShareBp?: number;
  /** The KPI's unit, aggregation and measurement period (km/h, the problem's default, quarterly by default). */
  unit?: string;
  aggregation?: 'mean' | 'sum' | 'last' | 'count';
  measurementPeriod?: string;
  /** An independent validator organisation named at award. */
  validatorOrganisationId?: string;
}

/** Problem → call → offer → award → draft order (not signed). */
export async function draftOrder(a: Actors, spec: OrderSpec): Promise<SignedOrder> {
  const problem = await a.buyer.post<Created>('/problems', {
    titleVi: 'Giảm ùn tắc tại các điểm nóng giao thông',
    titleEn: 'Reduce congestion at traffic hotspots',
    categoryCode: 'giao-thong',
    budgetEnvelope: '5000000000',
    outcomeShareBp: 10_000 - (spec.deliveryShareBp ?? 0),
    deadline: new Date(Date.now() + 180 * 86_400_000).toISOString().slice(0, 10),
    kpis: [
      {
        code: 'K1',
        nameVi: 'Tốc độ lưu thông trung bình giờ cao điểm',
        nameEn: 'Average peak-hour traffic speed',
        unit: spec.unit ?? 'km/h',
        direction: 'increase',
        baseline: spec.baseline ?? '30',
        target: spec.target ?? '45',
        measurementPeriod: spec.measurementPeriod ?? 'quarterly',
        ...(spec.aggregation ? { aggregation: spec.aggregation } : {}),
        dataSource: 'Camera giao thông',
      },
    ],
  });
  await a.buyer.post(`/problems/${problem.id}/publish`);
  const callWindowMs = spec.callWindowMs ?? 1500;
  const deadline = Date.now() + callWindowMs;
  const call = await a.buyer.post<Created>('/calls', {
    problemId: problem.id,
    deadline: new Date(deadline).toISOString(),
  });
  const offer = await a.vendor.post<Created>(`/calls/${call.id}/offers`, {
    solutionId: spec.solutionId,
    price: spec.price,
    kpiCommitments: [{ kpiCode: 'K1', target: spec.target ?? '45' }],
    durationDays: 90,
    rounds: spec.rounds ?? 1,
    ...(spec.deliveryShareBp ? { deliveryShareBp: spec.deliveryShareBp } : {}),
  });
  // Offers stay sealed until the deadline: award once it has passed, and again while the call says it is still open.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now())));
  const order = await eventually(
    () =>
      a.buyer
        .post<Created>(`/calls/${call.id}/award`, {
          offerId: offer.id,
          disputeWindowSeconds: spec.disputeWindowSeconds ?? 0,
          ...(spec.validatorOrganisationId ? { validatorOrganisationId: spec.validatorOrganisationId } : {}),
        })
        .catch((error: unknown) => {
          if (error instanceof ApiError && error.body.code === 'COMPETITION.CALL_STILL_OPEN') return undefined;
          throw error;
        }),
    `the deadline of call ${call.id}`,
    callWindowMs + 60_000,
  );
  return { orderId: order.id, problemId: problem.id, callId: call.id, offerId: offer.id };
}

export async function signBoth(a: Actors, orderId: string): Promise<OrderTermsShape> {
  const order = await a.buyer.get<OrderTermsShape>(`/orders/${orderId}`);
  await a.buyer.post(`/orders/${orderId}/signatures`, { termsHash: order.termsHash });
  return a.vendor.post<OrderTermsShape>(`/orders/${orderId}/signatures`, { termsHash: order.termsHash });
}

/** Points inside round `roundNo`'s window, spread evenly between its start and now (no future readings). */
export async function uploadRound(
  a: Actors,
  orderId: string,
  roundNo: number,
  values: string[],
  by = a.officer,
): Promise<void> {
  const order = await a.buyer.get<OrderTermsShape>(`/orders/${orderId}`);
  const round = order.terms.rounds.find((r) => r.no === roundNo);
  if (!round) throw new Error(`order ${orderId} has no round ${roundNo}`);
  const start = Date.parse(round.startsAt);
  const step = Math.floor((Math.min(Date.now(), Date.parse(round.endsAt)) - start) / (values.length + 1));
  await by.post(`/orders/${orderId}/rounds/${roundNo}/measurements`, {
    measurements: values.map((value, i) => ({
      kpi: order.terms.kpis[0].key,
      observedAt: new Date(start + (i + 1) * step).toISOString(),
      value,
    })),
  });
}

export interface RecordShape {
  id: string;
  roundNo: number;
  status: string;
  recordHash: string;
  earnedCumulative: string;
  disputeDeadline: string | null;
}

/** Waits for the worker's acceptance record of the round, then the agency's officer signs its hash. */
export async function signRecord(
  a: Actors,
  orderId: string,
  roundNo: number,
  by = a.officer,
  timeoutMs?: number,
): Promise<RecordShape> {
  const record = await eventually(
    async () =>
      (await a.officer.get<RecordShape[]>(`/orders/${orderId}/acceptance-records`)).find(
        (r) => r.roundNo === roundNo && r.status !== 'SUPERSEDED',
      ),
    `acceptance record of round ${roundNo}`,
    timeoutMs,
  );
  return by.post<RecordShape>(`/orders/${orderId}/rounds/${roundNo}/acceptance-record/signature`, {
    recordHash: record.recordHash,
  });
}

/** Waits until the worker has settled the order's last round (or expired it) and closed it. */
export function orderClosed(by: MarketplaceClient, orderId: string, timeoutMs?: number): Promise<true> {
  return eventually(
    async () => ((await by.get<{ status: string }>(`/orders/${orderId}`)).status === 'CLOSED' ? true : undefined),
    `order ${orderId} closed`,
    timeoutMs,
  );
}

import { EntityManager } from 'typeorm';

/**
 * What anyone may see, read for the public transparency module. Each query selects its public columns by name,
 * so a column added later is private until someone adds it here. Pages are keyset pages on the row id.
 */
export interface PublicPageQuery {
  after: string | null;
  limit: number;
}

async function page<T extends { id: string }>(
  tx: EntityManager,
  sql: string,
  q: PublicPageQuery,
  params: unknown[] = [],
): Promise<T[]> {
  return tx.query<T[]>(`SELECT * FROM (${sql}) t WHERE ($1::uuid IS NULL OR t.id > $1) ORDER BY t.id LIMIT $2`, [
    q.after,
    q.limit,
    ...params,
  ]);
}

const SQL = {
  problems: `SELECT p.id, p.code, p.agency_organisation_id, a.name AS agency_name, p.title_vi, p.title_en, p.category_code,
              p.budget_envelope::text, p.outcome_share_bp, p.deadline::text, p.published_at,
              coalesce((SELECT json_agg(json_build_object('code', k.code, 'nameVi', k.name_vi, 'nameEn', k.name_en,
                          'unit', k.unit, 'direction', k.direction, 'baseline', k.baseline::text, 'target', k.target::text,
                          'weightBp', k.weight_bp)
                        ORDER BY k.code) FROM problems.problem_kpis_view k WHERE k.problem_id = p.id), '[]') AS kpis
       FROM problems.problems_view p JOIN identity.organisations_view a ON a.id = p.agency_organisation_id
       WHERE p.published_at IS NOT NULL`,
  calls: `SELECT c.id, c.problem_id, c.agency_organisation_id, a.name AS agency_name, c.status, c.opened_at, c.deadline,
              cardinality(c.eligible_solution_ids) AS eligible_solutions,
              CASE WHEN c.deadline <= now()
                   THEN (SELECT count(*)::int FROM competition.offers_view o WHERE o.call_id = c.id AND o.status <> 'WITHDRAWN')
              END AS offers
       FROM competition.calls_view c JOIN identity.organisations_view a ON a.id = c.agency_organisation_id`,
  awards: `SELECT c.id, c.id AS call_id, c.problem_id, o.id AS offer_id, o.vendor_organisation_id, v.name AS vendor_name,
              o.solution_id, o.price::text, c.award_justification AS justification,
              (SELECT min(ord.created_at) FROM ordering.orders_view ord WHERE ord.call_id = c.id AND NOT ord.trial) AS awarded_at,
              (SELECT ord.cancelled_at FROM ordering.orders_view ord WHERE ord.call_id = c.id AND NOT ord.trial) AS cancelled_at,
              (SELECT json_agg(json_build_object('offerId', x.id, 'vendorOrganisationId', x.vendor_organisation_id,
                       'price', x.price::text, 'status', x.status, 'kpiCommitments', x.kpi_commitments,
                       'rank', sc.rank, 'total', sc.total, 'priceScore', sc.price_score,
                       'effectScore', sc.effect_score, 'trustScore', sc.trust_score) ORDER BY sc.rank, x.id)
               FROM competition.offers_view x
               LEFT JOIN competition.offer_scores_view sc ON sc.offer_id = x.id AND sc.call_id = x.call_id
               WHERE x.call_id = c.id AND x.status <> 'WITHDRAWN') AS offers
       FROM competition.calls_view c
       JOIN competition.offers_view o ON o.id = c.awarded_offer_id
       JOIN identity.organisations_view v ON v.id = o.vendor_organisation_id
       WHERE c.deadline <= now()`,
  orders: `SELECT o.id, o.call_id, o.trial, o.terms ->> 'problemId' AS problem_id, o.agency_organisation_id, a.name AS agency_name,
              o.vendor_organisation_id, v.name AS vendor_name, o.status, o.max_amount::text, o.terms_hash,
              o.activated_at, o.closed_at,
              coalesce((SELECT json_agg(json_build_object('id', f.id, 'name', f.name, 'amount', pl ->> 'amount') ORDER BY f.id)
                        FROM jsonb_array_elements(coalesce(o.terms -> 'cofunding' -> 'pledges', '[]'::jsonb)) pl
                        JOIN identity.organisations_view f ON f.id = (pl ->> 'funderOrganisationId')::uuid), '[]') AS cofunders,
              jsonb_build_object('deliveryShareBp', o.terms -> 'deliveryShareBp', 'floorBp', o.terms -> 'floorBp',
                'disputeWindowSeconds', o.terms -> 'disputeWindowSeconds', 'startsAt', o.terms -> 'startsAt',
                'endsAt', o.terms -> 'endsAt', 'kpis', o.terms -> 'kpis', 'rounds', o.terms -> 'rounds') AS terms
       FROM ordering.orders_view o
       JOIN identity.organisations_view a ON a.id = o.agency_organisation_id
       JOIN identity.organisations_view v ON v.id = o.vendor_organisation_id
       WHERE o.activated_at IS NOT NULL`,
  acceptance: `SELECT r.id, r.order_id, r.round_no, r.status, r.earned_cumulative::text, r.record_hash, r.evaluated_at,
              (SELECT json_agg(json_build_object('key', k ->> 'key', 'nameVi', k ->> 'nameVi', 'unit', k ->> 'unit',
                       'measured', k ->> 'measured', 'baseline', k ->> 'baseline', 'target', k ->> 'target',
                       'weightBp', (k ->> 'weightBp')::int, 'attainment', k ->> 'attainment',
                       'payFraction', k ->> 'payFraction', 'reasonVi', k ->> 'reasonVi', 'reasonEn', k ->> 'reasonEn'))
               FROM jsonb_array_elements(r.results) k) AS results
       FROM acceptance.records_view r WHERE r.status <> 'EVALUATED'`,
  /**
   * Every money movement as the ledger and the settlements record it: a settlement pays the vendor (a correction's
   * negative settlement is a clawback), the treasury disburses a vendor's payable to its bank, and a closed order's
   * remainder goes back to the agency budget and to each co-funder's pool (one row per receiving account).
   */
  payments: `SELECT s.id, CASE WHEN s.amount > 0 THEN 'payment' ELSE 'clawback' END AS kind, s.order_id, s.round_no,
              s.amount::text, o.agency_organisation_id AS payer_organisation_id,
              s.vendor_organisation_id AS payee_organisation_id, s.settled_at AS occurred_at
       FROM settlement.settlements_view s JOIN ordering.orders_view o ON o.id = s.order_id WHERE s.amount <> 0
       UNION ALL
       SELECT md5(t.id::text || ':' || a.id::text)::uuid, 'release', o.id, NULL, p.amount::text,
              o.agency_organisation_id, a.owner_id, t.created_at
       FROM ledger.transfers_view t
       JOIN ordering.orders_view o ON o.id = (t.metadata ->> 'orderId')::uuid
       JOIN ledger.postings_view p ON p.transfer_id = t.id AND p.amount > 0
       JOIN ledger.accounts_view a ON a.id = p.account_id
       WHERE t.kind = 'release'
       UNION ALL
       SELECT t.id, 'disbursement', NULL, NULL, p.amount::text, NULL, a.owner_id, t.created_at
       FROM ledger.transfers_view t
       JOIN ledger.postings_view p ON p.transfer_id = t.id AND p.amount > 0
       JOIN ledger.accounts_view a ON a.id = p.account_id
       WHERE t.kind = 'disburse'`,
};

export interface PublicProblem {
  id: string;
  code: string;
  agency_organisation_id: string;
  agency_name: string;
  title_vi: string;
  title_en: string;
  category_code: string;
  budget_envelope: string;
  outcome_share_bp: number;
  deadline: string | null;
  published_at: Date;
  kpis: Array<{
    code: string;
    nameVi: string;
    nameEn: string;
    unit: string;
    direction: string;
    baseline: string | null;
    target: string;
    /** null = all KPIs of the problem weigh equally */
    weightBp: number | null;
  }>;
}

export const publicProblems = (tx: EntityManager, q: PublicPageQuery) => page<PublicProblem>(tx, SQL.problems, q);

export interface PublicCall {
  id: string;
  problem_id: string;
  agency_organisation_id: string;
  agency_name: string;
  status: string;
  opened_at: Date;
  deadline: Date;
  eligible_solutions: number;
  /** offers are counted only once the deadline has passed */
  offers: number | null;
}

export const publicCalls = (tx: EntityManager, q: PublicPageQuery) => page<PublicCall>(tx, SQL.calls, q);

export interface PublicAward {
  id: string;
  call_id: string;
  problem_id: string;
  offer_id: string;
  vendor_organisation_id: string;
  vendor_name: string;
  solution_id: string;
  price: string;
  justification: string | null;
  awarded_at: Date | null;
  /** set when the awarded order was cancelled before both parties signed it */
  cancelled_at: Date | null;
  /** every offer of the call, shown after the deadline: price, committed KPIs and the tier-2 score breakdown */
  offers: Array<{
    offerId: string;
    vendorOrganisationId: string;
    price: string;
    status: string;
    kpiCommitments: unknown;
    rank: number | null;
    total: number | null;
    priceScore: number | null;
    effectScore: number | null;
    trustScore: number | null;
  }>;
}

export const publicAwards = (tx: EntityManager, q: PublicPageQuery) => page<PublicAward>(tx, SQL.awards, q);

export interface PublicOrder {
  id: string;
  call_id: string;
  /** A POC bake-off trial order of the call; the call's contract is its one main order. */
  trial: boolean;
  problem_id: string;
  agency_organisation_id: string;
  agency_name: string;
  vendor_organisation_id: string;
  vendor_name: string;
  status: string;
  max_amount: string;
  terms_hash: string;
  activated_at: Date | null;
  closed_at: Date | null;
  /** the co-funders' pledges into the order's escrow (vốn mồi leverage) */
  cofunders: Array<{ id: string; name: string; amount: string }>;
  terms: {
    deliveryShareBp: number;
    floorBp: number;
    disputeWindowSeconds: number;
    startsAt: string;
    endsAt: string;
    kpis: Array<Record<string, unknown>>;
    rounds: Array<{ no: number; shareBp: number; startsAt: string; endsAt: string }>;
  };
}

/** Signed orders only (a draft is not yet a contract); the terms are the signed ones. */
export const publicOrders = (tx: EntityManager, q: PublicPageQuery) => page<PublicOrder>(tx, SQL.orders, q);

/** Records are public once the officer has signed them (an evaluated, unsigned record is still a draft). */
export interface PublicAcceptance {
  id: string;
  order_id: string;
  round_no: number;
  status: string;
  earned_cumulative: string;
  record_hash: string;
  evaluated_at: Date;
  results: Array<{
    key: string;
    nameVi: string;
    unit: string;
    measured: string;
    baseline: string | null;
    target: string;
    weightBp: number;
    attainment: string;
    payFraction: string;
    reasonVi: string;
    reasonEn: string;
  }>;
}

export const publicAcceptance = (tx: EntityManager, q: PublicPageQuery) =>
  page<PublicAcceptance>(tx, SQL.acceptance, q);

export interface PublicPayment {
  id: string;
  /**
   * payment: escrow → vendor; clawback: a corrected record takes back what was over-paid (negative amount);
   * release: a closed order's remainder back to the agency budget or a co-funder; disbursement: the treasury pays a
   * vendor's payable to its bank (no order, no payer on the platform).
   */
  kind: 'payment' | 'clawback' | 'release' | 'disbursement';
  order_id: string | null;
  round_no: number | null;
  amount: string;
  payer_organisation_id: string | null;
  payee_organisation_id: string;
  occurred_at: Date;
}

/** Every money movement (see SQL.payments), keyset-paged on its id. */
export const publicPayments = (tx: EntityManager, q: PublicPageQuery) => page<PublicPayment>(tx, SQL.payments, q);

export interface PublicChange {
  seq: string;
  occurred_at: Date;
  entity_type: string;
  entity_id: string;
  action: string;
  hash: string;
}

/** Identity records (people, keys) are never part of the public feed. */
const PRIVATE_ENTITY_TYPES = ['user', 'api_key', 'session', 'password'];

/**
 * The audit chain without actors or payloads: "what changed since sequence number X". A confidential document does
 * not even appear as a changed entity.
 */
export async function publicChanges(
  tx: EntityManager,
  afterSeq: string | null,
  limit: number,
): Promise<PublicChange[]> {
  return tx.query<PublicChange[]>(
    // ordered by the number, not by the text column of the same name the select list outputs
    `SELECT e.seq::text AS seq, e.occurred_at, e.entity_type, e.entity_id, e.action, e.hash FROM audit.events_view e
     WHERE ($1::bigint IS NULL OR e.seq > $1) AND NOT (e.entity_type = ANY($3::text[]))
       AND NOT (e.entity_type = 'solution_document' AND EXISTS (
         SELECT 1 FROM catalog.documents_view d WHERE d.id::text = e.entity_id AND d.confidential))
     ORDER BY e.seq LIMIT $2`,
    [afterSeq, limit, PRIVATE_ENTITY_TYPES],
  );
}

/** Everything public about one contracting process (a call on a problem), for the OCDS release package. */
export interface ContractingProcess {
  call: PublicCall;
  problem: PublicProblem;
  award: PublicAward | null;
  order: PublicOrder | null;
  records: PublicAcceptance[];
  payments: PublicPayment[];
}

export async function contractingProcesses(tx: EntityManager, callIds: string[]): Promise<ContractingProcess[]> {
  if (callIds.length === 0) return [];
  const scoped = async <T>(sql: string, column: string, ids: string[]): Promise<T[]> =>
    ids.length === 0
      ? []
      : tx.query<T[]>(`SELECT * FROM (${sql}) t WHERE t.${column} = ANY($1::uuid[]) ORDER BY t.id`, [ids]);
  const calls = await scoped<PublicCall>(SQL.calls, 'id', callIds);
  const problems = await scoped<PublicProblem>(SQL.problems, 'id', [...new Set(calls.map((c) => c.problem_id))]);
  const awards = await scoped<PublicAward>(SQL.awards, 'call_id', callIds);
  const orders = await scoped<PublicOrder>(SQL.orders, 'call_id', callIds);
  const orderIds = orders.map((o) => o.id);
  const records = await scoped<PublicAcceptance>(SQL.acceptance, 'order_id', orderIds);
  const payments = await scoped<PublicPayment>(SQL.payments, 'order_id', orderIds);
  return calls.flatMap((call) => {
    const problem = problems.find((p) => p.id === call.problem_id);
    if (!problem) return [];
    const order = orders.find((o) => o.call_id === call.id && !o.trial) ?? null;
    return [
      {
        call,
        problem,
        award: awards.find((a) => a.call_id === call.id) ?? null,
        order,
        records: order ? records.filter((r) => r.order_id === order.id).sort((a, b) => a.round_no - b.round_no) : [],
        payments: order
          ? payments
              .filter((p) => p.order_id === order.id)
              .sort((x, y) => new Date(x.occurred_at).getTime() - new Date(y.occurred_at).getTime())
          : [],
      },
    ];
  });
}

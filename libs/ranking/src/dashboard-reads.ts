import { EntityManager } from 'typeorm';
import { COFUNDED_ORDERS, fundingFigures, type FundingFigures } from '@app/ordering';
import { copyOut } from '@app/platform';
import { DomainError, isUuid } from '@app/kernel';
import { DELIVERY_ROUND } from '@app/acceptance';

/** Net paid per order (a clawback is a negative settlement), as the trust ranking reads it. */
const NET_PAID = `SELECT order_id, sum(amount) AS paid FROM settlement.settlements_view GROUP BY order_id`;
/** Net paid and clawed back per order, for the dashboard's money. */
const PAID = `SELECT order_id, sum(amount) AS paid, coalesce(sum(-amount) FILTER (WHERE amount < 0), 0) AS clawed_back
  FROM settlement.settlements_view GROUP BY order_id`;
const SIGNERS = `SELECT order_id, string_agg(DISTINCT signed_by_user_id::text, ',') AS signers
                 FROM acceptance.records_view WHERE signed_by_user_id IS NOT NULL GROUP BY order_id`;
/** Millisecond ISO 8601, as JavaScript dates carry it, so every reader stores the same text. */
const CLOSED_AT = `to_char(o.closed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/** The fixed delivery share of the order (basis points) and whether it was paid (its delivery record settled). */
export const DELIVERY_SHARE_BP = `coalesce((o.terms ->> 'deliveryShareBp')::int, 0)`;
export const DELIVERY_PAID = `EXISTS (SELECT 1 FROM settlement.settlements_view d WHERE d.order_id = o.id AND d.round_no = ${DELIVERY_ROUND})`;
const OUTCOME_COLUMNS = `o.id AS c0, o.vendor_organisation_id AS c1, o.agency_organisation_id AS c2,
  p.category_code AS c3, o.max_amount::text AS c4, coalesce(s.paid, 0)::text AS c5,
  ${CLOSED_AT} AS c6, coalesce(r.signers, '') AS c7, ${DELIVERY_SHARE_BP}::text AS c8,
  CASE WHEN ${DELIVERY_PAID} THEN 't' ELSE 'f' END AS c9`;
const OUTCOME_FROM = `FROM ordering.orders_view o JOIN problems.problems_view p ON p.id = (o.terms ->> 'problemId')::uuid`;

/** A closed order's outcome as text, straight from the database: amounts in đồng, closedAt in ISO 8601 UTC. */
export interface OutcomeRow {
  orderId: string;
  vendorOrganisationId: string;
  agencyOrganisationId: string;
  categoryCode: string;
  maxAmount: string;
  paid: string;
  closedAt: string;
  signedByUserIds: string[];
  /** the order's fixed delivery share d in basis points */
  deliveryShareBp: number;
  /** the delivery share was paid: not an outcome, so the trust score leaves it out */
  deliveryPaid: boolean;
}

/**
 * Every closed order's outcome in one pass (settlements and records aggregated once, not per order), streamed
 * with COPY and left as text: the full trust recomputation reads hundreds of thousands of rows.
 */
export async function allOutcomeRows(tx: EntityManager): Promise<OutcomeRow[]> {
  const rows: OutcomeRow[] = [];
  for await (const f of copyOut(
    tx,
    `SELECT ${OUTCOME_COLUMNS} ${OUTCOME_FROM} LEFT JOIN (${NET_PAID}) s ON s.order_id = o.id
     LEFT JOIN (${SIGNERS}) r ON r.order_id = o.id WHERE o.status = 'CLOSED'`,
  )) {
    const [orderId, vendor, agency, category, maxAmount, paid, closedAt, signers, deliveryShareBp, deliveryPaid] =
      f as string[];
    rows.push({
      orderId,
      vendorOrganisationId: vendor,
      agencyOrganisationId: agency,
      categoryCode: category,
      maxAmount,
      paid,
      closedAt,
      signedByUserIds: signers ? signers.split(',') : [],
      deliveryShareBp: Number(deliveryShareBp),
      deliveryPaid: deliveryPaid === 't',
    });
  }
  return rows;
}

/** One vendor's closed orders, each order's money and signers read through the indexes. */
export async function vendorOutcomeRows(tx: EntityManager, vendorOrganisationId: string): Promise<OutcomeRow[]> {
  const rows = await tx.query<Array<Record<`c${0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9}`, string>>>(
    `SELECT ${OUTCOME_COLUMNS} ${OUTCOME_FROM}
     LEFT JOIN LATERAL (SELECT sum(amount) AS paid FROM settlement.settlements_view WHERE order_id = o.id) s ON true
     LEFT JOIN LATERAL (SELECT string_agg(DISTINCT signed_by_user_id::text, ',') AS signers FROM acceptance.records_view
                        WHERE order_id = o.id AND signed_by_user_id IS NOT NULL) r ON true
     WHERE o.status = 'CLOSED' AND o.vendor_organisation_id = $1`,
    [vendorOrganisationId],
  );
  return rows.map((r) => ({
    orderId: r.c0,
    vendorOrganisationId: r.c1,
    agencyOrganisationId: r.c2,
    categoryCode: r.c3,
    maxAmount: r.c4,
    paid: r.c5,
    closedAt: r.c6,
    signedByUserIds: r.c7 ? r.c7.split(',') : [],
    deliveryShareBp: Number(r.c8),
    deliveryPaid: r.c9 === 't',
  }));
}

export interface CountSeries {
  count: number;
  /** cumulative by calendar month (UTC) */
  series: Array<{ month: string; value: number }>;
}

export interface MoneyTotals {
  /** '*' for the total, else the agency id, category code or problem id */
  key: string;
  orders: number;
  committed: bigint;
  /** paid out, before clawbacks */
  paid: bigint;
  clawedBack: bigint;
  released: bigint;
  /** what was paid net of clawbacks minus the fixed delivery shares paid: the money actually paid for measured results */
  byResults: bigint;
}

export interface DurationStats {
  count: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

export interface CityFigures {
  vendors: CountSeries;
  trialOrders: CountSeries;
  solutionsPurchased: CountSeries;
  money: Record<'total' | 'agency' | 'category' | 'problem', MoneyTotals[]>;
  uploadToPayment: DurationStats;
  callToOrder: DurationStats;
  disputes: { opened: number; byStatus: Array<{ status: string; count: number }> };
  funding: FundingFigures;
}

/** What the drill-down of a dashboard figure lists. */
export const DASHBOARD_ROW_SETS = [
  'vendors',
  'trialOrders',
  'solutionsPurchased',
  'money',
  'uploadToPayment',
  'callToOrder',
  'disputes',
  'cofunded',
] as const;
export type DashboardRowSet = (typeof DASHBOARD_ROW_SETS)[number];
export const MONEY_DIMENSIONS = ['total', 'agency', 'category', 'problem'] as const;
export type MoneyDimension = (typeof MONEY_DIMENSIONS)[number];

const LISTED_VENDORS = `SELECT vendor_organisation_id AS id, min(listed_at) AS at FROM catalog.solutions_view
  WHERE status = 'LISTED' GROUP BY vendor_organisation_id`;
const SIGNED_ORDERS = `SELECT id, activated_at AS at FROM ordering.orders_view WHERE activated_at IS NOT NULL`;
/** A solution is purchased once one of its orders closed having kept some outcome money. */
const PURCHASED = `SELECT o.terms ->> 'solutionId' AS id, min(o.closed_at) AS at
  FROM ordering.orders_view o JOIN (${PAID}) s ON s.order_id = o.id
  WHERE o.status = 'CLOSED' AND s.paid > 0 GROUP BY 1`;
const ORDER_MONEY = `SELECT o.id, o.agency_organisation_id::text AS agency, p.category_code AS category,
    o.terms ->> 'problemId' AS problem, o.max_amount AS committed,
    greatest(0, coalesce(s.paid, 0)
      - CASE WHEN ${DELIVERY_PAID} THEN o.max_amount * ${DELIVERY_SHARE_BP} / 10000 ELSE 0 END) AS by_results,
    coalesce(s.paid + s.clawed_back, 0) AS paid, coalesce(s.clawed_back, 0) AS clawed_back,
    CASE WHEN o.status = 'CLOSED' THEN o.max_amount - coalesce(s.paid, 0) ELSE 0 END AS released
  FROM ordering.orders_view o JOIN problems.problems_view p ON p.id = (o.terms ->> 'problemId')::uuid
  LEFT JOIN (${PAID}) s ON s.order_id = o.id
  WHERE o.activated_at IS NOT NULL`;
/** Per round, from its first data upload to its first settlement (a later correction is not the payment). */
const UPLOAD_TO_PAYMENT = `SELECT s.order_id || '/' || s.round_no AS id,
    extract(epoch FROM min(s.settled_at) - min(b.first_upload))::float8 AS seconds
  FROM settlement.settlements_view s
  JOIN (SELECT order_id, round_no, min(created_at) AS first_upload FROM acceptance.measurement_batches_view
        GROUP BY order_id, round_no) b ON b.order_id = s.order_id AND b.round_no = s.round_no
  GROUP BY s.order_id, s.round_no`;
const CALL_TO_ORDER = `SELECT o.id, extract(epoch FROM o.activated_at - c.opened_at)::float8 AS seconds
  FROM ordering.orders_view o JOIN competition.calls_view c ON c.id = o.call_id WHERE o.activated_at IS NOT NULL`;

async function countSeries(tx: EntityManager, source: string): Promise<CountSeries> {
  const rows = await tx.query<Array<{ month: string; n: number }>>(
    `SELECT to_char(date_trunc('month', at AT TIME ZONE 'UTC'), 'YYYY-MM') AS month, count(*)::int AS n
     FROM (${source}) t GROUP BY 1 ORDER BY 1`,
  );
  let total = 0;
  const series = rows.map((r) => ({ month: r.month, value: (total += r.n) }));
  return { count: total, series };
}

async function durationStats(tx: EntityManager, source: string): Promise<DurationStats> {
  // percentile_disc is the nearest rank: the smallest value with at least p of the values at or below it
  const [row] = await tx.query<Array<{ n: number; p50: number | null; p90: number | null }>>(
    `SELECT count(*)::int AS n, percentile_disc(0.5) WITHIN GROUP (ORDER BY seconds) AS p50,
            percentile_disc(0.9) WITHIN GROUP (ORDER BY seconds) AS p90
     FROM (${source}) t WHERE seconds IS NOT NULL`,
  );
  return { count: row.n, medianSeconds: row.p50, p90Seconds: row.p90 };
}

/**
 * The city dashboard's figures in set-based queries, read in one transaction so every figure agrees with the
 * others. Counts and sums only: the rows behind each figure are listed by `dashboardRows`.
 */
export async function cityFigures(tx: EntityManager): Promise<CityFigures> {
  const money = await tx.query<
    Array<{
      dimension: MoneyDimension;
      key: string;
      orders: number;
      committed: string;
      paid: string;
      clawed_back: string;
      released: string;
      by_results: string;
    }>
  >(
    `SELECT CASE WHEN grouping(agency) = 0 THEN 'agency' WHEN grouping(category) = 0 THEN 'category'
                 WHEN grouping(problem) = 0 THEN 'problem' ELSE 'total' END AS dimension,
            coalesce(agency, category, problem, '*') AS key, count(*)::int AS orders,
            -- the grand total row exists even without orders, its sums then NULL
            coalesce(sum(committed), 0)::text AS committed, coalesce(sum(paid), 0)::text AS paid, coalesce(sum(clawed_back), 0)::text AS clawed_back,
            coalesce(sum(released), 0)::text AS released,
            coalesce(sum(by_results), 0)::text AS by_results
     FROM (${ORDER_MONEY}) m GROUP BY GROUPING SETS ((), (agency), (category), (problem)) ORDER BY 1, 2`,
  );
  const byDimension: CityFigures['money'] = { total: [], agency: [], category: [], problem: [] };
  for (const m of money)
    byDimension[m.dimension].push({
      key: m.key,
      orders: m.orders,
      committed: BigInt(m.committed),
      paid: BigInt(m.paid),
      clawedBack: BigInt(m.clawed_back),
      released: BigInt(m.released),
      byResults: BigInt(m.by_results),
    });
  const disputes = await tx.query<Array<{ status: string; n: number }>>(
    `SELECT status, count(*)::int AS n FROM acceptance.disputes_view GROUP BY status ORDER BY status`,
  );
  return {
    vendors: await countSeries(tx, LISTED_VENDORS),
    trialOrders: await countSeries(tx, SIGNED_ORDERS),
    solutionsPurchased: await countSeries(tx, PURCHASED),
    money: byDimension,
    uploadToPayment: await durationStats(tx, UPLOAD_TO_PAYMENT),
    callToOrder: await durationStats(tx, CALL_TO_ORDER),
    disputes: {
      opened: disputes.reduce((n, d) => n + d.n, 0),
      byStatus: disputes.map((d) => ({ status: d.status, count: d.n })),
    },
    funding: await fundingFigures(tx),
  };
}

const MONEY_ROWS: Record<MoneyDimension, string> = {
  total: `$3::text = '*'`,
  agency: `o.agency_organisation_id::text = $3`,
  category: `EXISTS (SELECT 1 FROM problems.problems_view p WHERE p.id = (o.terms ->> 'problemId')::uuid AND p.category_code = $3)`,
  problem: `o.terms ->> 'problemId' = $3`,
};
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/** A page cursor is empty (the first page) or the last id of the previous page: a UUID, or `orderId/roundNo`. */
function cursorFits(set: DashboardRowSet, after: string): boolean {
  if (after === '') return true;
  if (set !== 'uploadToPayment') return isUuid(after);
  const [orderId, roundNo, ...rest] = after.split('/');
  return isUuid(orderId) && /^\d{1,9}$/.test(roundNo ?? '') && rest.length === 0;
}

/**
 * The ids a dashboard figure counts, in id order after the cursor: vendor organisations, orders, solutions,
 * `orderId/roundNo` for upload → payment, dispute ids (optionally of one status). Order sets walk the primary key.
 */
export async function dashboardRows(
  tx: EntityManager,
  set: DashboardRowSet,
  filter: { dimension?: MoneyDimension; key?: string; status?: string },
  after: string,
  limit: number,
): Promise<string[]> {
  const orders = (condition: string) =>
    `SELECT o.id FROM ordering.orders_view o WHERE o.activated_at IS NOT NULL AND ${condition}
     AND o.id > $1::uuid ORDER BY o.id LIMIT $2`;
  const byText = (sql: string) => `SELECT id FROM (${sql}) t WHERE id > $1 ORDER BY id LIMIT $2`;
  const queries: Record<DashboardRowSet, [string, unknown[]]> = {
    vendors: [
      `SELECT DISTINCT vendor_organisation_id AS id FROM catalog.solutions_view
       WHERE status = 'LISTED' AND vendor_organisation_id > $1::uuid ORDER BY 1 LIMIT $2`,
      [],
    ],
    trialOrders: [orders('true'), []],
    solutionsPurchased: [byText(PURCHASED), []],
    money: [orders(MONEY_ROWS[filter.dimension ?? 'total']), [filter.key ?? '*']],
    uploadToPayment: [byText(UPLOAD_TO_PAYMENT), []],
    callToOrder: [orders('EXISTS (SELECT 1 FROM competition.calls_view c WHERE c.id = o.call_id)'), []],
    cofunded: [orders(COFUNDED_ORDERS), []],
    disputes: [
      `SELECT id FROM acceptance.disputes_view WHERE ($3::text IS NULL OR status = $3) AND id > $1::uuid
       ORDER BY id LIMIT $2`,
      [filter.status ?? null],
    ],
  };
  const [sql, params] = queries[set];
  if (!cursorFits(set, after))
    throw new DomainError(
      'VALIDATION.FAILED',
      'INVALID',
      'Con trỏ trang không hợp lệ: after. / Invalid page cursor: after.',
      [{ field: 'after', problems: ['must be the last id of the previous page'] }],
    );
  const uuidCursor = set !== 'solutionsPurchased' && set !== 'uploadToPayment';
  const cursor = uuidCursor && after === '' ? NIL_UUID : after;
  const rows = await tx.query<Array<{ id: string }>>(sql, [cursor, limit, ...params]);
  return rows.map((r) => String(r.id));
}

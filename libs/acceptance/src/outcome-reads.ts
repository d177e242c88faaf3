import { EntityManager } from 'typeorm';
import { DELIVERY_PAID, DELIVERY_SHARE_BP } from './dashboard-reads';

const SELECT = `
  SELECT o.id AS order_id, o.vendor_organisation_id AS vendor, o.agency_organisation_id AS agency,
         p.category_code AS category, o.max_amount::text AS max_amount,
         coalesce((SELECT sum(s.amount) FROM acceptance.settlements s WHERE s.order_id = o.id), 0)::text AS paid,
         ${DELIVERY_SHARE_BP} AS delivery_share_bp,
         CASE WHEN ${DELIVERY_PAID} THEN o.max_amount * ${DELIVERY_SHARE_BP} ELSE 0 END AS delivery_paid_bp,
         o.closed_at
  FROM ordering.orders o
  JOIN problems.problems p ON p.id = (o.terms ->> 'problemId')::uuid
  WHERE o.status = 'CLOSED'`;

/** Per category and over all categories ('*'): post-checked orders, mean outcome x and median order value (0 without orders). */
export interface OutcomeStatistics {
  scope: string;
  orders: number;
  meanX: number;
  medianValue: number;
}

export async function outcomeStatistics(tx: EntityManager, categoryCodes: string[]): Promise<OutcomeStatistics[]> {
  const rows = await tx.query<Array<{ scope: string; orders: number; mean_x: number; median_value: number }>>(
    `WITH o AS (${SELECT})
     SELECT coalesce(category, '*') AS scope, count(*)::int AS orders,
            -- x = (paid − delivery share paid) / ((1 − d)·M), in basis points of M on both sides
            coalesce(avg(least(1, greatest(0, (10000 * paid::numeric - delivery_paid_bp)
                                             / nullif(max_amount::numeric * (10000 - delivery_share_bp), 0)))),
                     0)::float8 AS mean_x,
            coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY max_amount::numeric), 0)::float8 AS median_value
     FROM o
     GROUP BY GROUPING SETS ((category), ())
     HAVING grouping(category) = 1 OR category = ANY($1::text[])`,
    [categoryCodes],
  );
  return rows.map((r) => ({ scope: r.scope, orders: r.orders, meanX: r.mean_x, medianValue: r.median_value }));
}

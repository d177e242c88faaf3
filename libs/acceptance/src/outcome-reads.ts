import { EntityManager } from 'typeorm';
import { DELIVERY_ROUND } from './contracts/acceptance';
import { DELIVERY_SHARE_BP } from './dashboard-reads';

/**
 * Every closed order's category, value M, delivery share d and whether it was paid, and net paid: settlements are
 * aggregated in one pass (a hash aggregate), not probed per order, since every recomputation reads them all.
 */
const SELECT = `
  WITH s AS (SELECT order_id, sum(amount) AS paid, bool_or(round_no = ${DELIVERY_ROUND}) AS delivered
             FROM acceptance.settlements GROUP BY order_id)
  SELECT p.category_code AS category, o.max_amount::numeric AS m, coalesce(s.paid, 0)::numeric AS paid,
         ${DELIVERY_SHARE_BP} AS d, coalesce(s.delivered, false) AS delivered
  FROM ordering.orders o
  JOIN problems.problems p ON p.id = (o.terms ->> 'problemId')::uuid
  LEFT JOIN s ON s.order_id = o.id
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
            coalesce(avg(least(1, greatest(0, (10000 * paid - CASE WHEN delivered THEN m * d ELSE 0 END)
                                             / nullif(m * (10000 - d), 0)))), 0)::float8 AS mean_x,
            coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY m), 0)::float8 AS median_value
     FROM o
     GROUP BY GROUPING SETS ((category), ())
     HAVING grouping(category) = 1 OR category = ANY($1::text[])`,
    [categoryCodes],
  );
  return rows.map((r) => ({ scope: r.scope, orders: r.orders, meanX: r.mean_x, medianValue: r.median_value }));
}

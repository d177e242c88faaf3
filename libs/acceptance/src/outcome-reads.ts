import { EntityManager } from 'typeorm';

const SELECT = `
  SELECT o.id AS order_id, o.vendor_organisation_id AS vendor, o.agency_organisation_id AS agency,
         p.category_code AS category, o.max_amount::text AS max_amount,
         coalesce((SELECT sum(s.amount) FROM acceptance.settlements s WHERE s.order_id = o.id), 0)::text AS paid,
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
            coalesce(avg(least(1, greatest(0, paid::numeric / max_amount::numeric))), 0)::float8 AS mean_x,
            coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY max_amount::numeric), 0)::float8 AS median_value
     FROM o
     GROUP BY GROUPING SETS ((category), ())
     HAVING grouping(category) = 1 OR category = ANY($1::text[])`,
    [categoryCodes],
  );
  return rows.map((r) => ({ scope: r.scope, orders: r.orders, meanX: r.mean_x, medianValue: r.median_value }));
}

import { EntityManager } from 'typeorm';

export interface FundingFigures {
  city: bigint;
  cofunders: bigint;
  /** cumulated by the calendar month (UTC) the orders were signed */
  series: Array<{ month: string; city: bigint; cofunders: bigint }>;
}

/** Signed orders with a co-funder's pledge, for the drill-down of the leverage figure. */
export const COFUNDED_ORDERS = `jsonb_array_length(coalesce(o.terms->'cofunding'->'pledges', '[]'::jsonb)) > 0`;

/**
 * Seed capital (the agency budgets' share) and co-funding (pledges) of every signed order: the inputs of the city's
 * leverage figure (vốn mồi).
 */
export async function fundingFigures(tx: EntityManager): Promise<FundingFigures> {
  const rows = await tx.query<Array<{ month: string; city: string; cofunders: string }>>(
    `SELECT to_char(date_trunc('month', o.activated_at AT TIME ZONE 'UTC'), 'YYYY-MM') AS month,
            sum(o.max_amount - f.pledged)::text AS city, sum(f.pledged)::text AS cofunders
     FROM ordering.orders o
     CROSS JOIN LATERAL (
       SELECT coalesce(sum((p->>'amount')::bigint), 0) AS pledged
       FROM jsonb_array_elements(coalesce(o.terms->'cofunding'->'pledges', '[]'::jsonb)) p) f
     WHERE o.activated_at IS NOT NULL
     GROUP BY 1 ORDER BY 1`,
  );
  let [city, cofunders] = [0n, 0n];
  const series = rows.map((r) => ({
    month: r.month,
    city: (city += BigInt(r.city)),
    cofunders: (cofunders += BigInt(r.cofunders)),
  }));
  return { city, cofunders, series };
}

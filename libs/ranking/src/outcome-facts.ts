import { EntityManager } from 'typeorm';
import type { OutcomeRow } from './dashboard-reads';
import { copyRows } from '@app/platform';
import { OVERALL } from './trust-snapshot.entity';
import { outcomeX, type OutcomeStatistics } from './vendor-scores';

/**
 * Ranking's read model of every post-checked order: its category, value M and outcome x. A vendor's rows are
 * rewritten by each recomputation of that vendor (after each of its outcome events), so a category's statistics are
 * read through an index instead of aggregating every order and settlement of the city on every recomputation.
 */
const TABLE = 'ranking.outcome_facts';
const COLUMNS = ['order_id', 'vendor_organisation_id', 'category_code', 'value', 'x'] as const;

const factOf = (o: OutcomeRow) =>
  [o.orderId, o.vendorOrganisationId, o.categoryCode, o.maxAmount, outcomeX(o)] as const;

/** The vendor's facts become its outcomes: new and changed orders written, orders no longer closed removed. */
export async function keepVendorFacts(tx: EntityManager, vendorOrganisationId: string, outcomes: OutcomeRow[]) {
  const facts = outcomes.map(factOf);
  await tx.query(`DELETE FROM ${TABLE} WHERE vendor_organisation_id = $1 AND order_id <> ALL($2::uuid[])`, [
    vendorOrganisationId,
    facts.map((f) => f[0]),
  ]);
  if (facts.length === 0) return;
  await tx.query(
    `INSERT INTO ${TABLE} AS f (${COLUMNS.join(', ')})
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::bigint[], $5::float8[])
     ON CONFLICT (order_id) DO UPDATE SET category_code = excluded.category_code, value = excluded.value, x = excluded.x
     WHERE (f.category_code, f.value, f.x) IS DISTINCT FROM (excluded.category_code, excluded.value, excluded.x)`,
    COLUMNS.map((_, i) => facts.map((f) => f[i])),
  );
}

/** Every vendor's facts at once (the full recomputation): MVCC delete, so readers meanwhile see the old set. */
export async function replaceAllFacts(tx: EntityManager, outcomes: OutcomeRow[]): Promise<void> {
  await tx.query(`DELETE FROM ${TABLE}`);
  await copyRows(tx, TABLE, COLUMNS, outcomes.map(factOf));
}

/**
 * μ0's inputs and the median order value of each scope as the facts stand now. Both read the scope's index on
 * (category, value): the count and Σx from it alone, the median by skipping to the middle of it.
 */
export async function outcomeStatistics(tx: EntityManager, categories: string[]): Promise<OutcomeStatistics[]> {
  const statistics: OutcomeStatistics[] = [];
  for (const scope of [OVERALL, ...categories]) {
    const where = scope === OVERALL ? '' : 'WHERE category_code = $1';
    const params = scope === OVERALL ? [] : [scope];
    const [{ orders, sum_x }] = await tx.query<Array<{ orders: number; sum_x: number }>>(
      `SELECT count(*)::int AS orders, coalesce(sum(x), 0)::float8 AS sum_x FROM ${TABLE} ${where}`,
      params,
    );
    if (orders === 0) {
      statistics.push({ scope, orders, meanX: 0, medianValue: 0 });
      continue;
    }
    // the middle value, or the mean of the two middle values of an even count (as percentile_cont(0.5))
    const [{ median }] = await tx.query<Array<{ median: number }>>(
      `SELECT avg(value)::float8 AS median FROM (SELECT value FROM ${TABLE} ${where} ORDER BY value
       OFFSET ${(orders - 1) >> 1} LIMIT ${2 - (orders % 2)}) m`,
      params,
    );
    statistics.push({ scope, orders, meanX: sum_x / orders, medianValue: median });
  }
  return statistics;
}

import { decodeCursor, encodeCursor, isUuid, type Page } from '@app/kernel';
import { CatalogErrors, type DeploymentModel, type SolutionStatus, type TrustLabel } from './contracts/catalog';

export interface SearchQuery {
  q?: string;
  category?: string;
  status?: SolutionStatus;
  makeInVietnam?: boolean;
  deploymentModel?: DeploymentModel;
  priceMin?: string;
  priceMax?: string;
  trustLabels?: TrustLabel[];
  cursor?: string;
  limit?: number;
}

export interface ListingRow {
  id: string;
  vendorOrganisationId: string;
  /** the vendor's registered name and tax code (public facts of a business, identity's published view) */
  vendorName: string;
  vendorTaxCode: string | null;
  categoryCode: string;
  status: SolutionStatus;
  qualityScore: number;
  version: number;
  name: string;
  summary: string;
  makeInVietnam: boolean;
  deploymentModel: DeploymentModel | null;
  priceMin: string | null;
  priceMax: string | null;
  listedAt: Date | null;
  trustLabel: TrustLabel;
  /** under a trust re-check: shows RECHECK_LABEL_VI */
  underRecheck: boolean;
}

const LISTING_COLUMNS = `l.solution_id AS "id", l.vendor_organisation_id AS "vendorOrganisationId",
  l.category_code AS "categoryCode", l.status, l.quality_score AS "qualityScore", l.version, l.name, l.summary,
  l.make_in_vietnam AS "makeInVietnam", l.deployment_model AS "deploymentModel", l.price_min AS "priceMin",
  l.price_max AS "priceMax", l.listed_at AS "listedAt", l.trust_label AS "trustLabel",
  l.under_recheck AS "underRecheck"`;

const ORDER = 'ORDER BY l.quality_score DESC, l.solution_id DESC';

/**
 * A page with its vendors' names, looked up once the page is cut (never for the rows a text search reads past). The
 * lookup's LIMIT keeps the planner from flattening it into a hash join that reads every organisation per page.
 */
const withVendorNames = (page: string) =>
  `SELECT p.*, COALESCE(v.name, '') AS "vendorName", v.tax_code AS "vendorTaxCode"
   FROM (${page}) p LEFT JOIN LATERAL (SELECT name, tax_code FROM identity.organisations_view
     WHERE id = p."vendorOrganisationId" LIMIT 1) v ON true
   ORDER BY p."qualityScore" DESC, p.id DESC`;

/** How many of the best listings a text search reads in quality order before it asks the text index instead. */
export const TEXT_SCAN_ROWS = 1000;

/**
 * One page (limit + 1 rows) of a catalogue search, run by `query` (the API's connection pool, or the benchmark's).
 * Without text: one keyset scan of a quality-ordered index. With text, the planner cannot be trusted to choose:
 * it estimates any word missing from its statistics at 0.5 % of the rows, and then walks the quality index
 * through all 100,000 listings for a word that matches none (half a second). So the search first reads the best
 * TEXT_SCAN_ROWS listings in quality order and keeps the matches — a common word fills the page within a few
 * dozen rows — and only when that leaves the page short does it collect the matches from the GIN index and sort
 * them, which is cheap precisely because they are then few among the best listings.
 */
export async function searchListings(
  query: (sql: string, params: unknown[]) => Promise<ListingRow[]>,
  search: SearchQuery,
): Promise<ListingRow[]> {
  const limit = search.limit ?? 20;
  const where: string[] = ['l.status = $1'];
  const params: unknown[] = [search.status ?? 'LISTED'];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (search.category) add('l.category_code = ?', search.category);
  if (search.makeInVietnam !== undefined) add('l.make_in_vietnam = ?', search.makeInVietnam);
  if (search.deploymentModel) add('l.deployment_model = ?', search.deploymentModel);
  if (search.priceMin) add('COALESCE(l.price_max, l.price_min) >= ?::bigint', search.priceMin);
  if (search.priceMax) add('l.price_min <= ?::bigint', search.priceMax);
  if (search.trustLabels?.length) add('l.trust_label = ANY(?::text[])', search.trustLabels);
  if (search.cursor) {
    const key = decodeCursor(search.cursor);
    const [score, id] = key ?? [];
    const valid =
      key?.length === 2 && Number.isInteger(score) && Number(score) >= 0 && Number(score) <= 100 && isUuid(id);
    if (!valid) throw CatalogErrors.INVALID_CURSOR();
    params.push(key[0], key[1]);
    where.push(`(l.quality_score, l.solution_id) < ($${params.length - 1}, $${params.length}::uuid)`);
  }
  // Written into the text, not bound: with an unknown LIMIT the planner costs a generic plan as if it read a tenth of
  // the table, so a prepared search kept being planned afresh on every call (a third of its time in PostgreSQL).
  if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`page size ${limit} is not a positive integer`);
  const page = `${ORDER} LIMIT ${limit + 1}`;
  const filters = where.join(' AND ');
  if (!search.q)
    return query(withVendorNames(`SELECT ${LISTING_COLUMNS} FROM catalog.listings l WHERE ${filters} ${page}`), params);
  params.push(search.q);
  // A sub-select, so the query text is parsed once per search under a generic plan too (inlined, it ran per row).
  const text = `l.search_vector @@ (SELECT catalog.search_query($${params.length}))`;
  // The quality index carries each listing's text: the best TEXT_SCAN_ROWS are read from a few dozen index pages rather
  // than a heap page each, and only the page's own rows are fetched.
  const best = await query(
    withVendorNames(`SELECT ${LISTING_COLUMNS} FROM (
       SELECT l.solution_id FROM (SELECT l.solution_id, l.quality_score, l.search_vector FROM catalog.listings l
         WHERE ${filters} ${ORDER} LIMIT ${TEXT_SCAN_ROWS}) l
       WHERE ${text} ${page}) matches JOIN catalog.listings l USING (solution_id)`),
    params,
  );
  if (best.length > limit) return best;
  return query(
    withVendorNames(`WITH l AS MATERIALIZED (SELECT * FROM catalog.listings l WHERE ${text} AND ${filters})
     SELECT ${LISTING_COLUMNS} FROM l ${page}`),
    params,
  );
}

/** A page of a catalogue search: its first `limit` listings, and the cursor after them when more follow. */
export async function searchPage(
  query: (sql: string, params: unknown[]) => Promise<ListingRow[]>,
  search: SearchQuery,
): Promise<Page<ListingRow>> {
  const limit = search.limit ?? 20;
  const rows = await searchListings(query, search);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor([last.qualityScore, last.id]) : null,
  };
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { Page } from '@app/kernel';
import { AnyOf, keysetPage, poolOf, withReads } from '@app/platform';
import { Category } from './category.entity';
import { CatalogErrors, type SolutionStatus } from './contracts/catalog';
import { SolutionDocument } from './document.entity';
import { ListingTransitions } from './listing-transitions';
import { searchPage, type ListingRow, type SearchQuery } from './listing-search';
import { Solution, SolutionKpi } from './solution.entity';

/** The catalogue's pages and lookups: solutions, listings, categories. */
@Injectable()
export class CatalogReads {
  constructor(
    private readonly transitions: ListingTransitions,
    @InjectRepository(Solution) private readonly solutions: Repository<Solution>,
    @InjectRepository(Category) private readonly categories: Repository<Category>,
  ) {}

  /** A solution as its own read, outside any transaction. */
  solution(id: string): Promise<Solution> {
    return this.transitions.getSolution(id, this.solutions.manager);
  }

  /** Documents waiting for the operator, oldest first (they have waited longest), paged by cursor. */
  async pendingDocuments(cursor: string | undefined, limit: number): Promise<Page<SolutionDocument>> {
    return keysetPage(
      this.solutions.manager.createQueryBuilder(SolutionDocument, 'd').where(`d.review_status = 'PENDING'`),
      {
        timeColumn: 'd.created_at',
        timeOf: (d) => d.createdAt,
        direction: 'ASC',
        cursor,
        limit,
        invalidCursor: () => CatalogErrors.INVALID_CURSOR(undefined, { cursor }),
      },
    );
  }
  /**
   * Public catalogue search over the checked versions: diacritic-insensitive full text, filters, best quality
   * first, keyset pagination on (quality score, id).
   */
  search(query: SearchQuery): Promise<Page<ListingRow>> {
    return withReads(poolOf(this.solutions.manager.connection), (read) => searchPage(read, query));
  }

  /** What buyers and the public see: the checked version, never an unchecked edit. */
  publicView(solution: Solution): Solution {
    if (!solution.checked) return solution;
    return {
      ...solution,
      ...solution.checked,
      version: solution.checkedVersion ?? solution.version,
      revisionStatus: 'NONE',
      revisionReason: null,
    };
  }

  /** The database clock plus the test-only offset: what every scheduled transition is judged against. */
  async now(offsetSeconds: number): Promise<Date> {
    const [row] = await this.solutions.query<Array<{ now: Date }>>(`SELECT now() + make_interval(secs => $1) AS now`, [
      offsetSeconds,
    ]);
    return row.now;
  }

  /** Listed solutions, best quality first, a page after the cursor (keyset on quality score and id). */
  async listed(filter: {
    category?: string;
    vendor?: string;
    cursor?: string;
    limit: number;
  }): Promise<Page<Solution>> {
    const query = this.solutions.createQueryBuilder('s').where(`s.status = 'LISTED'`);
    if (filter.category) query.andWhere('s.categoryCode = :category', { category: filter.category });
    if (filter.vendor) query.andWhere('s.vendorOrganisationId = :vendor', { vendor: filter.vendor });
    const page = await keysetPage(query, {
      integerColumn: 's.quality_score',
      integerOf: (s) => s.qualityScore ?? 0,
      direction: 'DESC',
      cursor: filter.cursor,
      limit: filter.limit,
      invalidCursor: () => CatalogErrors.INVALID_CURSOR(undefined, { cursor: filter.cursor }),
    });
    const kpis = await this.solutions.manager.find(SolutionKpi, {
      where: { solutionId: AnyOf(page.items.map((s) => s.id)) },
      order: { id: 'ASC' },
    });
    const items = page.items.map((s) => this.publicView({ ...s, kpis: kpis.filter((k) => k.solutionId === s.id) }));
    return { items, nextCursor: page.nextCursor };
  }

  /** The listed solutions of a category and their vendors, in one query (a call's eligible pool). */
  async listedInCategory(
    tx: EntityManager,
    categoryCode: string,
  ): Promise<Array<{ id: string; vendorOrganisationId: string }>> {
    return tx.find(Solution, {
      select: { id: true, vendorOrganisationId: true },
      where: { status: 'LISTED', categoryCode },
    });
  }

  /**
   * The current statuses of solutions, share-locked until the caller's transaction ends: a suspension, delisting or
   * expiry waits for a bid or award decided on LISTED instead of overtaking it.
   */
  async statusesOf(tx: EntityManager, ids: string[]): Promise<Map<string, SolutionStatus>> {
    if (ids.length === 0) return new Map();
    const rows = await tx.query<Array<Pick<Solution, 'id' | 'status'>>>(
      'SELECT id, status FROM catalog.solutions WHERE id = ANY($1::uuid[]) ORDER BY id FOR SHARE',
      [ids],
    );
    return new Map(rows.map((s) => [s.id, s.status]));
  }

  async ownedBy(vendorOrganisationId: string): Promise<Solution[]> {
    return this.solutions.find({
      where: { vendorOrganisationId },
      relations: { kpis: true },
      order: { createdAt: 'DESC' },
    });
  }

  categoriesList(): Promise<Category[]> {
    return this.categories.find({ order: { code: 'ASC' } });
  }

  async categoryExists(code: string): Promise<boolean> {
    const [found] = await this.categories.query<unknown[]>('SELECT 1 FROM catalog.categories WHERE code = $1', [code]);
    return found !== undefined;
  }

  async requireCategory(code: string): Promise<void> {
    if (!(await this.categoryExists(code)))
      throw CatalogErrors.CATEGORY_NOT_FOUND(undefined, { field: 'categoryCode', value: code });
  }
}

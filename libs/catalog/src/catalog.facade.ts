import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { EntityManager, In, IsNull, LessThanOrEqual, Repository, type ObjectLiteral } from 'typeorm';
import { AuditActor, AuditFacade, SYSTEM_ACTOR } from '@app/audit';
import { decodeCursor, encodeCursor, isUuid, newId, type Page } from '@app/kernel';
import { jobId, keysetPage, Outbox, updateIfStatus } from '@app/platform';
import { CategoryDto, CreateCategoryDto, CreateSolutionDto, SolutionKpiDto } from './catalog.dto';
import { Category } from './category.entity';
import {
  CATALOG_EVENTS_QUEUE,
  CatalogErrors,
  CatalogEvents,
  NEW_VENDOR_LABEL,
  REVISABLE_LISTINGS,
  TRUST_LABELS,
  revisionLifecycle,
  solutionLifecycle,
  type CatalogEventName,
  type DeploymentModel,
  type ListingNotice,
  type RevisionEvent,
  type SolutionEvent,
  type SolutionStatus,
  type TrustLabel,
} from './contracts/catalog';
import { DocumentReviewer, SolutionDocument } from './document.entity';
import { DocumentStore } from './document-store';
import { Solution, SolutionKpi, type SolutionContent } from './solution.entity';

const LISTING_VALIDITY_MONTHS = 12;
const EXPIRY_REMINDER_DAYS = 30;
/** Lifecycle moves the vendor hears of. */
const LIFECYCLE_NOTICES: Partial<Record<SolutionEvent, CatalogEventName>> = {
  suspend: CatalogEvents.suspended,
  lift_suspension: CatalogEvents.reinstated,
  delist: CatalogEvents.delisted,
};

/** A listing occupies a capacity slot while it is listed or only temporarily suspended. */
const OCCUPYING: SolutionStatus[] = ['LISTED', 'SUSPENDED'];
const REVISABLE: SolutionStatus[] = ['AUTO_REJECTED', 'REJECTED', 'EXPIRED'];
const WAITING_ORDER = { qualityScore: 'DESC', updatedAt: 'ASC', id: 'ASC' } as const;

type VendorActor = AuditActor & { organisationId: string };

/** Who asks for a solution's documents; absent for the public. */
export interface DocumentViewer {
  userId: string | null;
  organisationId: string;
  operatorAdmin: boolean;
}

export interface Confidentiality {
  confidential: boolean;
  reason?: string | null;
}

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

export const LISTING_COLUMNS = `l.solution_id AS "id", l.vendor_organisation_id AS "vendorOrganisationId",
  l.category_code AS "categoryCode", l.status, l.quality_score AS "qualityScore", l.version, l.name, l.summary,
  l.make_in_vietnam AS "makeInVietnam", l.deployment_model AS "deploymentModel", l.price_min AS "priceMin",
  l.price_max AS "priceMax", l.listed_at AS "listedAt", l.trust_label AS "trustLabel",
  l.under_recheck AS "underRecheck"`;

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
  params.push(limit + 1);
  const page = `ORDER BY l.quality_score DESC, l.solution_id DESC LIMIT $${params.length}`;
  const filters = where.join(' AND ');
  if (!search.q) return query(`SELECT ${LISTING_COLUMNS} FROM catalog.listings l WHERE ${filters} ${page}`, params);
  params.push(search.q);
  const text = `l.search_vector @@ catalog.search_query($${params.length})`;
  const best = await query(
    `SELECT ${LISTING_COLUMNS} FROM (SELECT * FROM catalog.listings l WHERE ${filters}
       ORDER BY l.quality_score DESC, l.solution_id DESC LIMIT ${TEXT_SCAN_ROWS}) l
     WHERE ${text} ${page}`,
    params,
  );
  if (best.length > limit) return best;
  return query(
    `WITH l AS MATERIALIZED (SELECT * FROM catalog.listings l WHERE ${text} AND ${filters})
     SELECT ${LISTING_COLUMNS} FROM l ${page}`,
    params,
  );
}

export interface SweepResult {
  lifted: number;
  expired: number;
  reminded: number;
}

@Injectable()
export class CatalogFacade {
  constructor(
    private readonly audit: AuditFacade,
    @InjectRepository(Solution) private readonly solutions: Repository<Solution>,
    @InjectRepository(Category) private readonly categories: Repository<Category>,
    private readonly documents: DocumentStore,
    private readonly outbox: Outbox,
  ) {}

  /** A solution as its own read, outside any transaction. */
  solution(id: string): Promise<Solution> {
    return this.getSolution(id, this.solutions.manager);
  }

  /** Streams a document to the store (size-limited, hashed, typed by its bytes), then records it. */
  async uploadDocument(
    actor: VendorActor,
    solutionId: string,
    fileName: string,
    content: Readable,
    confidentiality: Confidentiality = { confidential: false },
  ): Promise<SolutionDocument> {
    const solution = await this.solution(solutionId);
    if (solution.vendorOrganisationId !== actor.organisationId) throw CatalogErrors.NOT_OWNER();
    const secrecy = checkConfidentiality(confidentiality);
    const stored = await this.documents.put(content);
    try {
      return await this.solutions.manager.transaction(async (tx) => {
        const document = tx.create(SolutionDocument, {
          id: newId(),
          solutionId,
          solutionVersion: solution.version,
          fileName: fileName.slice(0, 255),
          mediaType: stored.mediaType,
          bytes: String(stored.bytes),
          sha256: stored.sha256,
          uploadedBy: actor.userId ?? '',
          ...secrecy,
          reviewStatus: solution.checkedVersion === null ? 'ACCEPTED' : 'PENDING',
        });
        await tx.insert(SolutionDocument, document);
        await this.audit.record(tx, {
          actor,
          entityType: 'solution_document',
          entityId: document.id,
          action: 'uploaded',
          after: {
            solutionId,
            sha256: stored.sha256,
            bytes: stored.bytes,
            mediaType: stored.mediaType,
            ...secrecy,
            reviewStatus: document.reviewStatus,
          },
        });
        return document;
      });
    } catch (error) {
      if (stored.created) await this.documents.remove(stored.sha256);
      throw error;
    }
  }

  /** The vendor marks a document confidential (with its reason) or public again. */
  async setConfidentiality(
    actor: VendorActor,
    solutionId: string,
    documentId: string,
    confidentiality: Confidentiality,
  ): Promise<SolutionDocument> {
    const secrecy = checkConfidentiality(confidentiality);
    return this.solutions.manager.transaction(async (tx) => {
      const solution = await this.getSolution(solutionId, tx);
      if (solution.vendorOrganisationId !== actor.organisationId) throw CatalogErrors.NOT_OWNER();
      const document = await tx.findOne(SolutionDocument, {
        where: { id: documentId, solutionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!document) throw CatalogErrors.DOCUMENT_NOT_FOUND(undefined, { id: documentId });
      await tx.update(SolutionDocument, { id: documentId }, secrecy);
      await this.audit.record(tx, {
        actor,
        entityType: 'solution_document',
        entityId: documentId,
        action: 'confidentiality_set',
        before: { confidential: document.confidential, confidentialReason: document.confidentialReason },
        after: secrecy,
      });
      return { ...document, ...secrecy };
    });
  }

  documentsOf(solutionId: string, tx: EntityManager): Promise<SolutionDocument[]> {
    return tx.find(SolutionDocument, {
      where: { solutionId },
      order: { createdAt: 'ASC' },
    });
  }

  /** Records the assessors assigned to review a solution: they may read all its documents from then on. */
  async grantDocumentAccess(tx: EntityManager, solutionId: string, userIds: string[]): Promise<void> {
    if (userIds.length === 0) return;
    await tx
      .createQueryBuilder()
      .insert()
      .into(DocumentReviewer)
      .values(userIds.map((userId) => ({ solutionId, userId })))
      .orIgnore()
      .execute();
  }

  async revokeDocumentAccess(tx: EntityManager, solutionId: string, userIds: string[]): Promise<void> {
    if (userIds.length === 0) return;
    await tx.delete(DocumentReviewer, { solutionId, userId: In(userIds) });
  }

  /**
   * The owning vendor, operator admins and the solution's assigned assessors see every document; anyone else
   * only the non-confidential, accepted documents of a listed solution's checked versions (and 404 for the rest).
   */
  async visibleDocuments(viewer: DocumentViewer | undefined, solutionId: string): Promise<SolutionDocument[]> {
    return this.solutions.manager.transaction(async (tx) => {
      const solution = await this.getSolution(solutionId, tx);
      if (await this.isDocumentInsider(viewer, solution)) return this.documentsOf(solutionId, tx);
      if (solution.status !== 'LISTED' || solution.checkedVersion === null)
        throw CatalogErrors.SOLUTION_NOT_FOUND(undefined, { id: solutionId });
      return tx.find(SolutionDocument, {
        where: {
          solutionId,
          confidential: false,
          reviewStatus: 'ACCEPTED',
          solutionVersion: LessThanOrEqual(solution.checkedVersion),
        },
        order: { createdAt: 'ASC' },
      });
    });
  }

  /** A document's metadata and its bytes as a stream, if the viewer may read it. */
  async openDocument(
    viewer: DocumentViewer | undefined,
    solutionId: string,
    documentId: string,
  ): Promise<{ document: SolutionDocument; open: () => Readable }> {
    const document = (await this.visibleDocuments(viewer, solutionId)).find((d) => d.id === documentId);
    if (!document) throw CatalogErrors.DOCUMENT_NOT_FOUND(undefined, { id: documentId });
    return { document, open: () => this.documents.read(document.sha256) };
  }

  private async isDocumentInsider(viewer: DocumentViewer | undefined, solution: Solution): Promise<boolean> {
    if (!viewer) return false;
    if (viewer.operatorAdmin || viewer.organisationId === solution.vendorOrganisationId) return true;
    return (
      viewer.userId !== null &&
      this.solutions.manager.existsBy(DocumentReviewer, { solutionId: solution.id, userId: viewer.userId })
    );
  }

  /**
   * Stores each vendor's current trust label (called by the ranking after every recompute) and copies it onto
   * the vendor's listings, where the catalogue search filters on it.
   */
  async updateVendorTrustLabels(
    tx: EntityManager,
    labels: Array<{ vendorOrganisationId: string; label: string }>,
  ): Promise<void> {
    const latest = new Map<string, TrustLabel>();
    for (const { vendorOrganisationId, label } of labels) {
      if (!(TRUST_LABELS as readonly string[]).includes(label))
        throw CatalogErrors.UNKNOWN_TRUST_LABEL(undefined, { vendorOrganisationId, label, accepted: TRUST_LABELS });
      latest.set(vendorOrganisationId, label as TrustLabel);
    }
    if (latest.size === 0) return;
    const vendors = [...latest.keys()];
    const values = [...latest.values()];
    await tx.query(
      `INSERT INTO catalog.vendor_trust_labels AS v (vendor_organisation_id, label, updated_at)
       SELECT * , now() FROM unnest($1::uuid[], $2::text[])
       ON CONFLICT (vendor_organisation_id) DO UPDATE SET label = EXCLUDED.label, updated_at = now()
       WHERE v.label IS DISTINCT FROM EXCLUDED.label`,
      [vendors, values],
    );
    await tx.query(
      `UPDATE catalog.listings l SET trust_label = n.label
       FROM unnest($1::uuid[], $2::text[]) AS n(vendor, label)
       WHERE l.vendor_organisation_id = n.vendor AND l.trust_label IS DISTINCT FROM n.label`,
      [vendors, values],
    );
  }

  async createSolution(actor: VendorActor, dto: CreateSolutionDto): Promise<Solution> {
    await this.requireCategory(dto.categoryCode);
    checkPriceRange(dto);
    return this.solutions.manager.transaction(async (tx) => {
      const id = newId();
      const solution = tx.create(Solution, {
        id,
        vendorOrganisationId: actor.organisationId,
        ...standardFields(dto),
        status: 'DRAFT',
        version: 1,
        statusReason: null,
        revisionStatus: 'NONE',
        revisionReason: null,
        checkedVersion: null,
        checked: null,
        suspendedUntil: null,
        expiryReminderAt: null,
        listedAt: null,
        listingExpiresAt: null,
        qualityScore: null,
        kpis: kpiRows(tx, id, dto.kpis),
      });
      await tx.save(solution);
      await this.audit.record(tx, {
        actor,
        entityType: 'solution',
        entityId: id,
        action: 'created',
        after: { status: 'DRAFT', name: solution.name, version: 1 },
      });
      return solution;
    });
  }

  /**
   * Edits a draft in place; a rejected or expired solution becomes a new draft version to resubmit; a listed
   * one gets a new version to re-check while buyers keep seeing the checked version.
   */
  async editSolution(actor: VendorActor, id: string, dto: CreateSolutionDto): Promise<Solution> {
    await this.requireCategory(dto.categoryCode);
    checkPriceRange(dto);
    return this.solutions.manager.transaction(async (tx) => {
      const solution = await this.getSolution(id, tx);
      if (solution.vendorOrganisationId !== actor.organisationId) throw CatalogErrors.NOT_OWNER();
      const content = standardFields(dto);
      let patch: Partial<Solution>;
      if (REVISABLE_LISTINGS.includes(solution.status)) {
        if (dto.categoryCode !== solution.categoryCode) throw CatalogErrors.CATEGORY_LOCKED();
        const revisionStatus = revisionLifecycle.apply(solution.revisionStatus, 'edit');
        const version = solution.revisionStatus === 'DRAFT' ? solution.version : solution.version + 1;
        patch = { ...content, version, revisionStatus, revisionReason: null };
        const updated = await tx.update(Solution, { id, revisionStatus: solution.revisionStatus }, patch);
        if (updated.affected !== 1) throw CatalogErrors.SOLUTION_NOT_FOUND(undefined, { id });
      } else {
        const revising = REVISABLE.includes(solution.status);
        const status = revising ? solutionLifecycle.apply(solution.status, 'revise') : solution.status;
        // Under review or delisted: refused with CATALOG.INVALID_TRANSITION.
        if (!revising && solution.status !== 'DRAFT') solutionLifecycle.apply(solution.status, 'revise');
        patch = {
          ...content,
          status,
          version: revising ? solution.version + 1 : solution.version,
          statusReason: null,
          listedAt: null,
          listingExpiresAt: null,
          qualityScore: null,
          expiryReminderAt: null,
        };
        await updateIfStatus(tx, Solution, id, solution.status, patch);
      }
      await tx.delete(SolutionKpi, { solutionId: id });
      await tx.insert(SolutionKpi, kpiRows(tx, id, dto.kpis));
      await this.audit.record(tx, {
        actor,
        entityType: 'solution',
        entityId: id,
        action: 'edited',
        before: { status: solution.status, version: solution.version, revisionStatus: solution.revisionStatus },
        after: { ...patch },
      });
      return this.getSolution(id, tx);
    });
  }

  /** Moves the re-check of a listed solution's new version; accepting it makes that version the checked one. */
  async reviseTransition(
    tx: EntityManager,
    actor: AuditActor,
    id: string,
    event: RevisionEvent,
    details: { qualityScore?: number; reason?: string } = {},
  ): Promise<Solution> {
    const solution = await this.getSolution(id, tx);
    const revisionStatus = revisionLifecycle.apply(solution.revisionStatus, event);
    const patch: Partial<Solution> = { revisionStatus };
    if (details.reason !== undefined) patch.revisionReason = details.reason;
    if (event === 'accept') {
      patch.checked = contentOf(solution);
      patch.checkedVersion = solution.version;
      patch.revisionReason = null;
      if (details.qualityScore !== undefined) patch.qualityScore = details.qualityScore;
    }
    const updated = await tx.update(Solution, { id, revisionStatus: solution.revisionStatus }, patch);
    if (updated.affected !== 1) throw CatalogErrors.SOLUTION_NOT_FOUND(undefined, { id });
    // The re-check's assessors read every document of the version they passed: the pending ones are checked now.
    if (event === 'accept') {
      await tx.update(
        SolutionDocument,
        { solutionId: id, reviewStatus: 'PENDING', solutionVersion: LessThanOrEqual(solution.version) },
        { reviewStatus: 'ACCEPTED', reviewedAt: new Date(), reviewReason: 'Tái kiểm đạt. / Passed the re-check.' },
      );
      await this.syncListing(tx, id);
    }
    await this.audit.record(tx, {
      actor,
      entityType: 'solution',
      entityId: id,
      action: `revision_${event}`,
      before: { revisionStatus: solution.revisionStatus, version: solution.version },
      after: { revisionStatus, checkedVersion: patch.checkedVersion, reason: patch.revisionReason },
    });
    return { ...solution, ...patch };
  }

  /** Rewrites the public projection of a solution from its checked version and current status. */
  private async syncListing(tx: EntityManager, id: string): Promise<void> {
    await tx.query(
      `INSERT INTO catalog.listings AS l (solution_id, vendor_organisation_id, category_code, status, quality_score,
         version, name, summary, make_in_vietnam, deployment_model, price_min, price_max, search_vector, listed_at,
         trust_label, under_recheck)
       SELECT s.id, s.vendor_organisation_id, s.checked->>'categoryCode', s.status, COALESCE(s.quality_score, 0),
         s.checked_version, s.checked->>'name', s.checked->>'summary',
         COALESCE((s.checked->>'makeInVietnam')::boolean, false), s.checked->>'deploymentModel',
         (s.checked->>'priceMin')::bigint, (s.checked->>'priceMax')::bigint,
         catalog.search_vector(concat_ws(' ', s.checked->>'name', s.checked->>'summary', s.checked->>'description')),
         s.listed_at, COALESCE(v.label, $2), s.recheck_opened_at IS NOT NULL
       FROM catalog.solutions s LEFT JOIN catalog.vendor_trust_labels v ON v.vendor_organisation_id = s.vendor_organisation_id
       WHERE s.id = $1 AND s.checked IS NOT NULL
       ON CONFLICT (solution_id) DO UPDATE SET status = EXCLUDED.status, quality_score = EXCLUDED.quality_score,
         version = EXCLUDED.version, name = EXCLUDED.name, summary = EXCLUDED.summary,
         make_in_vietnam = EXCLUDED.make_in_vietnam, deployment_model = EXCLUDED.deployment_model,
         price_min = EXCLUDED.price_min, price_max = EXCLUDED.price_max, search_vector = EXCLUDED.search_vector,
         listed_at = EXCLUDED.listed_at, trust_label = EXCLUDED.trust_label, under_recheck = EXCLUDED.under_recheck`,
      [id, NEW_VENDOR_LABEL],
    );
  }

  /**
   * Public catalogue search over the checked versions: diacritic-insensitive full text, filters, best quality
   * first, keyset pagination on (quality score, id).
   */
  async search(query: SearchQuery): Promise<Page<ListingRow>> {
    const limit = query.limit ?? 20;
    const rows = await searchListings((sql, params) => this.solutions.query<ListingRow[]>(sql, params), query);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > limit && last ? encodeCursor([last.qualityScore, last.id]) : null,
    };
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

  async getSolution(id: string, tx: EntityManager): Promise<Solution> {
    const solution = await tx.findOne(Solution, {
      where: { id },
      relations: { kpis: true },
    });
    if (!solution) throw CatalogErrors.SOLUTION_NOT_FOUND(undefined, { id });
    return solution;
  }

  /** Moves a solution along its lifecycle inside the caller's transaction (used by the pre-check). */
  async transition(
    tx: EntityManager,
    actor: AuditActor,
    id: string,
    event: SolutionEvent,
    details: { qualityScore?: number; reason?: string; now?: Date; suspendedUntil?: Date } = {},
  ): Promise<Solution> {
    const solution = await this.getSolution(id, tx);
    const status = solutionLifecycle.apply(solution.status, event);
    const now = details.now ?? new Date();
    const patch: Partial<Solution> = { status };
    if (details.reason !== undefined) patch.statusReason = details.reason;
    if (details.qualityScore !== undefined) patch.qualityScore = details.qualityScore;
    // The decision fixes the checked content; a waiting solution listed later shows what was checked, not an
    // edit its vendor made while it waited.
    if ((event === 'list' || event === 'wait') && solution.status === 'UNDER_REVIEW') {
      patch.checked = contentOf(solution);
      patch.checkedVersion = solution.version;
    }
    if (event === 'list') {
      patch.listedAt = now;
      patch.listingExpiresAt = addMonths(now, LISTING_VALIDITY_MONTHS);
      patch.expiryReminderAt = null;
      patch.statusReason = null;
    }
    if (details.suspendedUntil) patch.suspendedUntil = details.suspendedUntil;
    if (event === 'lift_suspension') {
      patch.suspendedUntil = null;
      patch.statusReason = null;
    }
    await updateIfStatus(tx, Solution, id, solution.status, patch);
    await this.syncListing(tx, id);
    if (event === 'displace') {
      const waitingRank = (await this.waitingRanks(solution.categoryCode, tx)).get(id);
      await this.notify(tx, CatalogEvents.displaced, solution, { waitingRank });
    }
    if (event === 'list' && solution.status === 'WAITING') await this.notify(tx, CatalogEvents.promoted, solution);
    const notice = LIFECYCLE_NOTICES[event];
    if (notice)
      await this.notify(tx, notice, solution, {
        reason: details.reason,
        suspendedUntil: details.suspendedUntil?.toISOString(),
      });
    await this.audit.record(tx, {
      actor,
      entityType: 'solution',
      entityId: id,
      action: event,
      before: { status: solution.status },
      after: patch,
    });
    return { ...solution, ...patch };
  }

  async suspend(actor: AuditActor, id: string, until: Date, reason: string): Promise<Solution> {
    if (until.getTime() <= Date.now()) throw CatalogErrors.SUSPENSION_END_IN_PAST(undefined, { until });
    return this.solutions.manager.transaction((tx) =>
      this.transition(tx, actor, id, 'suspend', { reason, suspendedUntil: until }),
    );
  }

  async delist(actor: AuditActor, id: string, reason: string): Promise<Solution> {
    return this.solutions.manager.transaction((tx) => this.transition(tx, actor, id, 'delist', { reason }));
  }

  /**
   * Marks each of the vendors' solutions under a trust re-check exactly where `open` names an open, undecided re-check
   * of its vendor (scope '*' = every category) and clears the mark elsewhere; the vendor and the operators hear of
   * each solution newly marked. Called by the ranking inside its transaction.
   */
  async syncRecheck(
    tx: EntityManager,
    vendorIds: string[],
    open: Array<{ vendorOrganisationId: string; scope: string }>,
    now: Date,
  ): Promise<void> {
    if (vendorIds.length === 0) return;
    const changed = await tx.query<Array<{ id: string; flagged: boolean }>>(
      `WITH wanted AS (SELECT * FROM unnest($2::uuid[], $3::text[]) AS w(vendor, scope)),
       target AS (
         SELECT s.id, s.status IN ('LISTED', 'SUSPENDED', 'WAITING') AND EXISTS (
                  SELECT 1 FROM wanted w WHERE w.vendor = s.vendor_organisation_id
                    AND (w.scope = '*' OR w.scope = s.category_code)) AS flagged
         FROM catalog.solutions s WHERE s.vendor_organisation_id = ANY($1::uuid[])),
       changed AS (
         UPDATE catalog.solutions s SET recheck_opened_at = CASE WHEN t.flagged THEN $4::timestamptz END
         FROM target t WHERE s.id = t.id AND (s.recheck_opened_at IS NOT NULL) <> t.flagged
         RETURNING s.id, t.flagged)
       SELECT id, flagged FROM changed`,
      [vendorIds, open.map((o) => o.vendorOrganisationId), open.map((o) => o.scope), now],
    );
    if (changed.length === 0) return;
    await tx.query(
      `UPDATE catalog.listings l SET under_recheck = s.recheck_opened_at IS NOT NULL
       FROM catalog.solutions s WHERE s.id = l.solution_id AND s.id = ANY($1::uuid[])`,
      [changed.map((c) => c.id)],
    );
    const opened = changed.filter((c) => c.flagged).map((c) => c.id);
    if (opened.length > 0) {
      const solutions = await tx.findBy(Solution, { id: In(opened) });
      for (const solution of solutions) await this.notify(tx, CatalogEvents.recheckOpened, solution);
    }
    await this.audit.record(
      tx,
      ...changed.map((c) => ({
        actor: SYSTEM_ACTOR,
        entityType: 'solution',
        entityId: c.id,
        action: c.flagged ? 'recheck_opened' : 'recheck_closed',
        after: { recheckOpenedAt: c.flagged ? now.toISOString() : null },
      })),
    );
  }

  /**
   * The operator's decision on a trust re-check: suspends (until a date) or delists the vendor's solutions in the
   * scope ('*' = every category), with the reason; returns the solutions it moved.
   */
  async applyRecheckDecision(
    tx: EntityManager,
    actor: AuditActor,
    vendorOrganisationId: string,
    scope: string,
    decision: { event: 'suspend'; until: Date; reason: string } | { event: 'delist'; reason: string },
  ): Promise<string[]> {
    const from: SolutionStatus[] = decision.event === 'suspend' ? ['LISTED'] : ['LISTED', 'SUSPENDED', 'WAITING'];
    const solutions = await tx.find(Solution, {
      where: {
        vendorOrganisationId,
        status: In(from),
        ...(scope === '*' ? {} : { categoryCode: scope }),
      },
      order: { id: 'ASC' },
    });
    for (const s of solutions)
      await this.transition(tx, actor, s.id, decision.event, {
        reason: decision.reason,
        ...(decision.event === 'suspend' ? { suspendedUntil: decision.until } : {}),
      });
    return solutions.map((s) => s.id);
  }

  /** The category row, locked until the caller's transaction ends, so capacity decisions are serialised. */
  async lockCategory(tx: EntityManager, code: string): Promise<Category> {
    const category = await tx.findOne(Category, { where: { code }, lock: { mode: 'pessimistic_write' } });
    if (!category) throw CatalogErrors.CATEGORY_NOT_FOUND(undefined, { code });
    return category;
  }

  async occupiedSlots(tx: EntityManager, categoryCode: string): Promise<number> {
    return tx.count(Solution, { where: { categoryCode, status: In(OCCUPYING) } });
  }

  /** Position (1-based) of each waiting solution of the category by quality score. */
  async waitingRanks(categoryCode: string, tx: EntityManager): Promise<Map<string, number>> {
    const rows = await tx.find(Solution, {
      select: { id: true },
      where: { categoryCode, status: 'WAITING' },
      order: WAITING_ORDER,
    });
    return new Map(rows.map((r, i) => [r.id, i + 1]));
  }

  /** The best waiting solutions of a category, in queue order. */
  async bestWaiting(tx: EntityManager, categoryCode: string, take: number): Promise<Solution[]> {
    return tx.find(Solution, { where: { categoryCode, status: 'WAITING' }, order: WAITING_ORDER, take });
  }

  /**
   * The listed solution a better one would displace from a full category: the lowest quality score, the most
   * recently listed among equals. Suspended listings keep their slot: their status is the operator's to change.
   */
  async lowestListed(tx: EntityManager, categoryCode: string): Promise<Solution | null> {
    return tx.findOne(Solution, {
      where: { categoryCode, status: 'LISTED' },
      order: { qualityScore: 'ASC', listedAt: 'DESC', id: 'DESC' },
    });
  }

  /** Categories with solutions waiting for a slot, or with more occupied slots than their (lowered) capacity. */
  async categoriesToRebalance(): Promise<string[]> {
    const rows = await this.solutions.manager.query<Array<{ code: string }>>(
      `SELECT DISTINCT category_code AS code FROM catalog.solutions WHERE status = 'WAITING'
       UNION
       SELECT c.code FROM catalog.categories c
       WHERE c.capacity < (SELECT count(*) FROM catalog.solutions s
                           WHERE s.category_code = c.code AND s.status = ANY($1))`,
      [OCCUPYING],
    );
    return rows.map((r) => r.code);
  }

  /** Queues a notice to the solution's vendor, delivered to its inbox by the worker. */
  private async notify(
    tx: EntityManager,
    name: CatalogEventName,
    solution: Solution,
    extra: Pick<ListingNotice, 'expiresAt' | 'waitingRank' | 'reason' | 'suspendedUntil'> = {},
  ): Promise<void> {
    const notice: ListingNotice = {
      noticeId: newId(),
      solutionId: solution.id,
      vendorOrganisationId: solution.vendorOrganisationId,
      solutionName: solution.checked?.name ?? solution.name,
      categoryCode: solution.categoryCode,
      ...extra,
    };
    await this.outbox.enqueue(tx, {
      queue: CATALOG_EVENTS_QUEUE,
      name,
      id: jobId(name, notice.noticeId),
      payload: notice,
    });
  }

  /**
   * The scheduled part of the listing lifecycle, judged against the database clock (plus a test-only
   * offset): lift ended suspensions, expire 12-month listings, remind the vendor 30 days ahead. Freed capacity
   * is filled by the pre-check's scheduler, which owns the waiting submissions.
   */
  async sweep(offsetSeconds: number): Promise<SweepResult> {
    const now = await this.now(offsetSeconds);
    const result: SweepResult = { lifted: 0, expired: 0, reminded: 0 };
    const due = (where: string, params: ObjectLiteral) =>
      this.solutions
        .createQueryBuilder('s')
        .select('s.id', 'id')
        .where(where, params)
        .orderBy('s.id')
        .limit(500)
        .getRawMany<{ id: string }>()
        .then((rows) => rows.map((r) => r.id));
    const each = async (ids: string[], event: SolutionEvent) => {
      for (const id of ids)
        await this.solutions.manager.transaction((tx) => this.transition(tx, SYSTEM_ACTOR, id, event, { now }));
      return ids.length;
    };
    result.expired = await each(
      await due(`s.status IN ('LISTED', 'SUSPENDED') AND s.listing_expires_at <= :now`, { now }),
      'expire',
    );
    result.lifted = await each(
      await due(`s.status = 'SUSPENDED' AND s.suspended_until <= :now`, { now }),
      'lift_suspension',
    );
    const reminderFrom = new Date(now.getTime() + EXPIRY_REMINDER_DAYS * 86_400_000);
    for (const id of await due(
      `s.status = 'LISTED' AND s.expiry_reminder_at IS NULL AND s.listing_expires_at <= :reminderFrom`,
      { reminderFrom },
    )) {
      await this.solutions.manager.transaction(async (tx) => {
        const updated = await tx.update(
          Solution,
          { id, status: 'LISTED', expiryReminderAt: IsNull() },
          { expiryReminderAt: now },
        );
        if (updated.affected !== 1) return;
        const solution = await this.getSolution(id, tx);
        await this.notify(tx, CatalogEvents.expiryReminder, solution, {
          expiresAt: solution.listingExpiresAt?.toISOString(),
        });
        await this.audit.record(tx, {
          actor: SYSTEM_ACTOR,
          entityType: 'solution',
          entityId: id,
          action: 'expiry_reminder',
          after: { remindedAt: now.toISOString() },
        });
        result.reminded++;
      });
    }
    return result;
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
      where: { solutionId: In(page.items.map((s) => s.id)) },
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
    const rows = await tx.find(Solution, {
      select: { id: true, status: true },
      where: { id: In(ids) },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_read' },
    });
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
    return this.categories.existsBy({ code });
  }

  async createCategory(actor: AuditActor, dto: CreateCategoryDto): Promise<Category> {
    return this.categories.manager.transaction(async (tx) => {
      if (await tx.existsBy(Category, { code: dto.code }))
        throw CatalogErrors.CATEGORY_EXISTS(undefined, { code: dto.code });
      const category = tx.create(Category, {
        code: dto.code,
        nameVi: dto.nameVi.trim(),
        nameEn: dto.nameEn.trim(),
        capacity: dto.capacity ?? null,
      });
      await tx.insert(Category, category);
      await this.audit.record(tx, {
        actor,
        entityType: 'category',
        entityId: dto.code,
        action: 'created',
        after: { ...category },
      });
      return category;
    });
  }

  async updateCategory(actor: AuditActor, code: string, dto: CategoryDto): Promise<Category> {
    return this.categories.manager.transaction(async (tx) => {
      const before = await this.lockCategory(tx, code);
      const after = { nameVi: dto.nameVi.trim(), nameEn: dto.nameEn.trim(), capacity: dto.capacity ?? null };
      await tx.update(Category, { code }, after);
      await this.audit.record(tx, {
        actor,
        entityType: 'category',
        entityId: code,
        action: 'updated',
        before: { ...before },
        after,
      });
      return { ...before, ...after };
    });
  }

  private async requireCategory(code: string): Promise<void> {
    if (!(await this.categories.existsBy({ code })))
      throw CatalogErrors.CATEGORY_NOT_FOUND(undefined, { field: 'categoryCode', value: code });
  }
}

function kpiRows(tx: EntityManager, solutionId: string, kpis: SolutionKpiDto[]): SolutionKpi[] {
  return kpis.map((kpi) =>
    tx.create(SolutionKpi, {
      id: newId(),
      solutionId,
      metric: kpi.metric.trim(),
      unit: kpi.unit ?? null,
      direction: kpi.direction ?? null,
      dataSource: kpi.dataSource ?? null,
      dataOwner: kpi.dataOwner ?? null,
      measurementMethod: kpi.measurementMethod ?? null,
      aggregation: kpi.aggregation ?? null,
      frequency: kpi.frequency ?? null,
      baselineMethod: kpi.baselineMethod ?? null,
      minimumSample: kpi.minimumSample ?? null,
      evidenceFormat: kpi.evidenceFormat ?? null,
    }),
  );
}

function contentOf(solution: Solution): SolutionContent {
  return JSON.parse(
    JSON.stringify({
      name: solution.name,
      summary: solution.summary,
      categoryCode: solution.categoryCode,
      description: solution.description,
      deploymentModel: solution.deploymentModel,
      makeInVietnam: solution.makeInVietnam,
      localisationShare: solution.localisationShare,
      priceMin: solution.priceMin,
      priceMax: solution.priceMax,
      kpis: solution.kpis.map(({ solution: _s, ...kpi }) => kpi),
    }),
  ) as SolutionContent;
}

function standardFields(dto: CreateSolutionDto) {
  return {
    name: dto.name.trim(),
    summary: dto.summary.trim(),
    categoryCode: dto.categoryCode,
    description: dto.description?.trim() ?? null,
    deploymentModel: dto.deploymentModel ?? null,
    makeInVietnam: dto.makeInVietnam ?? false,
    localisationShare: dto.localisationShare ?? null,
    priceMin: dto.priceMin ?? null,
    priceMax: dto.priceMax ?? null,
  };
}

function checkPriceRange(dto: { priceMin?: string; priceMax?: string }): void {
  if (dto.priceMin !== undefined && dto.priceMax !== undefined && BigInt(dto.priceMin) > BigInt(dto.priceMax))
    throw CatalogErrors.INVALID_PRICE_RANGE(undefined, {
      field: 'priceMax',
      priceMin: dto.priceMin,
      priceMax: dto.priceMax,
    });
}

function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}

function checkConfidentiality({ confidential, reason }: Confidentiality): {
  confidential: boolean;
  confidentialReason: string | null;
} {
  const trimmed = reason?.trim() ?? '';
  if (confidential ? trimmed.length < 3 || trimmed.length > 1000 : trimmed.length > 0)
    throw CatalogErrors.CONFIDENTIAL_REASON_REQUIRED(undefined, { field: 'confidentialReason' });
  return { confidential, confidentialReason: confidential ? trimmed : null };
}

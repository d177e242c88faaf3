import { Injectable } from '@nestjs/common';
import { EntityManager, LessThanOrEqual } from 'typeorm';
import { AuditFacade, type AuditActor } from '@app/audit';
import { newId } from '@app/kernel';
import { jobId, Outbox, selectByIdWithChildren, updateIfStatus } from '@app/platform';
import {
  CATALOG_EVENTS_QUEUE,
  CatalogErrors,
  CatalogEvents,
  NEW_VENDOR_LABEL,
  revisionLifecycle,
  solutionLifecycle,
  type CatalogEventName,
  type ListingNotice,
  type RevisionEvent,
  type SolutionEvent,
} from './contracts/catalog';
import { SolutionDocument } from './document.entity';
import { Solution, type SolutionContent } from './solution.entity';

const LISTING_VALIDITY_MONTHS = 12;
/** Lifecycle moves the vendor hears of. */
const LIFECYCLE_NOTICES: Partial<Record<SolutionEvent, CatalogEventName>> = {
  suspend: CatalogEvents.suspended,
  lift_suspension: CatalogEvents.reinstated,
  delist: CatalogEvents.delisted,
};

export const WAITING_ORDER = { qualityScore: 'DESC', updatedAt: 'ASC', id: 'ASC' } as const;

/** A solution's lifecycle and re-check moves inside the caller's transaction; the public projection follows. */
@Injectable()
export class ListingTransitions {
  constructor(
    private readonly audit: AuditFacade,
    private readonly outbox: Outbox,
  ) {}

  async getSolution(id: string, tx: EntityManager): Promise<Solution> {
    const solution = await selectByIdWithChildren(tx, Solution, id, 'kpis');
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
  /** Position (1-based) of each waiting solution of the category by quality score. */
  async waitingRanks(categoryCode: string, tx: EntityManager): Promise<Map<string, number>> {
    const rows = await tx.find(Solution, {
      select: { id: true },
      where: { categoryCode, status: 'WAITING' },
      order: WAITING_ORDER,
    });
    return new Map(rows.map((r, i) => [r.id, i + 1]));
  }

  /** Queues a notice to the solution's vendor, delivered to its inbox by the worker. */
  async notify(
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

function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}

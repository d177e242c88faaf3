import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';
import type { AuditActor } from '@app/audit';
import type { Page } from '@app/kernel';
import { Capacity, type CheckVerdict, type ListingMove, type Placement } from './capacity';
import { CatalogReads } from './catalog-reads';
import type { CategoryDto, CreateCategoryDto, CreateSolutionDto } from './catalog.dto';
import type { Category } from './category.entity';
import type { SolutionStatus } from './contracts/catalog';
import { DocumentAccess, type DocumentViewer } from './document-access';
import type { SolutionDocument } from './document.entity';
import { ListingTransitions } from './listing-transitions';
import type { ListingRow, SearchQuery } from './listing-search';
import { ListingSweep, type SweepResult } from './listing-sweep';
import type { Solution } from './solution.entity';
import type { Confidentiality, VendorActor } from './solution-content';
import { TrustMarks } from './trust-marks';
import { CreateCategory } from './use-cases/create-category';
import { CreateSolution } from './use-cases/create-solution';
import { EditSolution } from './use-cases/edit-solution';
import { DelistSolution, SuspendSolution } from './use-cases/moderate-solution';
import { ReviewDocument, type DocumentDecision } from './use-cases/review-document';
import { SetDocumentConfidentiality } from './use-cases/set-document-confidentiality';
import { UpdateCategory } from './use-cases/update-category';
import { UploadDocument } from './use-cases/upload-document';

/**
 * The catalogue's front door: its write operations are use cases; moves inside another module's transaction (a
 * pre-check verdict, a trust re-check) go through ListingTransitions, Capacity and TrustMarks; pages read through
 * CatalogReads and DocumentAccess.
 */
@Injectable()
export class CatalogFacade {
  constructor(
    private readonly reads: CatalogReads,
    private readonly documentAccess: DocumentAccess,
    private readonly transitions: ListingTransitions,
    private readonly capacity: Capacity,
    private readonly trustMarks: TrustMarks,
    private readonly listingSweep: ListingSweep,
    private readonly createSolutionCase: CreateSolution,
    private readonly editSolutionCase: EditSolution,
    private readonly uploadDocumentCase: UploadDocument,
    private readonly setConfidentialityCase: SetDocumentConfidentiality,
    private readonly reviewDocumentCase: ReviewDocument,
    private readonly createCategoryCase: CreateCategory,
    private readonly updateCategoryCase: UpdateCategory,
    private readonly suspendCase: SuspendSolution,
    private readonly delistCase: DelistSolution,
  ) {}

  createSolution(actor: VendorActor, dto: CreateSolutionDto): Promise<Solution> {
    return this.createSolutionCase.execute({ actor, dto });
  }

  /**
   * Edits a draft in place; a rejected or expired solution becomes a new draft version to resubmit; a listed
   * one gets a new version to re-check while buyers keep seeing the checked version.
   */
  editSolution(actor: VendorActor, id: string, dto: CreateSolutionDto): Promise<Solution> {
    return this.editSolutionCase.execute({ actor, id, dto });
  }

  /** Streams a document to the store (size-limited, hashed, typed by its bytes), then records it. */
  uploadDocument(
    actor: VendorActor,
    solutionId: string,
    fileName: string,
    content: Readable,
    confidentiality: Confidentiality = { confidential: false },
  ): Promise<SolutionDocument> {
    return this.uploadDocumentCase.execute({ actor, solutionId, fileName, content, confidentiality });
  }

  /** The vendor marks a document confidential (with its reason) or public again. */
  setConfidentiality(
    actor: VendorActor,
    solutionId: string,
    documentId: string,
    confidentiality: Confidentiality,
  ): Promise<SolutionDocument> {
    return this.setConfidentialityCase.execute({ actor, solutionId, documentId, confidentiality });
  }

  reviewDocument(
    actor: AuditActor,
    solutionId: string,
    documentId: string,
    decision: DocumentDecision,
    reason: string | undefined,
  ): Promise<SolutionDocument> {
    return this.reviewDocumentCase.execute({ actor, solutionId, documentId, decision, reason });
  }

  createCategory(actor: AuditActor, dto: CreateCategoryDto): Promise<Category> {
    return this.createCategoryCase.execute({ actor, dto });
  }

  updateCategory(actor: AuditActor, code: string, dto: CategoryDto): Promise<Category> {
    return this.updateCategoryCase.execute({ actor, code, dto });
  }

  suspend(actor: AuditActor, id: string, until: Date, reason: string): Promise<Solution> {
    return this.suspendCase.execute({ actor, id, until, reason });
  }

  delist(actor: AuditActor, id: string, reason: string): Promise<Solution> {
    return this.delistCase.execute({ actor, id, reason });
  }

  /** Runs the scheduled moves of the listing lifecycle (expiries, ended suspensions, reminders). */
  sweep(offsetSeconds: number): Promise<SweepResult> {
    return this.listingSweep.run(offsetSeconds);
  }

  // Inside the caller's transaction.

  /** Moves a solution along its lifecycle inside the caller's transaction (used by the pre-check). */
  transition(...args: Parameters<ListingTransitions['transition']>): Promise<Solution> {
    return this.transitions.transition(...args);
  }

  /** Moves the re-check of a listed solution's new version; accepting it makes that version the checked one. */
  reviseTransition(...args: Parameters<ListingTransitions['reviseTransition']>): Promise<Solution> {
    return this.transitions.reviseTransition(...args);
  }

  /** Lists, queues or rejects a checked solution by the pre-check's verdict and the category's capacity. */
  placeChecked(tx: EntityManager, actor: AuditActor, verdict: CheckVerdict): Promise<Placement> {
    return this.capacity.place(tx, actor, verdict);
  }

  /** Brings one category's listing back to its top N (see Capacity.rebalance). */
  rebalanceCategory(
    tx: EntityManager,
    categoryCode: string,
    now: Date,
  ): Promise<{ moves: ListingMove[]; changes: number }> {
    return this.capacity.rebalance(tx, categoryCode, now);
  }

  grantDocumentAccess(tx: EntityManager, solutionId: string, userIds: string[]): Promise<void> {
    return this.documentAccess.grant(tx, solutionId, userIds);
  }

  revokeDocumentAccess(tx: EntityManager, solutionId: string, userIds: string[]): Promise<void> {
    return this.documentAccess.revoke(tx, solutionId, userIds);
  }

  updateVendorTrustLabels(...args: Parameters<TrustMarks['updateVendorTrustLabels']>): Promise<void> {
    return this.trustMarks.updateVendorTrustLabels(...args);
  }

  syncRecheck(...args: Parameters<TrustMarks['syncRecheck']>): Promise<void> {
    return this.trustMarks.syncRecheck(...args);
  }

  applyRecheckDecision(...args: Parameters<TrustMarks['applyRecheckDecision']>): Promise<string[]> {
    return this.trustMarks.applyRecheckDecision(...args);
  }

  // Reads.

  /** A solution as its own read, outside any transaction. */
  solution(id: string): Promise<Solution> {
    return this.reads.solution(id);
  }

  getSolution(id: string, tx: EntityManager): Promise<Solution> {
    return this.transitions.getSolution(id, tx);
  }

  /** What buyers and the public see: the checked version, never an unchecked edit. */
  publicView(solution: Solution): Solution {
    return this.reads.publicView(solution);
  }

  search(query: SearchQuery): Promise<Page<ListingRow>> {
    return this.reads.search(query);
  }

  listed(filter: { category?: string; vendor?: string; cursor?: string; limit: number }): Promise<Page<Solution>> {
    return this.reads.listed(filter);
  }

  listedInCategory(
    tx: EntityManager,
    categoryCode: string,
  ): Promise<Array<{ id: string; vendorOrganisationId: string }>> {
    return this.reads.listedInCategory(tx, categoryCode);
  }

  statusesOf(tx: EntityManager, ids: string[]): Promise<Map<string, SolutionStatus>> {
    return this.reads.statusesOf(tx, ids);
  }

  ownedBy(vendorOrganisationId: string): Promise<Solution[]> {
    return this.reads.ownedBy(vendorOrganisationId);
  }

  categoriesList(): Promise<Category[]> {
    return this.reads.categoriesList();
  }

  categoryExists(code: string): Promise<boolean> {
    return this.reads.categoryExists(code);
  }

  /** Categories whose listing may need a rebalance (see Capacity.categoriesToRebalance). */
  categoriesToRebalance(): Promise<string[]> {
    return this.capacity.categoriesToRebalance();
  }

  /** Position (1-based) of each waiting solution of the category by quality score. */
  waitingRanks(categoryCode: string, tx: EntityManager): Promise<Map<string, number>> {
    return this.transitions.waitingRanks(categoryCode, tx);
  }

  /** The database clock plus the test-only offset: what every scheduled transition is judged against. */
  now(offsetSeconds: number): Promise<Date> {
    return this.reads.now(offsetSeconds);
  }

  documentsOf(solutionId: string, tx: EntityManager): Promise<SolutionDocument[]> {
    return this.documentAccess.documentsOf(solutionId, tx);
  }

  pendingDocuments(cursor: string | undefined, limit: number): Promise<Page<SolutionDocument>> {
    return this.reads.pendingDocuments(cursor, limit);
  }

  visibleDocuments(viewer: DocumentViewer | undefined, solutionId: string): Promise<SolutionDocument[]> {
    return this.documentAccess.visibleDocuments(viewer, solutionId);
  }

  /** A document's metadata and its bytes as a stream, if the viewer may read it. */
  openDocument(
    viewer: DocumentViewer | undefined,
    solutionId: string,
    documentId: string,
  ): Promise<{ document: SolutionDocument; open: () => Readable }> {
    return this.documentAccess.openDocument(viewer, solutionId, documentId);
  }
}

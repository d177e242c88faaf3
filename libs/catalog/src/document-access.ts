import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { EntityManager, In, LessThanOrEqual } from 'typeorm';
import { selectFrom, Transactions } from '@app/platform';
import { CatalogErrors } from './contracts/catalog';
import { DocumentReviewer, SolutionDocument } from './document.entity';
import { DocumentStore } from './document-store';
import { ListingTransitions } from './listing-transitions';
import type { Solution } from './solution.entity';

/** Who asks for a solution's documents; absent for the public. */
export interface DocumentViewer {
  userId: string | null;
  organisationId: string;
  operatorAdmin: boolean;
}

/** Who may read a solution's documents: the insiders all of them, the public only the checked, public ones. */
@Injectable()
export class DocumentAccess {
  constructor(
    private readonly tx: Transactions,
    private readonly transitions: ListingTransitions,
    private readonly documents: DocumentStore,
  ) {}

  documentsOf(solutionId: string, tx: EntityManager): Promise<SolutionDocument[]> {
    return tx.query<SolutionDocument[]>(
      `${selectFrom(tx, SolutionDocument, 'd')} WHERE d.solution_id = $1 ORDER BY d.created_at`,
      [solutionId],
    );
  }

  /** Records the assessors assigned to review a solution: they may read all its documents from then on. */
  async grant(tx: EntityManager, solutionId: string, userIds: string[]): Promise<void> {
    if (userIds.length === 0) return;
    await tx
      .createQueryBuilder()
      .insert()
      .into(DocumentReviewer)
      .values(userIds.map((userId) => ({ solutionId, userId })))
      .orIgnore()
      .execute();
  }

  async revoke(tx: EntityManager, solutionId: string, userIds: string[]): Promise<void> {
    if (userIds.length === 0) return;
    await tx.delete(DocumentReviewer, { solutionId, userId: In(userIds) });
  }

  /**
   * The owning vendor, operator admins and the solution's assigned assessors see every document; anyone else
   * only the non-confidential, accepted documents of a listed solution's checked versions (and 404 for the rest).
   */
  async visibleDocuments(viewer: DocumentViewer | undefined, solutionId: string): Promise<SolutionDocument[]> {
    return this.tx.run(async (tx) => {
      const solution = await this.transitions.getSolution(solutionId, tx);
      if (await this.isDocumentInsider(tx, viewer, solution)) return this.documentsOf(solutionId, tx);
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

  private async isDocumentInsider(
    tx: EntityManager,
    viewer: DocumentViewer | undefined,
    solution: Solution,
  ): Promise<boolean> {
    if (!viewer) return false;
    if (viewer.operatorAdmin || viewer.organisationId === solution.vendorOrganisationId) return true;
    return viewer.userId !== null && tx.existsBy(DocumentReviewer, { solutionId: solution.id, userId: viewer.userId });
  }
}

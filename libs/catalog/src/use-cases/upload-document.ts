import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { AuditFacade } from '@app/audit';
import { newId } from '@app/kernel';
import { Transactions } from '@app/platform';
import { CatalogReads } from '../catalog-reads';
import { CatalogErrors } from '../contracts/catalog';
import { SolutionDocument } from '../document.entity';
import { DocumentStore } from '../document-store';
import { checkConfidentiality, type Confidentiality, type VendorActor } from '../solution-content';

@Injectable()
export class UploadDocument {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    private readonly reads: CatalogReads,
    private readonly documents: DocumentStore,
  ) {}

  /** Streams a document to the store (size-limited, hashed, typed by its bytes), then records it. */
  async execute({
    actor,
    solutionId,
    fileName,
    content,
    confidentiality = { confidential: false },
  }: {
    actor: VendorActor;
    solutionId: string;
    fileName: string;
    content: Readable;
    confidentiality?: Confidentiality;
  }): Promise<SolutionDocument> {
    const solution = await this.reads.solution(solutionId);
    if (solution.vendorOrganisationId !== actor.organisationId) throw CatalogErrors.NOT_OWNER();
    const secrecy = checkConfidentiality(confidentiality);
    const stored = await this.documents.put(content);
    try {
      return await this.tx.run(async (tx) => {
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
}

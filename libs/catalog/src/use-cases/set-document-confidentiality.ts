import { Injectable } from '@nestjs/common';
import { AuditFacade } from '@app/audit';
import { Transactions } from '@app/platform';
import { CatalogErrors } from '../contracts/catalog';
import { SolutionDocument } from '../document.entity';
import { ListingTransitions } from '../listing-transitions';
import { checkConfidentiality, type Confidentiality, type VendorActor } from '../solution-content';

@Injectable()
export class SetDocumentConfidentiality {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    private readonly transitions: ListingTransitions,
  ) {}

  /** The vendor marks a document confidential (with its reason) or public again. */
  async execute({
    actor,
    solutionId,
    documentId,
    confidentiality,
  }: {
    actor: VendorActor;
    solutionId: string;
    documentId: string;
    confidentiality: Confidentiality;
  }): Promise<SolutionDocument> {
    const secrecy = checkConfidentiality(confidentiality);
    return this.tx.run(async (tx) => {
      const solution = await this.transitions.getSolution(solutionId, tx);
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
}

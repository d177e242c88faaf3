import { Injectable } from '@nestjs/common';
import { AuditFacade } from '@app/audit';
import { newId } from '@app/kernel';
import { insertWithChildren, Transactions } from '@app/platform';
import { CatalogReads } from '../catalog-reads';
import type { CreateSolutionDto } from '../catalog.dto';
import { Solution } from '../solution.entity';
import { checkPriceRange, kpiRows, standardFields, type VendorActor } from '../solution-content';

@Injectable()
export class CreateSolution {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    private readonly reads: CatalogReads,
  ) {}

  /** A vendor's new solution, a draft until it is submitted to the pre-check. */
  async execute({ actor, dto }: { actor: VendorActor; dto: CreateSolutionDto }): Promise<Solution> {
    await this.reads.requireCategory(dto.categoryCode);
    checkPriceRange(dto);
    return this.tx.run(async (tx) => {
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
      await insertWithChildren(tx, Solution, solution, 'kpis');
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
}

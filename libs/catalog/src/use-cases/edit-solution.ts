import { Injectable } from '@nestjs/common';
import { AuditFacade } from '@app/audit';
import { updateIfStatus, Transactions } from '@app/platform';
import { CatalogReads } from '../catalog-reads';
import type { CreateSolutionDto } from '../catalog.dto';
import {
  CatalogErrors,
  REVISABLE_LISTINGS,
  revisionLifecycle,
  solutionLifecycle,
  type SolutionStatus,
} from '../contracts/catalog';
import { ListingTransitions } from '../listing-transitions';
import { Solution, SolutionKpi } from '../solution.entity';
import { checkPriceRange, kpiRows, standardFields, type VendorActor } from '../solution-content';

const REVISABLE: SolutionStatus[] = ['AUTO_REJECTED', 'REJECTED', 'EXPIRED'];

@Injectable()
export class EditSolution {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    private readonly reads: CatalogReads,
    private readonly transitions: ListingTransitions,
  ) {}

  /**
   * Edits a draft in place; a rejected or expired solution becomes a new draft version to resubmit; a listed
   * one gets a new version to re-check while buyers keep seeing the checked version.
   */
  async execute({ actor, id, dto }: { actor: VendorActor; id: string; dto: CreateSolutionDto }): Promise<Solution> {
    await this.reads.requireCategory(dto.categoryCode);
    checkPriceRange(dto);
    return this.tx.run(async (tx) => {
      const solution = await this.transitions.getSolution(id, tx);
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
      return this.transitions.getSolution(id, tx);
    });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuditActor, AuditFacade } from '@app/audit';
import { newId } from '@app/kernel';
import { updateIfStatus } from '@app/platform';
import { CreateSolutionDto } from './catalog.dto';
import { Category } from './category.entity';
import { CatalogErrors, solutionLifecycle, type SolutionEvent } from './contracts/catalog';
import { Solution, SolutionKpi } from './solution.entity';

const LISTING_VALIDITY_MONTHS = 12;

@Injectable()
export class CatalogFacade {
  constructor(
    private readonly audit: AuditFacade,
    @InjectRepository(Solution) private readonly solutions: Repository<Solution>,
    @InjectRepository(Category) private readonly categories: Repository<Category>,
  ) {}

  async createSolution(actor: AuditActor & { organisationId: string }, dto: CreateSolutionDto): Promise<Solution> {
    if (!(await this.categories.existsBy({ code: dto.categoryCode }))) {
      throw CatalogErrors.CATEGORY_NOT_FOUND(undefined, { field: 'categoryCode', value: dto.categoryCode });
    }
    return this.solutions.manager.transaction(async (tx) => {
      const id = newId();
      const solution = tx.create(Solution, {
        id,
        vendorOrganisationId: actor.organisationId,
        name: dto.name.trim(),
        summary: dto.summary.trim(),
        categoryCode: dto.categoryCode,
        status: 'DRAFT',
        listedAt: null,
        listingExpiresAt: null,
        qualityScore: null,
        kpis: dto.kpis.map((kpi) => tx.create(SolutionKpi, { ...kpi, id: newId(), solutionId: id })),
      });
      await tx.save(solution);
      await this.audit.record(tx, {
        actor,
        entityType: 'solution',
        entityId: id,
        action: 'created',
        after: { status: 'DRAFT', name: solution.name },
      });
      return solution;
    });
  }

  async getSolution(id: string, tx?: EntityManager): Promise<Solution> {
    const solution = await (tx ?? this.solutions.manager).findOne(Solution, {
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
    qualityScore?: number,
  ): Promise<Solution> {
    const solution = await this.getSolution(id, tx);
    const status = solutionLifecycle.apply(solution.status, event);
    const listing =
      status === 'LISTED'
        ? {
            listedAt: new Date(),
            listingExpiresAt: addMonths(new Date(), LISTING_VALIDITY_MONTHS),
            qualityScore: qualityScore ?? null,
          }
        : {};
    await updateIfStatus(tx, Solution, id, solution.status, { status, ...listing });
    await this.audit.record(tx, {
      actor,
      entityType: 'solution',
      entityId: id,
      action: event,
      before: { status: solution.status },
      after: { status, ...listing },
    });
    return { ...solution, status, ...listing };
  }

  async listed(filter: { category?: string; vendor?: string }): Promise<Solution[]> {
    return this.solutions.find({
      where: {
        status: 'LISTED',
        ...(filter.category && { categoryCode: filter.category }),
        ...(filter.vendor && { vendorOrganisationId: filter.vendor }),
      },
      relations: { kpis: true },
      order: { qualityScore: 'DESC', id: 'ASC' },
      take: 200,
    });
  }

  async listedIdsInCategory(tx: EntityManager, categoryCode: string): Promise<string[]> {
    const rows = await tx.find(Solution, { select: { id: true }, where: { status: 'LISTED', categoryCode } });
    return rows.map((r) => r.id);
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
}

function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}

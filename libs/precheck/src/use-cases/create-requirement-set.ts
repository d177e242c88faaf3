import { Injectable } from '@nestjs/common';
import { AuditFacade } from '@app/audit';
import { CatalogErrors, CatalogFacade } from '@app/catalog';
import { actorOf, type Principal } from '@app/identity';
import { newId } from '@app/kernel';
import { Transactions } from '@app/platform';
import {
  DEFAULT_GROUP_MARK,
  DEFAULT_TOTAL_MARK,
  DEFAULT_WEIGHTS,
  PrecheckErrors,
  type Requirement,
} from '../contracts/precheck';
import type { CreateRequirementSetDto } from '../precheck.dto';
import { latestSet } from '../precheck-reads';
import { requirementSetProblems } from '../rules';
import { RequirementSet } from '../submission.entity';

@Injectable()
export class CreateRequirementSet {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    private readonly catalog: CatalogFacade,
  ) {}

  /** A new version of the category's requirement set; earlier submissions keep the version they answered. */
  async execute({ principal, dto }: { principal: Principal; dto: CreateRequirementSetDto }): Promise<RequirementSet> {
    if (!(await this.catalog.categoryExists(dto.categoryCode)))
      throw CatalogErrors.CATEGORY_NOT_FOUND(undefined, { field: 'categoryCode', value: dto.categoryCode });
    const requirements: Requirement[] = dto.requirements.map((r) => ({ ...r }));
    const problems = requirementSetProblems(requirements);
    const weights = dto.weights ? { ...dto.weights } : DEFAULT_WEIGHTS;
    if (weights.capability + weights.security + weights.kpi === 0)
      problems.push('weights: at least one must be positive');
    if (problems.length > 0) throw PrecheckErrors.INVALID_REQUIREMENT_SET(undefined, { problems });
    return this.tx.run(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`precheck.requirement-set.${dto.categoryCode}`]);
      const latest = await latestSet(tx, dto.categoryCode);
      const set = tx.create(RequirementSet, {
        id: newId(),
        categoryCode: dto.categoryCode,
        version: (latest?.version ?? 0) + 1,
        requirements,
        weights,
        groupMark: dto.groupMark ?? DEFAULT_GROUP_MARK,
        totalMark: dto.totalMark ?? DEFAULT_TOTAL_MARK,
        createdBy: principal.userId ?? '',
      });
      await tx.insert(RequirementSet, set);
      await this.audit.record(tx, {
        actor: actorOf(principal),
        entityType: 'requirement_set',
        entityId: set.id,
        action: 'created',
        after: { categoryCode: set.categoryCode, version: set.version, requirements: requirements.length },
      });
      return set;
    });
  }
}

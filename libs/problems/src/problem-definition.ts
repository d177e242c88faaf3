import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CatalogErrors, CatalogFacade } from '@app/catalog';
import { IdentityErrors, IdentityFacade, type Principal } from '@app/identity';
import { Clock, firstRepeated, isWorse, newId } from '@app/kernel';
import { updateIfStatus } from '@app/platform';
import { ProblemErrors } from './contracts/problems';
import { deadlineEnd } from './deadline';
import { kpiWeightsRefusal } from './kpi-weights';
import { ProblemKpi } from './problem.entity';
import { CreateProblemDto, ProblemKpiDto } from './problems.dto';
import { Proposal } from './proposal.entity';

function assertTargetDirection(kpi: ProblemKpiDto): void {
  if (kpi.baseline === undefined || kpi.binary) return;
  if (isWorse(kpi.direction, kpi.target, kpi.baseline))
    throw ProblemErrors.TARGET_WRONG_DIRECTION(undefined, {
      kpi: kpi.code,
      baseline: kpi.baseline,
      target: kpi.target,
      direction: kpi.direction,
    });
}

/** The fields a draft's author sets (and may rewrite while it is a draft). */
export function definitionOf(dto: CreateProblemDto) {
  return {
    titleVi: dto.titleVi,
    titleEn: dto.titleEn,
    categoryCode: dto.categoryCode,
    budgetEnvelope: dto.budgetEnvelope,
    outcomeShareBp: dto.outcomeShareBp,
    deadline: dto.deadline ?? null,
    scale: dto.scale ?? ('SMALL_TRIAL' as const),
    scope: dto.scope ?? '',
  };
}

export function kpiRows(tx: EntityManager, problemId: string, dto: CreateProblemDto): ProblemKpi[] {
  return dto.kpis.map((kpi) =>
    tx.create(ProblemKpi, {
      ...kpi,
      id: newId(),
      problemId,
      binary: kpi.binary ?? false,
      comparator: kpi.comparator ?? (kpi.direction === 'increase' ? 'gte' : 'lte'),
      baseline: kpi.baseline ?? null,
      aggregation: kpi.aggregation ?? 'mean',
      weightBp: kpi.weightBp ?? null,
    }),
  );
}

/** What creating a problem and rewriting its draft both check of the definition. */
@Injectable()
export class ProblemDefinitions {
  constructor(
    private readonly catalog: CatalogFacade,
    private readonly identity: IdentityFacade,
    private readonly clock: Clock,
  ) {}

  /** Checks a problem's definition; returns the agency it belongs to. */
  async check(principal: Principal, dto: CreateProblemDto): Promise<string> {
    const agencyOrganisationId =
      principal.organisationType === 'OPERATOR' ? dto.agencyOrganisationId : principal.organisationId;
    if (!agencyOrganisationId) throw ProblemErrors.AGENCY_REQUIRED(undefined, { field: 'agencyOrganisationId' });
    if (
      principal.organisationType !== 'OPERATOR' &&
      dto.agencyOrganisationId &&
      dto.agencyOrganisationId !== principal.organisationId
    ) {
      throw IdentityErrors.FORBIDDEN_ORGANISATION();
    }
    await this.identity.requireOrganisationType(agencyOrganisationId, 'AGENCY');
    if (!(await this.catalog.categoryExists(dto.categoryCode))) {
      throw CatalogErrors.CATEGORY_NOT_FOUND(undefined, { field: 'categoryCode', value: dto.categoryCode });
    }
    dto.kpis.forEach(assertTargetDirection);
    const repeatedCode = firstRepeated(dto.kpis.map((kpi) => kpi.code));
    if (repeatedCode !== undefined)
      throw ProblemErrors.KPI_CODE_REPEATED(undefined, { field: 'kpis', code: repeatedCode });
    const deadline = deadlineEnd(dto.deadline ?? null);
    if (deadline && deadline <= this.clock.now())
      throw ProblemErrors.DEADLINE_PASSED(undefined, { field: 'deadline', deadline: dto.deadline });
    const weightsRefusal = kpiWeightsRefusal(dto.kpis.map((kpi) => kpi.weightBp));
    if (weightsRefusal) throw ProblemErrors.KPI_WEIGHTS_INVALID(undefined, { ...weightsRefusal });
    return agencyOrganisationId;
  }
}

/** Links the proposals a catalogue problem consolidates; each proposal merges once. */
export async function mergeProposals(
  tx: EntityManager,
  principal: Principal,
  problemId: string,
  proposalIds: string[],
): Promise<void> {
  if (proposalIds.length === 0) return;
  if (principal.organisationType !== 'OPERATOR')
    throw IdentityErrors.FORBIDDEN_ROLE(undefined, { field: 'proposalIds' });
  for (const proposalId of new Set(proposalIds)) {
    const proposal = await tx.findOneBy(Proposal, { id: proposalId });
    if (!proposal) throw ProblemErrors.PROPOSAL_NOT_FOUND(undefined, { id: proposalId });
    if (proposal.status !== 'SUBMITTED') throw ProblemErrors.PROPOSAL_ALREADY_MERGED(undefined, { id: proposalId });
    await updateIfStatus(tx, Proposal, proposalId, 'SUBMITTED', { status: 'MERGED', mergedIntoProblemId: problemId });
  }
}

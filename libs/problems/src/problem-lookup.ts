import type { EntityManager } from 'typeorm';
import { IdentityErrors, type Principal } from '@app/identity';
import { selectByIdWithChildren } from '@app/platform';
import { ProblemErrors } from './contracts/problems';
import { Problem } from './problem.entity';

/** The problem with its KPIs in code order, read through the given manager, or PROBLEM_NOT_FOUND. */
export async function loadProblem(tx: EntityManager, id: string): Promise<Problem> {
  const problem = await selectByIdWithChildren(tx, Problem, id, 'kpis', 'code');
  if (!problem) throw ProblemErrors.PROBLEM_NOT_FOUND(undefined, { id });
  return problem;
}

/** An operator manages every problem; an agency its own. */
export function assertCanManage(principal: Principal, problem: Problem): void {
  if (principal.organisationType !== 'OPERATOR' && principal.organisationId !== problem.agencyOrganisationId) {
    throw IdentityErrors.FORBIDDEN_ORGANISATION();
  }
}

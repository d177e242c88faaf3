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

/** A problem code is the catalogue's public name for it: refused when another problem has it already. */
export async function assertCodeFree(tx: EntityManager, code: string): Promise<void> {
  const [taken] = await tx.query<unknown[]>('SELECT 1 FROM problems.problems WHERE code = $1', [code]);
  if (taken) throw ProblemErrors.CODE_TAKEN(undefined, { code });
}

/** An operator manages every problem; an agency its own. */
export function assertCanManage(principal: Principal, problem: Problem): void {
  if (principal.organisationType !== 'OPERATOR' && principal.organisationId !== problem.agencyOrganisationId) {
    throw IdentityErrors.FORBIDDEN_ORGANISATION();
  }
}

export { deadlineEnd } from './deadline';
export { Problem, ProblemKpi } from './problem.entity';
export { ProblemsFacade } from './problems.facade';
export { ProblemsModule } from './problems.module';
export { Proposal } from './proposal.entity';

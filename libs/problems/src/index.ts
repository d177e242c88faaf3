export * from './contracts/problems';
export * from './deadline';
export * from './problem.entity';
export * from './problems.dto';
export * from './problems.facade';
export * from './problems.module';
export * from './proposal.entity';

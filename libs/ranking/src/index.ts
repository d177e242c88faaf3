export * from './ranking-worker.module';
export * from './ranking.facade';
export * from './ranking.module';
export * from './ranking.processor';
export * from './trust-score';
export * from './trust-snapshot.entity';

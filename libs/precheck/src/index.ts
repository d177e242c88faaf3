export * from './contracts/precheck';
export * from './precheck-scheduler';
export * from './precheck.facade';
export * from './precheck.module';
export * from './rules';
export * from './submission.entity';

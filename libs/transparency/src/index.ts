export * from './contracts/transparency';
export * from './ocds';
export * from './transparency.facade';
export * from './transparency.module';

export * from './bake-off-worker.module';
export * from './settlement-worker.module';
export * from './settlement.dto';
export * from './settlement.entity';
export * from './settlement.facade';
export * from './settlement.module';
export * from './settlement.processor';

export { BakeOffWorkerModule } from './bake-off-worker.module';
export { SettlementWorkerModule } from './settlement-worker.module';
export { Settlement } from './settlement.entity';
export { SettlementFacade } from './settlement.facade';
export { SettlementModule } from './settlement.module';
export { SettlementProcessor } from './settlement.processor';

export * from './catalog.facade';
export * from './catalog.module';
export * from './category.entity';
export * from './contracts/catalog';
export * from './solution.entity';

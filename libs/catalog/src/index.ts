export * from './catalog.facade';
export * from './catalog.module';
export * from './category.entity';
export * from './contracts/catalog';
export * from './document.entity';
export { DOCUMENT_TYPES, MAX_DOCUMENT_BYTES } from './document-store';
export * from './listing-scheduler';
export * from './listing.entity';
export * from './solution.entity';

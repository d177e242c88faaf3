export * from './audit-event.entity';
export * from './audit.facade';
export * from './audit.module';

export { AuditEvent } from './audit-event.entity';
export { AuditFacade, SYSTEM_ACTOR } from './audit.facade';
export type { AuditActor, AuditEntry, ChainVerification } from './audit.facade';
export { AuditModule } from './audit.module';

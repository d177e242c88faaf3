export { PRECHECK_EVENTS_QUEUE, PRECHECK_NOTICES_QUEUE, PrecheckEvents, PrecheckNotices } from './contracts/precheck';
export type { AssessorReplaced } from './contracts/precheck';
export { PrecheckWorkerModule } from './precheck-scheduler';
export { PrecheckFacade } from './precheck.facade';
export { PrecheckModule } from './precheck.module';
export { AssessorConflict, Assignment, RequirementSet, Submission } from './submission.entity';

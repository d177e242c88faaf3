export type { SettlementRecord } from './acceptance-reads';
export { AcceptanceRecord } from './acceptance-record.entity';
export { AcceptanceWorkerModule } from './acceptance-worker.module';
export { AcceptanceFacade } from './acceptance.facade';
export { AcceptanceModule } from './acceptance.module';
export { AcceptanceProcessor } from './acceptance.processor';
export {
  ACCEPTANCE_QUEUE,
  AcceptanceJobs,
  DELIVERY_ROUND,
  OUTCOME_EVENTS_QUEUE,
  OutcomeEvents,
  RECORD_EVENTS_QUEUE,
  RecordEvents,
  SETTLEMENT_LANES,
  outcomeEvent,
  recordEvent,
  roundNames,
} from './contracts/acceptance';
export type { OutcomeSettled, RecordStatus, RoundJob } from './contracts/acceptance';
export { ACCEPTANCE_NOTICES_QUEUE, AcceptanceNotices, acceptanceNotice } from './contracts/notices';
export type { AcceptanceNotice, AcceptanceNoticeName } from './contracts/notices';
export { Dispute } from './dispute.entity';
export { MEASUREMENT_FILE_TYPES, STREAMED_JSON_BODY } from './ingest/measurements.controller';
export { MeasurementBatch } from './measurement-batch.entity';
export { Measurement } from './measurement.entity';

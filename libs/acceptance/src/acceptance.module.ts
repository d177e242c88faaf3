import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { IdentityModule } from '@app/identity';
import { OrderingModule } from '@app/ordering';
import { ProblemsModule } from '@app/problems';
import { AcceptanceRecord } from './acceptance-record.entity';
import { AcceptanceController } from './acceptance.controller';
import { AcceptanceFacade } from './acceptance.facade';
import { AcceptanceReads } from './acceptance-reads';
import { Dispute } from './dispute.entity';
import { DisputeOpening } from './dispute-opening';
import { MeasurementIngest } from './ingest/measurement-ingest';
import { MeasurementsController } from './ingest/measurements.controller';
import { MeasurementBatch } from './measurement-batch.entity';
import { Measurement } from './measurement.entity';
import { RecordDocuments } from './record-document';
import { RecordRelease } from './record-release';
import { RoundProgressReads } from './round-progress';
import { RoundRecords } from './round-records';
import { ConfirmDelivery } from './use-cases/confirm-delivery';
import { EvaluateRound } from './use-cases/evaluate-round';
import { OpenDispute } from './use-cases/open-dispute';
import { Recheck } from './use-cases/recheck';
import { ReleaseDue } from './use-cases/release-due';
import { ResolveDispute } from './use-cases/resolve-dispute';
import { SignRecord } from './use-cases/sign-record';

@Module({
  imports: [
    AuditModule,
    OrderingModule,
    IdentityModule,
    ProblemsModule,
    TypeOrmModule.forFeature([MeasurementBatch, Measurement, AcceptanceRecord, Dispute]),
  ],
  controllers: [AcceptanceController, MeasurementsController],
  providers: [
    AcceptanceFacade,
    AcceptanceReads,
    MeasurementIngest,
    RecordDocuments,
    RoundRecords,
    RoundProgressReads,
    RecordRelease,
    DisputeOpening,
    EvaluateRound,
    SignRecord,
    ConfirmDelivery,
    ReleaseDue,
    OpenDispute,
    Recheck,
    ResolveDispute,
  ],
  exports: [AcceptanceFacade],
})
export class AcceptanceModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { IdentityModule } from '@app/identity';
import { OrderingModule } from '@app/ordering';
import { ProblemsModule } from '@app/problems';
import { AcceptanceRecord } from './acceptance-record.entity';
import { AcceptanceController } from './acceptance.controller';
import { AcceptanceFacade } from './acceptance.facade';
import { Dispute } from './dispute.entity';
import { MeasurementIngest } from './ingest/measurement-ingest';
import { MeasurementsController } from './ingest/measurements.controller';
import { MeasurementBatch } from './measurement-batch.entity';
import { Measurement } from './measurement.entity';
import { RecordDocuments } from './record-document';
import { RoundProgressReads } from './round-progress';
import { RoundRecords } from './round-records';

@Module({
  imports: [
    AuditModule,
    OrderingModule,
    IdentityModule,
    ProblemsModule,
    TypeOrmModule.forFeature([MeasurementBatch, Measurement, AcceptanceRecord, Dispute]),
  ],
  controllers: [AcceptanceController, MeasurementsController],
  providers: [AcceptanceFacade, MeasurementIngest, RecordDocuments, RoundRecords, RoundProgressReads],
  exports: [AcceptanceFacade],
})
export class AcceptanceModule {}

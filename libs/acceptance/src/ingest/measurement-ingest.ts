import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import canonicalize from 'canonicalize';
import { AuditFacade } from '@app/audit';
import { actorOf, type Principal } from '@app/identity';
import { Clock, newId } from '@app/kernel';
import { OrderingFacade, type Order } from '@app/ordering';
import { jobId, Outbox, Transactions } from '@app/platform';
import { AcceptanceRecord } from '../acceptance-record.entity';
import { UploadMeasurementsDto } from '../acceptance.dto';
import { AcceptanceErrors, AcceptanceJobs, roundJob } from '../contracts/acceptance';
import { MeasurementBatch } from '../measurement-batch.entity';
import { Measurement } from '../measurement.entity';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Post-check data in: validated, stored with its hash and uploader, then evaluated by the worker. */
@Injectable()
export class MeasurementIngest {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    private readonly ordering: OrderingFacade,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  /** Post-check data from the ordering agency's officers only; stored with its hash, then evaluated by the worker. */
  async upload(
    principal: Principal,
    orderId: string,
    roundNo: number,
    dto: UploadMeasurementsDto,
  ): Promise<MeasurementBatch> {
    return this.tx.run(async (tx) => {
      const order = await this.ordering.findById(orderId, tx);
      if (principal.organisationId !== order.agencyOrganisationId)
        throw AcceptanceErrors.NOT_ACCEPTANCE_OFFICER_OF_ORDER();
      if (order.status !== 'ACTIVE') throw AcceptanceErrors.ORDER_NOT_ACTIVE(undefined, { status: order.status });
      const round = order.terms.rounds.find((r) => r.no === roundNo);
      if (!round) throw AcceptanceErrors.ROUND_NOT_FOUND(undefined, { roundNo });
      if (await tx.existsBy(AcceptanceRecord, { orderId, roundNo })) throw AcceptanceErrors.ROUND_ALREADY_EVALUATED();
      validatePoints(order, round, dto, this.clock.now());
      const batch = tx.create(MeasurementBatch, {
        id: newId(),
        orderId,
        roundNo,
        format: 'json',
        sha256: sha256(canonicalize(dto) ?? ''),
        rowCount: dto.measurements.length,
        organisationId: principal.organisationId,
        uploadedByUserId: principal.userId,
        uploadedByApiKeyId: principal.apiKeyId,
      });
      await tx.insert(MeasurementBatch, batch);
      await tx.insert(
        Measurement,
        dto.measurements.map((m) => ({
          batchId: batch.id,
          orderId,
          roundNo,
          kpiKey: m.kpi,
          observedAt: new Date(m.observedAt),
          value: m.value,
        })),
      );
      await this.outbox.enqueue(tx, {
        ...roundJob(AcceptanceJobs.evaluateRound, orderId, roundNo),
        id: jobId(AcceptanceJobs.evaluateRound, batch.id),
      });
      await this.audit.record(tx, {
        actor: actorOf(principal),
        entityType: 'measurement_batch',
        entityId: batch.id,
        action: 'uploaded',
        after: { orderId, roundNo, sha256: batch.sha256, rows: batch.rowCount },
      });
      return batch;
    });
  }
}

function validatePoints(
  order: Order,
  round: Order['terms']['rounds'][number],
  dto: UploadMeasurementsDto,
  now: Date,
): void {
  const keys = new Set(order.terms.kpis.map((k) => k.key));
  const start = Date.parse(round.startsAt);
  const end = Date.parse(round.endsAt);
  const seen = new Set<string>();
  dto.measurements.forEach((m, index) => {
    if (!keys.has(m.kpi))
      throw AcceptanceErrors.UNKNOWN_KPI(undefined, { index, field: 'kpi', value: m.kpi, allowed: [...keys] });
    const at = Date.parse(m.observedAt);
    if (at < start || at >= end || at > now.getTime()) {
      throw AcceptanceErrors.OUTSIDE_ROUND_WINDOW(undefined, {
        index,
        field: 'observedAt',
        value: m.observedAt,
        window: [round.startsAt, round.endsAt],
      });
    }
    const key = `${m.kpi}@${at}`;
    if (seen.has(key))
      throw AcceptanceErrors.DUPLICATE_TIMESTAMP(undefined, {
        index,
        field: 'observedAt',
        kpi: m.kpi,
        value: m.observedAt,
      });
    seen.add(key);
  });
}

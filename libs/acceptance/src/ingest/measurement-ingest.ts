import { createHash } from 'node:crypto';
import { finished } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import canonicalize from 'canonicalize';
import type { PoolClient } from 'pg';
import { type EntityManager, Not } from 'typeorm';
import { AuditFacade } from '@app/audit';
import { actorOf, type Principal } from '@app/identity';
import { Clock, newId } from '@app/kernel';
import { acceptanceOrganisationsOf, OrderingFacade, type Order } from '@app/ordering';
import { AppConfig, copyOut, jobId, Outbox, Transactions } from '@app/platform';
import { AcceptanceRecord } from '../acceptance-record.entity';
import { AcceptanceErrors, AcceptanceJobs, roundJob } from '../contracts/acceptance';
import { MeasurementBatch } from '../measurement-batch.entity';
import { MeasurementCopy } from './copy-writer';
import { RawFileTap } from './raw-file';
import { csvRows, jsonRows, xlsxRows, type ReaderOptions, type RowSink } from './readers';
import { MAX_REPORTED_PROBLEMS, RowValidator, type RowProblem } from './rows';

export const UPLOAD_FORMATS = ['csv', 'xlsx', 'json'] as const;
export type UploadFormat = (typeof UPLOAD_FORMATS)[number];

export interface UploadOptions extends ReaderOptions {
  decimalComma: boolean;
  /** keep the valid rows of a file with invalid ones (the report lists the refused rows) */
  keepValid: boolean;
}

export interface UploadRequest {
  format: UploadFormat;
  /** the raw file or JSON body as it arrives */
  body: Readable;
  options: UploadOptions;
  idempotencyKey?: string;
}

export interface UploadResult {
  batchId: string;
  sha256: string;
  format: string;
  bytes: number;
  rows: number;
  rejectedRows: number;
  problems: RowProblem[];
  /** true when an earlier upload with the same Idempotency-Key and content is returned */
  replayed: boolean;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const resultOf = (b: MeasurementBatch, replayed: boolean): UploadResult => ({
  batchId: b.id,
  sha256: b.sha256,
  format: b.format,
  bytes: Number(b.byteSize ?? 0),
  rows: b.rowCount,
  rejectedRows: b.rejectedCount,
  problems: b.problems ?? [],
  replayed,
});

/**
 * Post-check data in, from the acceptance officers of the ordering agency or of the validator the order names, or
 * the agency's systems; never the vendor. The file is streamed once: hashed and
 * kept as it arrives, parsed, validated row by row and copied into PostgreSQL, all inside one transaction, so a
 * refused file leaves nothing behind and memory stays flat whatever the file size.
 */
@Injectable()
export class MeasurementIngest {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    private readonly ordering: OrderingFacade,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async upload(principal: Principal, orderId: string, roundNo: number, request: UploadRequest): Promise<UploadResult> {
    const source = request.body;
    try {
      const now = this.clock.now();
      const { round } = this.authorise(principal, await this.ordering.findById(orderId), roundNo);
      // Partition DDL locks the parent table; in its own short transaction that lock is not held for the upload.
      await this.tx.run((tx) =>
        tx.query('SELECT acceptance.ensure_measurement_partitions($1, $2)', [round.startsAt, round.endsAt]),
      );
      return await this.tx.run((tx) => this.ingest(tx, principal, orderId, roundNo, request, now));
    } finally {
      // Whatever happened, the rest of the request body is read and dropped so the response can be delivered.
      if (!source.readableEnded) {
        source.unpipe();
        source.resume();
      }
    }
  }

  private authorise(principal: Principal, order: Order, roundNo: number) {
    if (!acceptanceOrganisationsOf(order.terms).includes(principal.organisationId))
      throw AcceptanceErrors.NOT_ACCEPTANCE_OFFICER_OF_ORDER();
    if (order.status !== 'ACTIVE') throw AcceptanceErrors.ORDER_NOT_ACTIVE(undefined, { status: order.status });
    const round = order.terms.rounds.find((r) => r.no === roundNo);
    if (!round) throw AcceptanceErrors.ROUND_NOT_FOUND(undefined, { roundNo });
    return { order, round };
  }

  private async ingest(
    tx: EntityManager,
    principal: Principal,
    orderId: string,
    roundNo: number,
    request: UploadRequest,
    now: Date,
  ): Promise<UploadResult> {
    const { idempotencyKey, options, format } = request;
    if (idempotencyKey)
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `measurement-upload:${principal.organisationId}:${idempotencyKey}`,
      ]);
    // Per order, not per round: the same file may not count for two rounds of the order either.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`measurements:${orderId}`]);
    const { order, round } = this.authorise(principal, await this.ordering.findById(orderId, tx), roundNo);
    const earlier = idempotencyKey
      ? await tx.findOneBy(MeasurementBatch, { organisationId: principal.organisationId, idempotencyKey })
      : null;
    const revision = earlier ? earlier.revision : await this.revisionFor(tx, orderId, roundNo);

    const dir = this.config.MEASUREMENT_FILES_DIR;
    const tap = await RawFileTap.create(dir, this.config.MEASUREMENT_UPLOAD_MAX_BYTES);
    request.body.pipe(tap);
    request.body.on('error', (error) => tap.destroy(error));
    const requestHash = () => sha256(canonicalize({ orderId, roundNo, format, options, sha256: tap.sha256 }) ?? '');
    try {
      if (earlier) {
        tap.resume();
        await finished(tap);
        if (earlier.requestHash !== requestHash())
          throw AcceptanceErrors.IDEMPOTENCY_KEY_REUSED(undefined, { batchId: earlier.id });
        return resultOf(earlier, true);
      }

      const client = (await tx.queryRunner?.connect()) as PoolClient;
      const validator = new RowValidator({
        kpis: order.terms.kpis,
        round,
        now,
        kpi: options.kpi,
        decimalComma: options.decimalComma,
        localDates: options.locale === 'vi',
      });
      if (await tx.existsBy(MeasurementBatch, { orderId, roundNo, revision }))
        await this.rememberStored(tx, validator, orderId, roundNo, revision);

      const batchId = newId();
      const copy = new MeasurementCopy(client, batchId, orderId, roundNo, revision);
      const problems: RowProblem[] = [];
      let [valid, rejected] = [0, 0];
      try {
        await this.read(request, tap, {
          row: (raw) => {
            const checked = validator.check(raw);
            if (Array.isArray(checked)) {
              rejected++;
              problems.push(...checked.slice(0, MAX_REPORTED_PROBLEMS - problems.length));
            } else {
              valid++;
              // Once the file is bound to be refused, its remaining rows are still checked but no longer written.
              if (rejected === 0 || options.keepValid) copy.add(checked);
            }
          },
          ready: () => copy.ready(),
        });
        tap.unpipe();
        tap.resume();
        await finished(tap);
      } finally {
        await copy.finish();
      }
      const sameFile = await tx.findOneBy(MeasurementBatch, { orderId, sha256: tap.sha256 });
      if (sameFile)
        throw AcceptanceErrors.DUPLICATE_FILE(undefined, {
          batchId: sameFile.id,
          roundNo: sameFile.roundNo,
          sha256: sameFile.sha256,
          uploadedAt: sameFile.createdAt,
        });
      const total = valid + rejected;
      if (total === 0) throw AcceptanceErrors.NO_DATA_ROWS();
      if (rejected > 0 && (!options.keepValid || rejected === total))
        throw AcceptanceErrors.INVALID_ROWS(undefined, { rows: total, rejectedRows: rejected, problems });

      const batch = tx.create(MeasurementBatch, {
        id: batchId,
        orderId,
        roundNo,
        revision,
        format,
        sha256: tap.sha256,
        rowCount: copy.rows,
        rejectedCount: rejected,
        problems: rejected > 0 ? problems : null,
        storageKey: null,
        byteSize: String(tap.bytes),
        idempotencyKey: idempotencyKey ?? null,
        requestHash: requestHash(),
        organisationId: principal.organisationId,
        uploadedByUserId: principal.userId,
        uploadedByApiKeyId: principal.apiKeyId,
      });
      batch.storageKey = await tap.keep(dir);
      await tx.insert(MeasurementBatch, batch);
      await this.outbox.enqueue(tx, {
        ...roundJob(AcceptanceJobs.evaluateRound, orderId, roundNo),
        id: jobId(AcceptanceJobs.evaluateRound, batch.id),
      });
      await this.audit.record(tx, {
        actor: actorOf(principal),
        entityType: 'measurement_batch',
        entityId: batch.id,
        action: 'uploaded',
        after: { orderId, roundNo, format, sha256: batch.sha256, rows: batch.rowCount, rejectedRows: rejected },
      });
      return resultOf(batch, false);
    } catch (error) {
      tap.destroy();
      throw error;
    } finally {
      await tap.discard();
    }
  }

  private read(request: UploadRequest, tap: RawFileTap, sink: RowSink): Promise<void> {
    if (request.format === 'csv') return csvRows(tap, request.options, sink);
    if (request.format === 'xlsx') return xlsxRows(tap, request.options, sink);
    return jsonRows(tap, sink);
  }

  /**
   * Data for a round without a record is revision 1. Once evaluated, a round takes data only while its record is
   * disputed: the correction's revision, which replaces the KPI's earlier data when the dispute is corrected.
   */
  private async revisionFor(tx: EntityManager, orderId: string, roundNo: number): Promise<number> {
    const record = await tx.findOneBy(AcceptanceRecord, { orderId, roundNo, status: Not('SUPERSEDED') });
    if (!record) return 1;
    if (record.status !== 'DISPUTED')
      throw AcceptanceErrors.ROUND_ALREADY_EVALUATED(undefined, { status: record.status });
    return record.version + 1;
  }

  /** Readings of the same data revision stored by earlier uploads, streamed, so a new file cannot repeat an instant. */
  private async rememberStored(
    tx: EntityManager,
    validator: RowValidator,
    orderId: string,
    roundNo: number,
    revision: number,
  ): Promise<void> {
    // COPY takes no parameters; the values were validated (a UUID and integers).
    const stored = copyOut(
      tx,
      `SELECT kpi_key, (extract(epoch FROM observed_at) * 1000000)::bigint, value::text, ref
       FROM acceptance.measurements
       WHERE order_id = '${orderId}' AND round_no = ${Number(roundNo)} AND revision = ${Number(revision)}`,
    );
    for await (const [kpi, us, value, ref] of stored)
      validator.remember(kpi as string, Number(us), value as string, ref as string);
  }
}

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
import { OrderingFacade, type Order } from '@app/ordering';
import { AppConfig, copyOut, jobId, Outbox, Transactions } from '@app/platform';
import { AcceptanceRecord } from '../acceptance-record.entity';
import { AcceptanceErrors, AcceptanceJobs, evaluationJob } from '../contracts/acceptance';
import { MeasurementBatch } from '../measurement-batch.entity';
import { assertOfficerOf } from '../officer-of-order';
import { MeasurementCopy } from './copy-writer';
import { RawFileTap } from './raw-file';
import { csvRows } from './csv-reader';
import { jsonRows } from './json-reader';
import { type ReaderOptions, type RowSink } from './readers';
import { xlsxRows } from './xlsx-reader';
import { formatMicros, RowValidator, type RowProblem } from './rows';
import { RowTally } from './row-tally';

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

/** How many of a preview's accepted rows are shown. */
export const PREVIEW_ROWS = 20;

export interface PreviewRow {
  line: number;
  kpi: string;
  observedAt: string;
  value: string;
  ref: string;
}

/** What an upload of the same file with the same options would do, without storing anything. */
export interface PreviewResult {
  sha256: string;
  format: UploadFormat;
  bytes: number;
  /** valid rows (the upload stores them when `accepted`) */
  rows: number;
  rejectedRows: number;
  problems: RowProblem[];
  /** the upload would store the valid rows (no refused row, or keepValid and at least one valid row) */
  accepted: boolean;
  /** the first PREVIEW_ROWS valid rows, as they would be stored */
  sample: PreviewRow[];
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
      // Partition DDL locks the parent table; in its own short transaction that lock is not held for the upload.
      await this.tx.run(async (tx) => {
        const { round } = this.authorise(principal, await this.ordering.findById(orderId, tx), roundNo);
        await tx.query('SELECT acceptance.ensure_measurement_partitions($1, $2)', [round.startsAt, round.endsAt]);
      });
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
    assertOfficerOf(principal, order);
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
    const tap = await this.tap(request.body);
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
      const tally = new RowTally(await this.validatorFor(tx, order, round, options, now, revision));
      const batchId = newId();
      const copy = new MeasurementCopy(client, batchId, orderId, roundNo, revision);
      try {
        await this.scan(request, tap, {
          row: (raw) => {
            const checked = tally.check(raw);
            // Once the file is bound to be refused, its remaining rows are still checked but no longer written.
            if (checked && (tally.rejected === 0 || options.keepValid)) copy.add(checked);
          },
          ready: () => copy.ready(),
        });
      } finally {
        await copy.finish();
      }
      await this.refuseSameFile(tx, orderId, tap.sha256);
      if (tally.total === 0) throw AcceptanceErrors.NO_DATA_ROWS();
      if (!tally.storable(options.keepValid))
        throw AcceptanceErrors.INVALID_ROWS(undefined, {
          rows: tally.total,
          rejectedRows: tally.rejected,
          problems: tally.problems,
        });
      const rejected = tally.rejected;

      const batch = tx.create(MeasurementBatch, {
        id: batchId,
        orderId,
        roundNo,
        revision,
        format,
        sha256: tap.sha256,
        rowCount: copy.rows,
        rejectedCount: rejected,
        problems: rejected > 0 ? tally.problems : null,
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
        ...evaluationJob(orderId, roundNo),
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

  /**
   * What the upload of the same file and options would do, read through the same tap (size limit, hash), readers
   * and row rules, against the data already stored for the round; nothing is kept.
   */
  async preview(
    principal: Principal,
    orderId: string,
    roundNo: number,
    request: UploadRequest,
  ): Promise<PreviewResult> {
    const { body, options, format } = request;
    try {
      const now = this.clock.now();
      return await this.tx.run(async (tx) => {
        const { order, round } = this.authorise(principal, await this.ordering.findById(orderId, tx), roundNo);
        const revision = await this.revisionFor(tx, orderId, roundNo);
        const tally = new RowTally(await this.validatorFor(tx, order, round, options, now, revision));
        const tap = await this.tap(body);
        const sample: PreviewRow[] = [];
        try {
          await this.scan(request, tap, {
            row: (raw) => {
              const checked = tally.check(raw);
              if (checked && sample.length < PREVIEW_ROWS)
                sample.push({
                  line: checked.line,
                  kpi: checked.kpi.key,
                  observedAt: formatMicros(checked.observedAtUs),
                  value: checked.value,
                  ref: checked.ref,
                });
            },
            ready: () => Promise.resolve(),
          });
        } catch (error) {
          tap.destroy();
          throw error;
        } finally {
          await tap.discard();
        }
        await this.refuseSameFile(tx, orderId, tap.sha256);
        if (tally.total === 0) throw AcceptanceErrors.NO_DATA_ROWS();
        return {
          sha256: tap.sha256,
          format,
          bytes: tap.bytes,
          rows: tally.valid,
          rejectedRows: tally.rejected,
          problems: tally.problems,
          accepted: tally.storable(options.keepValid),
          sample,
        };
      });
    } finally {
      if (!body.readableEnded) {
        body.unpipe();
        body.resume();
      }
    }
  }

  /** The row rules of the round, knowing the readings earlier uploads stored for the same data revision. */
  private async validatorFor(
    tx: EntityManager,
    order: Order,
    round: Order['terms']['rounds'][number],
    options: UploadOptions,
    now: Date,
    revision: number,
  ): Promise<RowValidator> {
    const validator = new RowValidator({
      kpis: order.terms.kpis,
      round,
      now,
      kpi: options.kpi,
      decimalComma: options.decimalComma,
      localDates: options.locale === 'vi',
    });
    if (await tx.existsBy(MeasurementBatch, { orderId: order.id, roundNo: round.no, revision }))
      await this.rememberStored(tx, validator, order.id, round.no, revision);
    return validator;
  }

  /** The upload's bytes through a tap that hashes them, counts them against the size limit and keeps them aside. */
  private async tap(body: Readable): Promise<RawFileTap> {
    const tap = await RawFileTap.create(this.config.MEASUREMENT_FILES_DIR, this.config.MEASUREMENT_UPLOAD_MAX_BYTES);
    body.pipe(tap);
    body.on('error', (error) => tap.destroy(error));
    return tap;
  }

  /** Reads the whole file through the tap into `sink`, then drains the tap so its hash is known. */
  private async scan(request: UploadRequest, tap: RawFileTap, sink: RowSink): Promise<void> {
    if (request.format === 'csv') await csvRows(tap, request.options, sink);
    else if (request.format === 'xlsx') await xlsxRows(tap, request.options, sink);
    else await jsonRows(tap, sink);
    tap.unpipe();
    tap.resume();
    await finished(tap);
  }

  /** The same bytes as an earlier batch of the order are refused, naming it. */
  private async refuseSameFile(tx: EntityManager, orderId: string, hash: string): Promise<void> {
    const sameFile = await tx.findOneBy(MeasurementBatch, { orderId, sha256: hash });
    if (sameFile)
      throw AcceptanceErrors.DUPLICATE_FILE(undefined, {
        batchId: sameFile.id,
        roundNo: sameFile.roundNo,
        sha256: sameFile.sha256,
        uploadedAt: sameFile.createdAt,
      });
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

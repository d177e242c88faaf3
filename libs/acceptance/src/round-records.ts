import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import canonicalize from 'canonicalize';
import { EntityManager, Not } from 'typeorm';
import { Clock, cumulativeEarned, deterministicId, type RoundMeasurements } from '@app/kernel';
import { paymentTermsOf, type Order } from '@app/ordering';
import { AcceptanceRecord } from './acceptance-record.entity';
import { AcceptanceErrors, DELIVERY_ROUND } from './contracts/acceptance';
import { AcceptanceNotices, acceptanceNotice } from './contracts/notices';
import { evaluateRound, type InsufficientKpi, type KpiSeries } from './evaluation';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export type BuiltRecord = { record: AcceptanceRecord; content: object } | { insufficient: InsufficientKpi[] };

/** Builds acceptance records (biên bản nghiệm thu) from the stored measurements; the caller inserts them. */
@Injectable()
export class RoundRecords {
  constructor(private readonly clock: Clock) {}

  /**
   * Record `version` of a round: for each KPI, only the points of its newest data revision up to `version` count,
   * so a correction's upload replaces that KPI's data and leaves the others as they were.
   */
  async build(tx: EntityManager, order: Order, roundNo: number, version: number): Promise<BuiltRecord> {
    const { series, hashes } = await this.series(tx, order.id, roundNo, version);
    const evaluation = evaluateRound(order.terms, roundNo, series);
    if (!evaluation.evaluable) return { insufficient: evaluation.insufficient };
    const earned = await this.earnedCumulative(tx, order, roundNo, evaluation.measured);
    const content = {
      orderId: order.id,
      roundNo,
      version,
      results: evaluation.results,
      earnedCumulative: earned.toString(),
      batchHashes: hashes,
    };
    const record = tx.create(AcceptanceRecord, {
      ...content,
      id:
        version === 1
          ? deterministicId('record', order.id, roundNo)
          : deterministicId('record', order.id, roundNo, version),
      status: 'EVALUATED',
      recordHash: sha256(canonicalize(content) ?? ''),
      evaluatedAt: this.clock.now(),
    });
    return { record, content };
  }

  /**
   * The round's data as record `version` uses it: per KPI the series of its newest data revision up to `version`,
   * and the SHA-256 of the batches that data comes from (in the order of their first reading). Computed by
   * PostgreSQL over the stored rows, so the worker's time and memory do not grow with the number of readings.
   */
  async series(
    tx: EntityManager,
    orderId: string,
    roundNo: number,
    version: number,
  ): Promise<{ series: Map<string, KpiSeries>; hashes: string[] }> {
    const used = `WITH newest AS (
         SELECT kpi_key, max(revision) AS revision FROM acceptance.measurements
         WHERE order_id = $1 AND round_no = $2 AND revision <= $3 GROUP BY kpi_key)
       SELECT m.* FROM acceptance.measurements m JOIN newest n ON n.kpi_key = m.kpi_key AND n.revision = m.revision
       WHERE m.order_id = $1 AND m.round_no = $2`;
    const params = [orderId, roundNo, version];
    const sums = await tx.query<Array<{ kpi_key: string; points: number; sum: string }>>(
      `SELECT kpi_key, count(*)::int AS points, sum(value)::text AS sum FROM (${used}) u GROUP BY kpi_key`,
      params,
    );
    const lasts = await tx.query<Array<{ kpi_key: string; last: string }>>(
      `SELECT DISTINCT ON (kpi_key) kpi_key, value::text AS last FROM (${used}) u
       ORDER BY kpi_key, observed_at DESC, id DESC`,
      params,
    );
    const batches = await tx.query<Array<{ sha256: string }>>(
      `SELECT b.sha256 FROM (${used}) u JOIN acceptance.measurement_batches b ON b.id = u.batch_id
       GROUP BY b.sha256 ORDER BY min(u.observed_at), min(u.id)`,
      params,
    );
    const last = new Map(lasts.map((row) => [row.kpi_key, row.last]));
    const series = new Map(
      sums.map((row): [string, KpiSeries] => [
        row.kpi_key,
        { points: row.points, sum: row.sum, last: last.get(row.kpi_key)! },
      ]),
    );
    return { series, hashes: batches.map((row) => row.sha256) };
  }

  /** The delivery record (biên bản bàn giao): what was delivered, and what the order has earned with it. */
  async buildDelivery(
    tx: EntityManager,
    order: Order,
    note: string,
  ): Promise<{ record: AcceptanceRecord; content: object }> {
    const earned = await this.earnedCumulative(tx, order, DELIVERY_ROUND, {});
    const content = {
      orderId: order.id,
      roundNo: DELIVERY_ROUND,
      version: 1,
      deliveryNote: note,
      results: [],
      earnedCumulative: earned.toString(),
      batchHashes: [],
    };
    const record = tx.create(AcceptanceRecord, {
      ...content,
      id: deterministicId('record', order.id, DELIVERY_ROUND),
      status: 'EVALUATED',
      recordHash: sha256(canonicalize(content) ?? ''),
      evaluatedAt: this.clock.now(),
    });
    return { record, content };
  }

  /** The round's record in force: the newest version, never a superseded one. */
  async current(tx: EntityManager, orderId: string, roundNo: number): Promise<AcceptanceRecord> {
    const record = await tx.findOneBy(AcceptanceRecord, { orderId, roundNo, status: Not('SUPERSEDED') });
    if (!record) throw AcceptanceErrors.RECORD_NOT_FOUND(undefined, { orderId, roundNo });
    return record;
  }

  /** What the order has earned with `roundNo` as `measured` (or delivery confirmed) and its other records as they are. */
  private async earnedCumulative(
    tx: EntityManager,
    order: Order,
    roundNo: number,
    measured: RoundMeasurements,
  ): Promise<bigint> {
    const others = await tx.find(AcceptanceRecord, { where: { orderId: order.id, status: Not('SUPERSEDED') } });
    const rounds: RoundMeasurements[] = order.terms.rounds.map((round) => {
      if (round.no === roundNo) return measured;
      const record = others.find((r) => r.roundNo === round.no);
      return Object.fromEntries((record?.results ?? []).map((k) => [k.key, k.measured]));
    });
    const delivered = roundNo === DELIVERY_ROUND || others.some((r) => r.roundNo === DELIVERY_ROUND);
    return cumulativeEarned(paymentTermsOf(order.terms), { delivered, rounds });
  }
}

/** The officers of the order's agency are told a record awaits their signature. */
export const recordReady = (order: Order, record: Pick<AcceptanceRecord, 'id' | 'roundNo'>) =>
  acceptanceNotice(AcceptanceNotices.recordReady, order, record.id, { roundNo: record.roundNo });

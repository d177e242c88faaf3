import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import canonicalize from 'canonicalize';
import { EntityManager } from 'typeorm';
import { Clock, cumulativeEarned, deterministicId, type RoundMeasurements } from '@app/kernel';
import { paymentTermsOf, type Order } from '@app/ordering';
import { selectFrom } from '@app/platform';
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
   * PostgreSQL over the stored rows, so the worker's time and memory do not grow with the number of readings. The
   * readings are read once, grouped by KPI, revision and batch; everything else works on those few groups, and each
   * KPI's last reading is one step down the series index.
   */
  async series(
    tx: EntityManager,
    orderId: string,
    roundNo: number,
    version: number,
  ): Promise<{ series: Map<string, KpiSeries>; hashes: string[] }> {
    const [{ kpis, hashes }] = await tx.query<
      Array<{ kpis: Array<KpiSeries & { kpi_key: string }>; hashes: string[] }>
    >(
      `WITH groups AS (
         SELECT kpi_key, revision, batch_id, count(*) AS points, sum(value) AS sum, min(observed_at) AS first_at,
                min(id) AS first_id
         FROM acceptance.measurements WHERE order_id = $1 AND round_no = $2 AND revision <= $3
         GROUP BY kpi_key, revision, batch_id),
       used AS (
         SELECT * FROM groups g WHERE revision = (SELECT max(revision) FROM groups n WHERE n.kpi_key = g.kpi_key))
       SELECT
         (SELECT coalesce(json_agg(k), '[]') FROM (
            SELECT u.kpi_key, sum(u.points)::int AS points, sum(u.sum)::text AS sum,
              (SELECT m.value::text FROM acceptance.measurements m
               WHERE m.order_id = $1 AND m.round_no = $2 AND m.kpi_key = u.kpi_key AND m.revision = u.revision
               ORDER BY m.observed_at DESC, m.id DESC LIMIT 1) AS last
            FROM used u GROUP BY u.kpi_key, u.revision) k) AS kpis,
         (SELECT coalesce(json_agg(b.sha256 ORDER BY b.first_at, b.first_id), '[]') FROM (
            SELECT mb.sha256, min(u.first_at) AS first_at, min(u.first_id) AS first_id
            FROM used u JOIN acceptance.measurement_batches mb ON mb.id = u.batch_id GROUP BY mb.sha256) b) AS hashes`,
      [orderId, roundNo, version],
    );
    const series = new Map(
      kpis.map(({ kpi_key, points, sum, last }): [string, KpiSeries] => [kpi_key, { points, sum, last }]),
    );
    return { series, hashes };
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
    const [record] = await this.inForce(tx, orderId, roundNo);
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
    const others = await this.inForce(tx, order.id);
    const rounds: RoundMeasurements[] = order.terms.rounds.map((round) => {
      if (round.no === roundNo) return measured;
      const record = others.find((r) => r.roundNo === round.no);
      return Object.fromEntries((record?.results ?? []).map((k) => [k.key, k.measured]));
    });
    const delivered = roundNo === DELIVERY_ROUND || others.some((r) => r.roundNo === DELIVERY_ROUND);
    return cumulativeEarned(paymentTermsOf(order.terms), { delivered, rounds });
  }

  /** The order's records in force (of one round, where given): superseded versions left out. */
  private inForce(tx: EntityManager, orderId: string, roundNo?: number): Promise<AcceptanceRecord[]> {
    const round = roundNo === undefined ? '' : ' AND r.round_no = $2';
    return tx.query<AcceptanceRecord[]>(
      `${selectFrom(tx, AcceptanceRecord, 'r')} WHERE r.order_id = $1 AND r.status <> 'SUPERSEDED'${round}`,
      roundNo === undefined ? [orderId] : [orderId, roundNo],
    );
  }
}

/** The officers of the order's agency are told a record awaits their signature. */
export const recordReady = (order: Order, record: Pick<AcceptanceRecord, 'id' | 'roundNo'>) =>
  acceptanceNotice(AcceptanceNotices.recordReady, order, record.id, { roundNo: record.roundNo });

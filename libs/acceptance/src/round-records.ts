import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import canonicalize from 'canonicalize';
import { EntityManager, Not } from 'typeorm';
import { Clock, cumulativeEarned, deterministicId, type RoundMeasurements } from '@app/kernel';
import { paymentTermsOf, type Order } from '@app/ordering';
import { AcceptanceRecord } from './acceptance-record.entity';
import { AcceptanceErrors, DELIVERY_ROUND } from './contracts/acceptance';
import { evaluateRound, type InsufficientKpi } from './evaluation';

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
   * The round's data as record `version` uses it: per KPI the values of its newest data revision up to `version`, in
   * observation order, and the SHA-256 of the batches they come from.
   */
  async series(
    tx: EntityManager,
    orderId: string,
    roundNo: number,
    version: number,
  ): Promise<{ series: Map<string, string[]>; hashes: string[] }> {
    const rows = await tx.query<Array<{ kpi_key: string; value: string; revision: number; sha256: string }>>(
      `SELECT m.kpi_key, m.value::text, m.revision, b.sha256
       FROM acceptance.measurements m JOIN acceptance.measurement_batches b ON b.id = m.batch_id
       WHERE m.order_id = $1 AND m.round_no = $2 AND m.revision <= $3
       ORDER BY m.observed_at, m.id`,
      [orderId, roundNo, version],
    );
    const newest = new Map<string, number>();
    for (const row of rows) newest.set(row.kpi_key, Math.max(newest.get(row.kpi_key) ?? 0, row.revision));
    const used = rows.filter((row) => row.revision === newest.get(row.kpi_key));
    const series = new Map<string, string[]>();
    for (const row of used) series.set(row.kpi_key, [...(series.get(row.kpi_key) ?? []), row.value]);
    return { series, hashes: [...new Set(used.map((row) => row.sha256))] };
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

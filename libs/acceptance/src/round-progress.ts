import { Injectable } from '@nestjs/common';
import { Not } from 'typeorm';
import type { Principal } from '@app/identity';
import { assertVisible, OrderingFacade } from '@app/ordering';
import { Transactions } from '@app/platform';
import { AcceptanceRecord } from './acceptance-record.entity';
import type { RecordStatus } from './contracts/acceptance';
import { roundCoverage } from './evaluation';
import { RoundRecords } from './round-records';

export interface KpiProgress {
  key: string;
  nameVi: string;
  /** data points the round has for the KPI (its newest data revision) */
  points: number;
  /** points the sufficiency rule needs before the KPI can be evaluated */
  requiredPoints: number;
  /** points the KPI's frequency and the round window call for; null without a regular frequency */
  expectedPoints: number | null;
  sufficient: boolean;
}

export interface RoundProgress {
  roundNo: number;
  startsAt: string;
  endsAt: string;
  shareBp: number;
  /** the status of the round's record in force, or null while it has none */
  recordStatus: RecordStatus | null;
  /** every KPI has the points it needs: the round is (or can be) evaluated */
  sufficient: boolean;
  /** "chưa đủ dữ liệu" while a KPI lacks points, naming each with what it has and needs */
  statusVi: string;
  statusEn: string;
  kpis: KpiProgress[];
}

/** Where each round of an order stands: per KPI the points it has and needs, so the officer sees what is missing. */
@Injectable()
export class RoundProgressReads {
  constructor(
    private readonly tx: Transactions,
    private readonly ordering: OrderingFacade,
    private readonly rounds: RoundRecords,
  ) {}

  async ofOrder(principal: Principal, orderId: string): Promise<RoundProgress[]> {
    return this.tx.run(async (tx) => {
      const order = await this.ordering.findById(orderId, tx);
      assertVisible(principal, order);
      const records = await tx.find(AcceptanceRecord, { where: { orderId, status: Not('SUPERSEDED') } });
      const progress: RoundProgress[] = [];
      for (const round of order.terms.rounds) {
        const record = records.find((r) => r.roundNo === round.no) ?? null;
        // While a record is disputed, the data that counts next is the correction's revision.
        const version = record ? record.version + (record.status === 'DISPUTED' ? 1 : 0) : 1;
        const { series } = await this.rounds.series(tx, orderId, round.no, version);
        const kpis = roundCoverage(order.terms, round.no, series).map(
          ({ key, points, required, expected }): KpiProgress => ({
            key,
            nameVi: order.terms.kpis.find((k) => k.key === key)?.nameVi ?? key,
            points,
            requiredPoints: required,
            expectedPoints: expected,
            sufficient: points >= required,
          }),
        );
        const missing = kpis.filter((k) => !k.sufficient);
        const sufficient = missing.length === 0;
        const list = missing.map((k) => `${k.key} ${k.points}/${k.requiredPoints}`).join(', ');
        progress.push({
          roundNo: round.no,
          startsAt: round.startsAt,
          endsAt: round.endsAt,
          shareBp: round.shareBp,
          recordStatus: record?.status ?? null,
          sufficient,
          statusVi: sufficient ? 'Đủ dữ liệu' : `Chưa đủ dữ liệu (có/cần: ${list})`,
          statusEn: sufficient ? 'Sufficient data' : `Not enough data yet (have/need: ${list})`,
          kpis,
        });
      }
      return progress;
    });
  }
}

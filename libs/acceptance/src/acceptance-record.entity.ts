import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { KpiResult, RecordStatus } from './contracts/acceptance';

/** Biên bản nghiệm thu: per KPI the measured value, attainment, pay fraction and why. */
@Entity({ schema: 'acceptance', name: 'records' })
@Index('records_order_round_key', ['orderId', 'roundNo'], { unique: true })
export class AcceptanceRecord {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  orderId: string;

  @Column({ type: 'integer' })
  roundNo: number;

  @Column({ type: 'text' })
  status: RecordStatus;

  @Column({ type: 'jsonb' })
  results: KpiResult[];

  /** Cumulative earned amount of the order after this round, floored once from the exact value. */
  @Column({ type: 'bigint' })
  earnedCumulative: string;

  @Column({ type: 'text', array: true })
  batchHashes: string[];

  @Column({ type: 'text' })
  recordHash: string;

  @Column({ type: 'timestamptz' })
  evaluatedAt: Date;
}

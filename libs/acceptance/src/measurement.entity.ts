import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only measurement points (a trigger refuses UPDATE, DELETE and TRUNCATE), range-partitioned by month of
 * `observed_at`; the primary key carries the partition key as PostgreSQL requires.
 */
@Entity({ schema: 'acceptance', name: 'measurements' })
@Index('measurements_series_idx', ['orderId', 'roundNo', 'kpiKey', 'observedAt'])
export class Measurement {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @PrimaryColumn({ type: 'timestamptz' })
  observedAt: Date;

  @Column({ type: 'uuid' })
  batchId: string;

  @Column({ type: 'uuid' })
  orderId: string;

  @Column({ type: 'integer' })
  roundNo: number;

  @Column({ type: 'text' })
  kpiKey: string;

  @Column({ type: 'numeric' })
  value: string;

  /** Where the point is in its batch's raw file: CSV line, XLSX row or JSON element (1-based). */
  @Column({ type: 'integer' })
  lineNo: number;
}

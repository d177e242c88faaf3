import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only measurement points (a trigger refuses UPDATE, DELETE and TRUNCATE), range-partitioned by month of
 * `observed_at`; the primary key carries the partition key as PostgreSQL requires.
 */
@Entity({ schema: 'acceptance', name: 'measurements' })
@Index('measurements_series_idx', ['orderId', 'roundNo', 'kpiKey', 'observedAt'])
/**
 * Duplicates never inflate a result: within a round's data revision a reading is one KPI, instant and value, told
 * apart from an identical one only by a distinct event reference (`ref`).
 */
@Index('measurements_reading_key', ['orderId', 'roundNo', 'revision', 'kpiKey', 'observedAt', 'value', 'ref'], {
  unique: true,
})
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

  /** The data revision of the batch (see MeasurementBatch.revision). */
  @Column({ type: 'integer', default: 1 })
  revision: number;

  /** The event reference of the reading (the file's `ref` column); empty when the file gives none. */
  @Column({ type: 'text', default: '' })
  ref: string;

  /** Where the point is in its batch's raw file: CSV line, XLSX row or JSON element (1-based). */
  @Column({ type: 'integer' })
  lineNo: number;
}

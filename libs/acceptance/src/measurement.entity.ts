import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only measurement points; a trigger refuses UPDATE and DELETE. */
@Entity({ schema: 'acceptance', name: 'measurements' })
@Index('measurements_series_idx', ['orderId', 'roundNo', 'kpiKey', 'observedAt'])
export class Measurement {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  batchId: string;

  @Column({ type: 'uuid' })
  orderId: string;

  @Column({ type: 'integer' })
  roundNo: number;

  @Column({ type: 'text' })
  kpiKey: string;

  @Column({ type: 'timestamptz' })
  observedAt: Date;

  @Column({ type: 'numeric' })
  value: string;
}

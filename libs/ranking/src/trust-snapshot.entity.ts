import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { TrustLabel } from './trust-score';

/** One recomputation, stored with every input so anyone can recompute it; history is kept. */
@Entity({ schema: 'ranking', name: 'trust_snapshots' })
@Index('trust_snapshots_vendor_idx', ['vendorOrganisationId', 'computedAt'])
export class TrustSnapshot {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  vendorOrganisationId: string;

  @Column({ type: 'double precision' })
  alpha: number;

  @Column({ type: 'double precision' })
  beta: number;

  @Column({ type: 'double precision' })
  expected: number;

  @Column({ type: 'double precision' })
  lowerBound: number;

  @Column({ type: 'double precision' })
  effectiveEvidence: number;

  @Column({ type: 'text' })
  label: TrustLabel;

  @Column({ type: 'boolean' })
  isNew: boolean;

  @Column({ type: 'jsonb' })
  inputs: object;

  @Column({ type: 'timestamptz' })
  computedAt: Date;
}

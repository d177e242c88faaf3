import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DisputeKind, DisputeStatus, EvidenceFile } from './contracts/acceptance';

/**
 * The vendor's objection to a signed acceptance record, or the operator's re-check of a settled one; while OPEN, the
 * round's settlement is frozen.
 */
@Entity({ schema: 'acceptance', name: 'disputes' })
@Index('disputes_order_round_idx', ['orderId', 'roundNo'])
@Index('disputes_one_open_per_record_key', ['recordId'], { unique: true, where: `status = 'OPEN'` })
export class Dispute {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  recordId: string;

  @Column({ type: 'uuid' })
  orderId: string;

  @Column({ type: 'integer' })
  roundNo: number;

  @Column({ type: 'text' })
  status: DisputeStatus;

  @Column({ type: 'text', default: 'VENDOR' })
  kind: DisputeKind;

  @Column({ type: 'text' })
  reason: string;

  /** Evidence files named by SHA-256; the content is exchanged outside the platform. */
  @Column({ type: 'jsonb' })
  evidence: EvidenceFile[];

  /** The record hash the vendor disputed. */
  @Column({ type: 'text' })
  recordHash: string;

  /** Null when an operator's API key opened a re-check. */
  @Column({ type: 'uuid', nullable: true })
  openedByUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  openedAt: Date;

  @Column({ type: 'text', nullable: true })
  resolutionNote: string | null;

  @Column({ type: 'uuid', nullable: true })
  resolvedByUserId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  /** The record version a correction produced. */
  @Column({ type: 'uuid', nullable: true })
  correctionRecordId: string | null;
}

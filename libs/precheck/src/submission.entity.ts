import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { SubmissionStatus } from './contracts/precheck';

@Entity({ schema: 'precheck', name: 'submissions' })
@Index('submissions_one_open_per_solution', ['solutionId'], { unique: true, where: "status = 'UNDER_REVIEW'" })
export class Submission {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  solutionId: string;

  @Index('submissions_vendor_idx')
  @Column({ type: 'uuid' })
  vendorOrganisationId: string;

  @Column({ type: 'text' })
  status: SubmissionStatus;

  @Column({ type: 'smallint', nullable: true })
  score: number | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

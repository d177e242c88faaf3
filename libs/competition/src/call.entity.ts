import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CallStatus } from './contracts/competition';

@Entity({ schema: 'competition', name: 'calls' })
export class Call {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Index('calls_problem_idx')
  @Column({ type: 'uuid' })
  problemId: string;

  @Index('calls_agency_idx')
  @Column({ type: 'uuid' })
  agencyOrganisationId: string;

  @Column({ type: 'text' })
  status: CallStatus;

  @Column({ type: 'timestamptz' })
  deadline: Date;

  /** Frozen when the call opens: LISTED solutions of the problem's category at that moment. */
  @Column({ type: 'uuid', array: true })
  eligibleSolutionIds: string[];

  @Column({ type: 'uuid', nullable: true })
  awardedOfferId: string | null;

  @Column({ type: 'text', nullable: true })
  awardJustification: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  openedAt: Date;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ProposalField, ProposalStatus } from './contracts/problems';

/** A ward's or agency's problem proposal (Mẫu 01): the problem and the need only — no technology, no budget. */
@Entity({ schema: 'problems', name: 'proposals' })
export class Proposal {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Index('proposals_agency_idx')
  @Column({ type: 'uuid' })
  agencyOrganisationId: string;

  @Column({ type: 'text', array: true })
  fields: ProposalField[];

  @Column({ type: 'text' })
  contact: string;

  @Column({ type: 'text' })
  problem: string;

  @Column({ type: 'text' })
  currentHandling: string;

  @Column({ type: 'text' })
  managementNeed: string;

  @Column({ type: 'text' })
  trialScope: string;

  @Column({ type: 'text' })
  availableData: string;

  @Column({ type: 'text' })
  status: ProposalStatus;

  @Index('proposals_problem_idx')
  @Column({ type: 'uuid', nullable: true })
  mergedIntoProblemId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

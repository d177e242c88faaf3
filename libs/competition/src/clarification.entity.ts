import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A vendor's question during a call; the buyer's answer is published to everyone, without the asker's identity. */
@Entity({ schema: 'competition', name: 'clarifications' })
@Index('clarifications_call_idx', ['callId', 'askedAt'])
export class Clarification {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  callId: string;

  @Column({ type: 'uuid' })
  askedByOrganisationId: string;

  @Column({ type: 'text' })
  question: string;

  @Column({ type: 'text', nullable: true })
  answer: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  askedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;
}

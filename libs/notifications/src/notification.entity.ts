import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** One message in an organisation's inbox; (kind, subject, organisation) is unique so redelivered events add nothing. */
@Entity({ schema: 'notifications', name: 'inbox' })
@Index('inbox_event_key', ['kind', 'subjectId', 'organisationId'], { unique: true })
@Index('inbox_organisation_idx', ['organisationId', 'createdAt'])
export class Notification {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'uuid' })
  subjectId: string;

  @Column({ type: 'text' })
  messageVi: string;

  @Column({ type: 'text' })
  messageEn: string;

  @Column({ type: 'jsonb' })
  data: object;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;
}

import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Append-only: a trigger refuses UPDATE and DELETE; corrections are new transfers. */
@Entity({ schema: 'ledger', name: 'transfers' })
export class Transfer {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text', nullable: true })
  memo: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  metadata: object;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { OrganisationType } from './contracts/roles';

@Entity({ schema: 'identity', name: 'organisations' })
export class Organisation {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  type: OrganisationType;

  @Column({ type: 'text' })
  name: string;

  @Index('organisations_tax_code_key', { unique: true })
  @Column({ type: 'text', nullable: true })
  taxCode: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

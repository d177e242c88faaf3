import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'catalog', name: 'categories' })
export class Category {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  nameVi: string;

  @Column({ type: 'text' })
  nameEn: string;

  /** At most this many solutions listed at once (top by quality score); null means unlimited. */
  @Column({ type: 'integer', nullable: true })
  capacity: number | null;
}

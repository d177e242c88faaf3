import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { DeploymentModel, SolutionStatus, TrustLabel } from './contracts/catalog';

/**
 * The public projection of a solution's checked version, kept in step by the catalogue's own writes; the
 * catalogue search reads only this table. Its text index, and its quality index that carries the text (INCLUDE, which
 * TypeORM cannot declare), are made in the migrations.
 */
@Entity({ schema: 'catalog', name: 'listings' })
@Index('listings_status_quality_idx', { synchronize: false })
@Index('listings_category_quality_idx', ['categoryCode', 'status', 'qualityScore', 'solutionId'])
@Index('listings_trust_quality_idx', ['status', 'trustLabel', 'qualityScore', 'solutionId'])
@Index('listings_search_idx', { synchronize: false })
export class Listing {
  @PrimaryColumn({ type: 'uuid' })
  solutionId: string;

  @Column({ type: 'uuid' })
  vendorOrganisationId: string;

  @Column({ type: 'text' })
  categoryCode: string;

  @Column({ type: 'text' })
  status: SolutionStatus;

  @Column({ type: 'smallint' })
  qualityScore: number;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'boolean' })
  makeInVietnam: boolean;

  @Column({ type: 'text', nullable: true })
  deploymentModel: DeploymentModel | null;

  @Column({ type: 'bigint', nullable: true })
  priceMin: string | null;

  @Column({ type: 'bigint', nullable: true })
  priceMax: string | null;

  /** name, summary and description of the checked version, without diacritics, lower case. */
  @Column({ type: 'tsvector', select: false })
  searchVector: string;

  @Column({ type: 'timestamptz', nullable: true })
  listedAt: Date | null;

  /** The vendor's current trust label, copied from catalog.vendor_trust_labels so the filter is one index. */
  @Column({ type: 'text', default: 'NHA_CUNG_CAP_MOI' })
  trustLabel: TrustLabel;

  /** The solution is under a trust re-check ("đang xem xét lại"), copied from its recheck_opened_at. */
  @Column({ type: 'boolean', default: false })
  underRecheck: boolean;
}

/** Each vendor's current trust label as the ranking last computed it; a vendor absent here is new. */
@Entity({ schema: 'catalog', name: 'vendor_trust_labels' })
export class VendorTrustLabel {
  @PrimaryColumn({ type: 'uuid' })
  vendorOrganisationId: string;

  @Column({ type: 'text' })
  label: TrustLabel;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

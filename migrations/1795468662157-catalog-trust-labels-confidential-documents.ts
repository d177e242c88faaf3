import { MigrationInterface, QueryRunner } from 'typeorm';

export class CatalogTrustLabelsConfidentialDocuments1795468662157 implements MigrationInterface {
  name = 'CatalogTrustLabelsConfidentialDocuments1795468662157';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "catalog"."document_reviewers" ("solution_id" uuid NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_92e22d0843f0726d8e6e793753a" PRIMARY KEY ("solution_id", "user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "catalog"."vendor_trust_labels" ("vendor_organisation_id" uuid NOT NULL, "label" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b8093ff44208ea782b76b235eec" PRIMARY KEY ("vendor_organisation_id"))`,
    );
    await queryRunner.query(`ALTER TABLE "catalog"."documents" ADD "confidential" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "catalog"."documents" ADD "confidential_reason" text`);
    await queryRunner.query(
      `ALTER TABLE "catalog"."listings" ADD "trust_label" text NOT NULL DEFAULT 'NHA_CUNG_CAP_MOI'`,
    );
    await queryRunner.query(
      `CREATE INDEX "listings_trust_quality_idx" ON "catalog"."listings"  ("status", "trust_label", "quality_score", "solution_id") `,
    );
    // The decision now fixes the checked content of a waiting solution too (it used to be copied on promotion).
    await queryRunner.query(`
      UPDATE catalog.solutions s SET checked_version = s.version, checked = jsonb_build_object(
        'name', s.name, 'summary', s.summary, 'categoryCode', s.category_code, 'description', s.description,
        'deploymentModel', s.deployment_model, 'makeInVietnam', s.make_in_vietnam,
        'localisationShare', s.localisation_share, 'priceMin', s.price_min::text, 'priceMax', s.price_max::text,
        'kpis', COALESCE((SELECT jsonb_agg(jsonb_build_object(
          'id', k.id, 'solutionId', k.solution_id, 'metric', k.metric, 'unit', k.unit, 'direction', k.direction,
          'dataSource', k.data_source, 'dataOwner', k.data_owner, 'measurementMethod', k.measurement_method,
          'aggregation', k.aggregation, 'frequency', k.frequency, 'baselineMethod', k.baseline_method,
          'minimumSample', k.minimum_sample, 'evidenceFormat', k.evidence_format) ORDER BY k.id)
          FROM catalog.solution_kpis k WHERE k.solution_id = s.id), '[]'::jsonb))
      WHERE s.status = 'WAITING' AND s.checked IS NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "catalog"."listings_trust_quality_idx"`);
    await queryRunner.query(`ALTER TABLE "catalog"."listings" DROP COLUMN "trust_label"`);
    await queryRunner.query(`ALTER TABLE "catalog"."documents" DROP COLUMN "confidential_reason"`);
    await queryRunner.query(`ALTER TABLE "catalog"."documents" DROP COLUMN "confidential"`);
    await queryRunner.query(`DROP TABLE "catalog"."vendor_trust_labels"`);
    await queryRunner.query(`DROP TABLE "catalog"."document_reviewers"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class RankingTrustScores1795462342121 implements MigrationInterface {
  name = 'RankingTrustScores1795462342121';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ranking"."trust_snapshots_vendor_idx"`);
    await queryRunner.query(
      `CREATE TABLE "ranking"."current_scores" ("vendor_organisation_id" uuid NOT NULL, "scope" text NOT NULL, "snapshot_id" uuid NOT NULL, "expected" double precision NOT NULL, "lower_bound" double precision NOT NULL, "effective_evidence" double precision NOT NULL, "label" text NOT NULL, "is_new" boolean NOT NULL, "orders" integer NOT NULL, "last_outcomes" jsonb NOT NULL, "explanation_vi" text NOT NULL, "explanation_en" text NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_608aeda6207747e347d96c2a841" PRIMARY KEY ("vendor_organisation_id", "scope"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "current_scores_scope_rank_idx" ON "ranking"."current_scores"  ("scope", "lower_bound") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ranking"."agency_vendor_links" ("id" uuid NOT NULL, "agency_organisation_id" uuid NOT NULL, "vendor_organisation_id" uuid NOT NULL, "reason" text NOT NULL, "declared_by_user_id" uuid, "declared_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_96a3b368acd813272099ec079a7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "agency_vendor_links_vendor_idx" ON "ranking"."agency_vendor_links"  ("vendor_organisation_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "agency_vendor_links_key" ON "ranking"."agency_vendor_links"  ("agency_organisation_id", "vendor_organisation_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ranking"."recheck_flags" ("id" uuid NOT NULL, "vendor_organisation_id" uuid NOT NULL, "scope" text NOT NULL, "snapshot_id" uuid NOT NULL, "lower_bound" double precision NOT NULL, "effective_evidence" double precision NOT NULL, "floor" double precision NOT NULL, "raised_at" TIMESTAMP WITH TIME ZONE NOT NULL, "resolved_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_3b5f0bda3d033ef6ef54a9a69a3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "recheck_flags_one_open" ON "ranking"."recheck_flags"  ("vendor_organisation_id", "scope") WHERE resolved_at IS NULL`,
    );
    await queryRunner.query(`ALTER TABLE "ranking"."trust_snapshots" ADD "scope" text NOT NULL DEFAULT '*'`);
    await queryRunner.query(`ALTER TABLE "ranking"."trust_snapshots" ALTER COLUMN "scope" DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE "ranking"."trust_snapshots" ADD "last_outcomes" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "ranking"."trust_snapshots" ALTER COLUMN "last_outcomes" DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE "ranking"."trust_snapshots" ADD "explanation_vi" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "ranking"."trust_snapshots" ALTER COLUMN "explanation_vi" DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE "ranking"."trust_snapshots" ADD "explanation_en" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "ranking"."trust_snapshots" ALTER COLUMN "explanation_en" DROP DEFAULT`);
    await queryRunner.query(
      `ALTER TABLE "ranking"."trust_snapshots" ADD "reason" text NOT NULL DEFAULT 'outcome-settled'`,
    );
    await queryRunner.query(`ALTER TABLE "ranking"."trust_snapshots" ALTER COLUMN "reason" DROP DEFAULT`);
    await queryRunner.query(
      `CREATE TABLE "ranking"."category_stats" ("scope" text NOT NULL, "orders" integer NOT NULL, "mean_x" double precision NOT NULL, "median_value" double precision NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_d1ca3ccaaa4afc01a1b8b647d1a" PRIMARY KEY ("scope"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "trust_snapshots_vendor_scope_idx" ON "ranking"."trust_snapshots"  ("vendor_organisation_id", "scope", "computed_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ranking"."trust_snapshots_vendor_scope_idx"`);
    await queryRunner.query(`DROP TABLE "ranking"."category_stats"`);
    await queryRunner.query(`ALTER TABLE "ranking"."trust_snapshots" DROP COLUMN "reason"`);
    await queryRunner.query(`ALTER TABLE "ranking"."trust_snapshots" DROP COLUMN "explanation_en"`);
    await queryRunner.query(`ALTER TABLE "ranking"."trust_snapshots" DROP COLUMN "explanation_vi"`);
    await queryRunner.query(`ALTER TABLE "ranking"."trust_snapshots" DROP COLUMN "last_outcomes"`);
    await queryRunner.query(`ALTER TABLE "ranking"."trust_snapshots" DROP COLUMN "scope"`);
    await queryRunner.query(`DROP INDEX "ranking"."recheck_flags_one_open"`);
    await queryRunner.query(`DROP TABLE "ranking"."recheck_flags"`);
    await queryRunner.query(`DROP INDEX "ranking"."agency_vendor_links_key"`);
    await queryRunner.query(`DROP INDEX "ranking"."agency_vendor_links_vendor_idx"`);
    await queryRunner.query(`DROP TABLE "ranking"."agency_vendor_links"`);
    await queryRunner.query(`DROP INDEX "ranking"."current_scores_scope_rank_idx"`);
    await queryRunner.query(`DROP TABLE "ranking"."current_scores"`);
    await queryRunner.query(
      `CREATE INDEX "trust_snapshots_vendor_idx" ON "ranking"."trust_snapshots" USING btree ("vendor_organisation_id", "computed_at") `,
    );
  }
}

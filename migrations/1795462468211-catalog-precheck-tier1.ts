import { MigrationInterface, QueryRunner } from 'typeorm';

export class CatalogPrecheckTier11795462468211 implements MigrationInterface {
  name = 'CatalogPrecheckTier11795462468211';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "precheck"."requirement_sets" ("id" uuid NOT NULL, "category_code" text NOT NULL, "version" integer NOT NULL, "requirements" jsonb NOT NULL, "weights" jsonb NOT NULL, "group_mark" smallint NOT NULL, "total_mark" smallint NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "requirement_sets_category_version_key" UNIQUE ("category_code", "version"), CONSTRAINT "PK_f78bdc1de5044c475a116ec538c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "precheck"."assignments" ("id" uuid NOT NULL, "submission_id" uuid NOT NULL, "assessor_user_id" uuid NOT NULL, "scores" jsonb, "scored_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "assignments_submission_assessor_key" UNIQUE ("submission_id", "assessor_user_id"), CONSTRAINT "PK_c54ca359535e0012b04dcbd80ee" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "assignments_assessor_idx" ON "precheck"."assignments"  ("assessor_user_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "precheck"."assessor_conflicts" ("assessor_user_id" uuid NOT NULL, "vendor_organisation_id" uuid NOT NULL, "reason" text NOT NULL, "declared_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c745c3cfe4b3924e2d7cbd26223" PRIMARY KEY ("assessor_user_id", "vendor_organisation_id"))`,
    );
    await queryRunner.query(`ALTER TABLE "precheck"."submissions" DROP COLUMN "score"`);
    await queryRunner.query(`ALTER TABLE "precheck"."submissions" DROP COLUMN "decided_by"`);
    await queryRunner.query(
      `CREATE TABLE "catalog"."documents" ("id" uuid NOT NULL, "solution_id" uuid NOT NULL, "solution_version" integer NOT NULL, "file_name" text NOT NULL, "media_type" text NOT NULL, "bytes" bigint NOT NULL, "sha256" character(64) NOT NULL, "uploaded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ac51aa5181ee2036f5ca482857c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "documents_solution_idx" ON "catalog"."documents"  ("solution_id") `);
    await queryRunner.query(`ALTER TABLE "catalog"."categories" ADD "capacity" integer`);
    await queryRunner.query(`ALTER TABLE "catalog"."solutions" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "catalog"."solutions" ADD "status_reason" text`);
    await queryRunner.query(`ALTER TABLE "catalog"."solutions" ADD "suspended_until" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "catalog"."solutions" ADD "expiry_reminder_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "catalog"."solution_kpis" ADD "data_owner" text`);
    await queryRunner.query(`ALTER TABLE "catalog"."solutions" ADD "revision_status" text NOT NULL DEFAULT 'NONE'`);
    await queryRunner.query(`ALTER TABLE "catalog"."solutions" ADD "revision_reason" text`);
    await queryRunner.query(`ALTER TABLE "catalog"."solutions" ADD "checked_version" integer`);
    await queryRunner.query(`ALTER TABLE "catalog"."solutions" ADD "checked" jsonb`);
    // Listings made before versioning: their current content is the checked version.
    await queryRunner.query(`
      UPDATE catalog.solutions s SET checked_version = s.version, checked = jsonb_build_object(
        'name', s.name, 'summary', s.summary, 'categoryCode', s.category_code,
        'kpis', COALESCE((SELECT jsonb_agg(jsonb_build_object(
          'id', k.id, 'solutionId', k.solution_id, 'metric', k.metric, 'unit', k.unit, 'direction', k.direction,
          'dataSource', k.data_source, 'dataOwner', k.data_owner, 'measurementMethod', k.measurement_method,
          'aggregation', k.aggregation, 'frequency', k.frequency, 'baselineMethod', k.baseline_method,
          'minimumSample', k.minimum_sample, 'evidenceFormat', k.evidence_format) ORDER BY k.id)
          FROM catalog.solution_kpis k WHERE k.solution_id = s.id), '[]'::jsonb))
      WHERE s.status = 'LISTED'`);
    await queryRunner.query(`ALTER TABLE "catalog"."solutions" ADD "description" text`);
    await queryRunner.query(`ALTER TABLE "catalog"."solutions" ADD "deployment_model" text`);
    await queryRunner.query(`ALTER TABLE "catalog"."solutions" ADD "make_in_vietnam" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "catalog"."solutions" ADD "localisation_share" smallint`);
    await queryRunner.query(`ALTER TABLE "catalog"."solutions" ADD "price_min" bigint`);
    await queryRunner.query(`ALTER TABLE "catalog"."solutions" ADD "price_max" bigint`);
    // Search without diacritics: unaccent() is only STABLE (its dictionary can change), so a wrapper naming the
    // dictionary explicitly is declared IMMUTABLE for the stored search vectors. Unaccent first, then lower():
    // lower() of a precomposed capital (Ệ) depends on the collation, of a plain capital (E) it does not.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public`);
    await queryRunner.query(
      `CREATE FUNCTION catalog.immutable_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
       AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION catalog.search_vector(text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
       AS $$ SELECT to_tsvector('simple'::regconfig, lower(catalog.immutable_unaccent($1))) $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION catalog.search_query(text) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
       AS $$ SELECT plainto_tsquery('simple'::regconfig, lower(catalog.immutable_unaccent($1))) $$`,
    );
    await queryRunner.query(
      `CREATE TABLE "catalog"."listings" ("solution_id" uuid NOT NULL, "vendor_organisation_id" uuid NOT NULL, "category_code" text NOT NULL, "status" text NOT NULL, "quality_score" smallint NOT NULL, "version" integer NOT NULL, "name" text NOT NULL, "summary" text NOT NULL, "make_in_vietnam" boolean NOT NULL, "deployment_model" text, "price_min" bigint, "price_max" bigint, "search_vector" tsvector NOT NULL, "listed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_356942c5cc5a05eef37599f9516" PRIMARY KEY ("solution_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "listings_category_quality_idx" ON "catalog"."listings"  ("category_code", "status", "quality_score", "solution_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "listings_status_quality_idx" ON "catalog"."listings"  ("status", "quality_score", "solution_id") `,
    );
    await queryRunner.query(`CREATE INDEX "listings_search_idx" ON "catalog"."listings" USING gin ("search_vector")`);
    await queryRunner.query(
      `INSERT INTO catalog.listings (solution_id, vendor_organisation_id, category_code, status, quality_score, version,
         name, summary, make_in_vietnam, deployment_model, price_min, price_max, search_vector, listed_at)
       SELECT s.id, s.vendor_organisation_id, s.category_code, s.status, COALESCE(s.quality_score, 0), s.checked_version,
         s.name, s.summary, s.make_in_vietnam, s.deployment_model, s.price_min, s.price_max,
         catalog.search_vector(concat_ws(' ', s.name, s.summary)), s.listed_at
       FROM catalog.solutions s WHERE s.checked IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE "precheck"."submissions" ADD "changed_groups" jsonb`);
    await queryRunner.query(`ALTER TABLE "precheck"."submissions" ADD "previous_submission_id" uuid`);
    await queryRunner.query(`ALTER TABLE "precheck"."submissions" ADD "group_totals" jsonb`);
    await queryRunner.query(`ALTER TABLE "precheck"."submissions" ADD "solution_version" integer NOT NULL DEFAULT 1`);
    await queryRunner.query(`ALTER TABLE "precheck"."submissions" ALTER COLUMN "solution_version" DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE "precheck"."submissions" ADD "category_code" text`);
    await queryRunner.query(
      `UPDATE "precheck"."submissions" s SET "category_code" = c."category_code" FROM "catalog"."solutions" c WHERE c."id" = s."solution_id"`,
    );
    await queryRunner.query(`ALTER TABLE "precheck"."submissions" ALTER COLUMN "category_code" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "precheck"."submissions" ADD "requirement_set_id" uuid`);
    for (const column of ['answers', 'solution_snapshot', 'failures']) {
      const empty = column === 'failures' ? `'[]'` : `'{}'`;
      await queryRunner.query(`ALTER TABLE "precheck"."submissions" ADD "${column}" jsonb NOT NULL DEFAULT ${empty}`);
      await queryRunner.query(`ALTER TABLE "precheck"."submissions" ALTER COLUMN "${column}" DROP DEFAULT`);
    }
    await queryRunner.query(`ALTER TABLE "precheck"."submissions" ADD "quality_score" smallint`);
    await queryRunner.query(`ALTER TABLE "catalog"."solution_kpis" ALTER COLUMN "unit" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "catalog"."solution_kpis" ALTER COLUMN "direction" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "catalog"."solution_kpis" ALTER COLUMN "data_source" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "catalog"."solution_kpis" ALTER COLUMN "measurement_method" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "catalog"."solution_kpis" ALTER COLUMN "aggregation" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "catalog"."solution_kpis" ALTER COLUMN "frequency" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "catalog"."solution_kpis" ALTER COLUMN "baseline_method" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "catalog"."solution_kpis" ALTER COLUMN "minimum_sample" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "catalog"."solution_kpis" ALTER COLUMN "evidence_format" DROP NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "catalog"."solution_kpis" ALTER COLUMN "evidence_format" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "catalog"."solution_kpis" ALTER COLUMN "minimum_sample" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "catalog"."solution_kpis" ALTER COLUMN "baseline_method" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "catalog"."solution_kpis" ALTER COLUMN "frequency" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "catalog"."solution_kpis" ALTER COLUMN "aggregation" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "catalog"."solution_kpis" ALTER COLUMN "measurement_method" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "catalog"."solution_kpis" ALTER COLUMN "data_source" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "catalog"."solution_kpis" ALTER COLUMN "direction" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "catalog"."solution_kpis" ALTER COLUMN "unit" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "precheck"."submissions" DROP COLUMN "quality_score"`);
    await queryRunner.query(`ALTER TABLE "precheck"."submissions" DROP COLUMN "failures"`);
    await queryRunner.query(`ALTER TABLE "precheck"."submissions" DROP COLUMN "solution_snapshot"`);
    await queryRunner.query(`ALTER TABLE "precheck"."submissions" DROP COLUMN "answers"`);
    await queryRunner.query(`ALTER TABLE "precheck"."submissions" DROP COLUMN "requirement_set_id"`);
    await queryRunner.query(`ALTER TABLE "precheck"."submissions" DROP COLUMN "category_code"`);
    await queryRunner.query(`ALTER TABLE "precheck"."submissions" DROP COLUMN "solution_version"`);
    await queryRunner.query(`ALTER TABLE "precheck"."submissions" DROP COLUMN "group_totals"`);
    await queryRunner.query(`ALTER TABLE "precheck"."submissions" DROP COLUMN "previous_submission_id"`);
    await queryRunner.query(`ALTER TABLE "precheck"."submissions" DROP COLUMN "changed_groups"`);
    await queryRunner.query(`DROP TABLE "catalog"."listings"`);
    await queryRunner.query(`DROP FUNCTION catalog.search_query(text)`);
    await queryRunner.query(`DROP FUNCTION catalog.search_vector(text)`);
    await queryRunner.query(`DROP FUNCTION catalog.immutable_unaccent(text)`);
    for (const column of [
      'price_max',
      'price_min',
      'localisation_share',
      'make_in_vietnam',
      'deployment_model',
      'description',
    ])
      await queryRunner.query(`ALTER TABLE "catalog"."solutions" DROP COLUMN "${column}"`);

    await queryRunner.query(`ALTER TABLE "catalog"."solutions" DROP COLUMN "checked"`);
    await queryRunner.query(`ALTER TABLE "catalog"."solutions" DROP COLUMN "checked_version"`);
    await queryRunner.query(`ALTER TABLE "catalog"."solutions" DROP COLUMN "revision_reason"`);
    await queryRunner.query(`ALTER TABLE "catalog"."solutions" DROP COLUMN "revision_status"`);
    await queryRunner.query(`ALTER TABLE "catalog"."solution_kpis" DROP COLUMN "data_owner"`);
    await queryRunner.query(`ALTER TABLE "catalog"."solutions" DROP COLUMN "expiry_reminder_at"`);
    await queryRunner.query(`ALTER TABLE "catalog"."solutions" DROP COLUMN "suspended_until"`);
    await queryRunner.query(`ALTER TABLE "catalog"."solutions" DROP COLUMN "status_reason"`);
    await queryRunner.query(`ALTER TABLE "catalog"."solutions" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "catalog"."categories" DROP COLUMN "capacity"`);
    await queryRunner.query(`DROP INDEX "catalog"."documents_solution_idx"`);
    await queryRunner.query(`DROP TABLE "catalog"."documents"`);
    await queryRunner.query(`ALTER TABLE "precheck"."submissions" ADD "decided_by" uuid`);
    await queryRunner.query(`ALTER TABLE "precheck"."submissions" ADD "score" smallint`);
    await queryRunner.query(`DROP TABLE "precheck"."assessor_conflicts"`);
    await queryRunner.query(`DROP INDEX "precheck"."assignments_assessor_idx"`);
    await queryRunner.query(`DROP TABLE "precheck"."assignments"`);
    await queryRunner.query(`DROP TABLE "precheck"."requirement_sets"`);
  }
}

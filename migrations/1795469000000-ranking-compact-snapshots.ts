import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Snapshots keep their inputs as one shared row per vendor and distinct outcome set (trust_inputs) plus the scalar
 * parameters; explanations and last outcomes are derived from those on read, and current_scores keeps only what
 * ranks and filters. Existing snapshots and current scores
 * are derived data: they are dropped here and rebuilt by the next recomputation.
 */
export class RankingCompactSnapshots1795469000000 implements MigrationInterface {
  name = 'RankingCompactSnapshots1795469000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "ranking"."current_scores"`);
    await queryRunner.query(`DELETE FROM "ranking"."trust_snapshots"`);
    await queryRunner.query(
      `CREATE TABLE "ranking"."trust_inputs" ("id" uuid NOT NULL, "vendor_organisation_id" uuid NOT NULL, "hash" text NOT NULL, "outcomes" json NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_f37401b5e923cc052386cac0bbe" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "trust_inputs_vendor_hash_key" ON "ranking"."trust_inputs"  ("vendor_organisation_id", "hash") `,
    );
    // A typical outcome set is a few kilobytes: kept inline and uncompressed, so the bulk write does not compress it.
    await queryRunner.query(`ALTER TABLE "ranking"."trust_inputs" SET (toast_tuple_target = 8160)`);
    for (const column of ['inputs', 'last_outcomes', 'explanation_vi', 'explanation_en'])
      await queryRunner.query(`ALTER TABLE "ranking"."trust_snapshots" DROP COLUMN "${column}"`);
    for (const [column, type] of [
      ['inputs_id', 'uuid'],
      ['orders', 'integer'],
      ['excluded', 'integer'],
      ['capped', 'boolean'],
      ['prior_mean', 'double precision'],
      ['category_orders', 'integer'],
      ['category_median_value', 'double precision'],
      ['pseudo_orders', 'double precision'],
      ['z', 'double precision'],
      ['half_life_months', 'double precision'],
      ['floor', 'double precision'],
    ])
      await queryRunner.query(`ALTER TABLE "ranking"."trust_snapshots" ADD "${column}" ${type} NOT NULL`);
    for (const column of [
      'expected',
      'effective_evidence',
      'orders',
      'last_outcomes',
      'explanation_vi',
      'explanation_en',
      'computed_at',
    ])
      await queryRunner.query(`ALTER TABLE "ranking"."current_scores" DROP COLUMN "${column}"`);
    await queryRunner.query(
      `CREATE TABLE "ranking"."dashboard_summaries" ("id" uuid NOT NULL, "figures" jsonb NOT NULL, "reason" text NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_2bfed22f84abbd13e998de8c0d7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "dashboard_summaries_computed_idx" ON "ranking"."dashboard_summaries"  ("computed_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ranking"."dashboard_summaries_computed_idx"`);
    await queryRunner.query(`DROP TABLE "ranking"."dashboard_summaries"`);
    await queryRunner.query(`DELETE FROM "ranking"."current_scores"`);
    await queryRunner.query(`DELETE FROM "ranking"."trust_snapshots"`);
    await queryRunner.query(`ALTER TABLE "ranking"."current_scores" ADD "expected" double precision NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "ranking"."current_scores" ADD "effective_evidence" double precision NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE "ranking"."current_scores" ADD "orders" integer NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "ranking"."current_scores" ADD "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE "ranking"."current_scores" ADD "last_outcomes" jsonb NOT NULL`);
    await queryRunner.query(`ALTER TABLE "ranking"."current_scores" ADD "explanation_vi" text NOT NULL`);
    await queryRunner.query(`ALTER TABLE "ranking"."current_scores" ADD "explanation_en" text NOT NULL`);
    for (const column of [
      'inputs_id',
      'orders',
      'excluded',
      'capped',
      'prior_mean',
      'category_orders',
      'category_median_value',
      'pseudo_orders',
      'z',
      'half_life_months',
      'floor',
    ])
      await queryRunner.query(`ALTER TABLE "ranking"."trust_snapshots" DROP COLUMN "${column}"`);
    await queryRunner.query(`ALTER TABLE "ranking"."trust_snapshots" ADD "inputs" jsonb NOT NULL`);
    await queryRunner.query(`ALTER TABLE "ranking"."trust_snapshots" ADD "last_outcomes" jsonb NOT NULL`);
    await queryRunner.query(`ALTER TABLE "ranking"."trust_snapshots" ADD "explanation_vi" text NOT NULL`);
    await queryRunner.query(`ALTER TABLE "ranking"."trust_snapshots" ADD "explanation_en" text NOT NULL`);
    await queryRunner.query(`DROP INDEX "ranking"."trust_inputs_vendor_hash_key"`);
    await queryRunner.query(`DROP TABLE "ranking"."trust_inputs"`);
  }
}

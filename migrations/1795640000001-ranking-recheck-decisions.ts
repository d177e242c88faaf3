import { MigrationInterface, QueryRunner } from 'typeorm';

export class RankingRecheckDecisions1795640000001 implements MigrationInterface {
  name = 'RankingRecheckDecisions1795640000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ranking"."recheck_flags" ADD "decision" text`);
    await queryRunner.query(`ALTER TABLE "ranking"."recheck_flags" ADD "decision_reason" text`);
    await queryRunner.query(`ALTER TABLE "ranking"."recheck_flags" ADD "decided_by_user_id" uuid`);
    await queryRunner.query(`ALTER TABLE "ranking"."recheck_flags" ADD "decided_at" TIMESTAMP WITH TIME ZONE`);
    // category statistics are computed at each recomputation now, never read from a cache
    await queryRunner.query(`DROP TABLE "ranking"."category_stats"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "ranking"."category_stats" ("scope" text NOT NULL, "orders" integer NOT NULL, "mean_x" double precision NOT NULL, "median_value" double precision NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_d1ca3ccaaa4afc01a1b8b647d1a" PRIMARY KEY ("scope"))`,
    );
    await queryRunner.query(`ALTER TABLE "ranking"."recheck_flags" DROP COLUMN "decided_at"`);
    await queryRunner.query(`ALTER TABLE "ranking"."recheck_flags" DROP COLUMN "decided_by_user_id"`);
    await queryRunner.query(`ALTER TABLE "ranking"."recheck_flags" DROP COLUMN "decision_reason"`);
    await queryRunner.query(`ALTER TABLE "ranking"."recheck_flags" DROP COLUMN "decision"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class ProblemsProposalsScale1795462270527 implements MigrationInterface {
  name = 'ProblemsProposalsScale1795462270527';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "problems"."proposals" ("id" uuid NOT NULL, "agency_organisation_id" uuid NOT NULL, "fields" text array NOT NULL, "contact" text NOT NULL, "problem" text NOT NULL, "current_handling" text NOT NULL, "management_need" text NOT NULL, "trial_scope" text NOT NULL, "available_data" text NOT NULL, "status" text NOT NULL, "merged_into_problem_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_db524c8db8e126a38a2f16d8cac" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "proposals_agency_idx" ON "problems"."proposals" ("agency_organisation_id")`);
    await queryRunner.query(
      `CREATE INDEX "proposals_problem_idx" ON "problems"."proposals" ("merged_into_problem_id")`,
    );
    await queryRunner.query(`ALTER TABLE "problems"."problems" ADD "scale" text NOT NULL DEFAULT 'SMALL_TRIAL'`);
    await queryRunner.query(`ALTER TABLE "problems"."problems" ADD "scope" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "problems"."problem_kpis" ADD "aggregation" text NOT NULL DEFAULT 'mean'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "problems"."problem_kpis" DROP COLUMN "aggregation"`);
    await queryRunner.query(`ALTER TABLE "problems"."problems" DROP COLUMN "scope"`);
    await queryRunner.query(`ALTER TABLE "problems"."problems" DROP COLUMN "scale"`);
    await queryRunner.query(`DROP TABLE "problems"."proposals"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class CompetitionBakeOffWithdrawals1795480000001 implements MigrationInterface {
  name = 'CompetitionBakeOffWithdrawals1795480000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // bake-offs started before the sign-by date existed get the default 14 days
    await queryRunner.query(`ALTER TABLE "competition"."poc_trials" ADD "sign_by" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`UPDATE "competition"."poc_trials" SET "sign_by" = "started_at" + interval '14 days'`);
    await queryRunner.query(`ALTER TABLE "competition"."poc_trials" ALTER COLUMN "sign_by" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "competition"."poc_trials" ADD "withdrawn_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "competition"."poc_trials" ADD "withdrawal_reason" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "competition"."poc_trials" DROP COLUMN "withdrawal_reason"`);
    await queryRunner.query(`ALTER TABLE "competition"."poc_trials" DROP COLUMN "withdrawn_at"`);
    await queryRunner.query(`ALTER TABLE "competition"."poc_trials" DROP COLUMN "sign_by"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class CompetitionPocBakeOff1795468579474 implements MigrationInterface {
  name = 'CompetitionPocBakeOff1795468579474';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "competition"."poc_trials" ("id" uuid NOT NULL, "call_id" uuid NOT NULL, "offer_id" uuid NOT NULL, "order_id" uuid NOT NULL, "vendor_organisation_id" uuid NOT NULL, "score_rank" integer NOT NULL, "score_total" double precision NOT NULL, "max_amount" bigint NOT NULL, "paid" bigint, "cost_effectiveness" text, "measured" jsonb, "comparison_rank" integer, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "concluded_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_ac8168a7c1b12b05acbc79b96a5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "poc_trials_order_key" ON "competition"."poc_trials"  ("order_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "poc_trials_call_offer_key" ON "competition"."poc_trials"  ("call_id", "offer_id") `,
    );
    await queryRunner.query(`ALTER TABLE "competition"."calls" ADD "poc_proposed_offer_id" uuid`);
    await queryRunner.query(`ALTER TABLE "competition"."offers" ADD "elimination_reason" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "competition"."offers" DROP COLUMN "elimination_reason"`);
    await queryRunner.query(`ALTER TABLE "competition"."calls" DROP COLUMN "poc_proposed_offer_id"`);
    await queryRunner.query(`DROP INDEX "competition"."poc_trials_call_offer_key"`);
    await queryRunner.query(`DROP INDEX "competition"."poc_trials_order_key"`);
    await queryRunner.query(`DROP TABLE "competition"."poc_trials"`);
  }
}

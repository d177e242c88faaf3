import { MigrationInterface, QueryRunner } from 'typeorm';

export class CompetitionScoringClarifications1795462525054 implements MigrationInterface {
  name = 'CompetitionScoringClarifications1795462525054';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "competition"."clarifications" ("id" uuid NOT NULL, "call_id" uuid NOT NULL, "asked_by_organisation_id" uuid NOT NULL, "question" text NOT NULL, "answer" text, "asked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "answered_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_13bbcd97792a5c1663fcd28136f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "clarifications_call_idx" ON "competition"."clarifications"  ("call_id", "asked_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "competition"."offer_scores" ("id" uuid NOT NULL, "call_id" uuid NOT NULL, "offer_id" uuid NOT NULL, "rank" integer NOT NULL, "total" double precision NOT NULL, "price_score" double precision NOT NULL, "effect_score" double precision NOT NULL, "trust_score" double precision NOT NULL, "inputs" jsonb NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_24d530d0d682c90b10ffda61213" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "offer_scores_call_offer_key" ON "competition"."offer_scores"  ("call_id", "offer_id") `,
    );
    await queryRunner.query(`ALTER TABLE "competition"."calls" ADD "weight_price_bp" integer NOT NULL DEFAULT '4000'`);
    await queryRunner.query(`ALTER TABLE "competition"."calls" ADD "weight_effect_bp" integer NOT NULL DEFAULT '4000'`);
    await queryRunner.query(`ALTER TABLE "competition"."calls" ADD "weight_trust_bp" integer NOT NULL DEFAULT '2000'`);
    await queryRunner.query(`ALTER TABLE "competition"."calls" ADD "award_mode" text NOT NULL DEFAULT 'DIRECT'`);
    await queryRunner.query(`ALTER TABLE "competition"."calls" ADD "poc_finalists" integer`);
    await queryRunner.query(`ALTER TABLE "competition"."calls" ADD "poc_trial_budget" bigint`);
    await queryRunner.query(
      `ALTER TABLE "competition"."calls" ADD "allows_worse_targets" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(`ALTER TABLE "competition"."calls" ADD "evaluated_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "competition"."calls" ADD CONSTRAINT "calls_weights_sum" CHECK (weight_price_bp + weight_effect_bp + weight_trust_bp = 10000)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "competition"."calls" DROP CONSTRAINT "calls_weights_sum"`);
    await queryRunner.query(`ALTER TABLE "competition"."calls" DROP COLUMN "evaluated_at"`);
    await queryRunner.query(`ALTER TABLE "competition"."calls" DROP COLUMN "allows_worse_targets"`);
    await queryRunner.query(`ALTER TABLE "competition"."calls" DROP COLUMN "poc_trial_budget"`);
    await queryRunner.query(`ALTER TABLE "competition"."calls" DROP COLUMN "poc_finalists"`);
    await queryRunner.query(`ALTER TABLE "competition"."calls" DROP COLUMN "award_mode"`);
    await queryRunner.query(`ALTER TABLE "competition"."calls" DROP COLUMN "weight_trust_bp"`);
    await queryRunner.query(`ALTER TABLE "competition"."calls" DROP COLUMN "weight_effect_bp"`);
    await queryRunner.query(`ALTER TABLE "competition"."calls" DROP COLUMN "weight_price_bp"`);
    await queryRunner.query(`DROP INDEX "competition"."offer_scores_call_offer_key"`);
    await queryRunner.query(`DROP TABLE "competition"."offer_scores"`);
    await queryRunner.query(`DROP INDEX "competition"."clarifications_call_idx"`);
    await queryRunner.query(`DROP TABLE "competition"."clarifications"`);
  }
}

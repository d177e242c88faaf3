import { MigrationInterface, QueryRunner } from 'typeorm';

export class AcceptanceRecordSigningDisputes1795462368000 implements MigrationInterface {
  name = 'AcceptanceRecordSigningDisputes1795462368000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "acceptance"."disputes" ("id" uuid NOT NULL, "record_id" uuid NOT NULL, "order_id" uuid NOT NULL, "round_no" integer NOT NULL, "status" text NOT NULL, "reason" text NOT NULL, "evidence" jsonb NOT NULL, "record_hash" text NOT NULL, "opened_by_user_id" uuid NOT NULL, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "resolution_note" text, "resolved_by_user_id" uuid, "resolved_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_3c97580d01c1a4b0b345c42a107" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "disputes_one_open_per_record_key" ON "acceptance"."disputes"  ("record_id") WHERE status = 'OPEN'`,
    );
    await queryRunner.query(
      `CREATE INDEX "disputes_order_round_idx" ON "acceptance"."disputes"  ("order_id", "round_no") `,
    );
    await queryRunner.query(`ALTER TABLE "acceptance"."records" ADD "signed_hash" text`);
    await queryRunner.query(`ALTER TABLE "acceptance"."records" ADD "signed_by_user_id" uuid`);
    await queryRunner.query(`ALTER TABLE "acceptance"."records" ADD "signed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "acceptance"."records" ADD "dispute_deadline" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "acceptance"."records" ADD "payable_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE INDEX "records_signed_deadline_idx" ON "acceptance"."records"  ("dispute_deadline") WHERE status = 'SIGNED'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "acceptance"."records_signed_deadline_idx"`);
    await queryRunner.query(`ALTER TABLE "acceptance"."records" DROP COLUMN "payable_at"`);
    await queryRunner.query(`ALTER TABLE "acceptance"."records" DROP COLUMN "dispute_deadline"`);
    await queryRunner.query(`ALTER TABLE "acceptance"."records" DROP COLUMN "signed_at"`);
    await queryRunner.query(`ALTER TABLE "acceptance"."records" DROP COLUMN "signed_by_user_id"`);
    await queryRunner.query(`ALTER TABLE "acceptance"."records" DROP COLUMN "signed_hash"`);
    await queryRunner.query(`DROP INDEX "acceptance"."disputes_order_round_idx"`);
    await queryRunner.query(`DROP INDEX "acceptance"."disputes_one_open_per_record_key"`);
    await queryRunner.query(`DROP TABLE "acceptance"."disputes"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class AcceptanceRecordVersionsClawbacks1795469109023 implements MigrationInterface {
  name = 'AcceptanceRecordVersionsClawbacks1795469109023';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "acceptance"."records_order_round_key"`);
    await queryRunner.query(`DROP INDEX "acceptance"."settlements_order_round_key"`);
    await queryRunner.query(`ALTER TABLE "acceptance"."settlements" DROP CONSTRAINT "settlements_amount_non_negative"`);
    await queryRunner.query(`ALTER TABLE "acceptance"."records" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "acceptance"."disputes" ADD "kind" text NOT NULL DEFAULT 'VENDOR'`);
    await queryRunner.query(`ALTER TABLE "acceptance"."disputes" ADD "correction_record_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "acceptance"."measurement_batches" ADD "revision" integer NOT NULL DEFAULT '1'`,
    );
    await queryRunner.query(`ALTER TABLE "acceptance"."settlements" ADD "record_version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "acceptance"."disputes" ALTER COLUMN "opened_by_user_id" DROP NOT NULL`);
    await queryRunner.query(
      `CREATE INDEX "records_payable_idx" ON "acceptance"."records"  ("payable_at") WHERE status = 'PAYABLE'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "records_current_key" ON "acceptance"."records"  ("order_id", "round_no") WHERE status <> 'SUPERSEDED'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "records_order_round_version_key" ON "acceptance"."records"  ("order_id", "round_no", "version") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "settlements_order_round_version_key" ON "acceptance"."settlements"  ("order_id", "round_no", "record_version") `,
    );
    await queryRunner.query(
      `ALTER TABLE "acceptance"."settlements" ADD CONSTRAINT "settlements_paid_non_negative" CHECK (paid_cumulative >= 0)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "acceptance"."settlements" DROP CONSTRAINT "settlements_paid_non_negative"`);
    await queryRunner.query(`DROP INDEX "acceptance"."settlements_order_round_version_key"`);
    await queryRunner.query(`DROP INDEX "acceptance"."records_order_round_version_key"`);
    await queryRunner.query(`DROP INDEX "acceptance"."records_current_key"`);
    await queryRunner.query(`DROP INDEX "acceptance"."records_payable_idx"`);
    await queryRunner.query(`ALTER TABLE "acceptance"."disputes" ALTER COLUMN "opened_by_user_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "acceptance"."settlements" DROP COLUMN "record_version"`);
    await queryRunner.query(`ALTER TABLE "acceptance"."measurement_batches" DROP COLUMN "revision"`);
    await queryRunner.query(`ALTER TABLE "acceptance"."disputes" DROP COLUMN "correction_record_id"`);
    await queryRunner.query(`ALTER TABLE "acceptance"."disputes" DROP COLUMN "kind"`);
    await queryRunner.query(`ALTER TABLE "acceptance"."records" DROP COLUMN "version"`);
    await queryRunner.query(
      `ALTER TABLE "acceptance"."settlements" ADD CONSTRAINT "settlements_amount_non_negative" CHECK ((amount >= 0))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "settlements_order_round_key" ON "acceptance"."settlements" USING btree ("order_id", "round_no") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "records_order_round_key" ON "acceptance"."records" USING btree ("order_id", "round_no") `,
    );
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Duplicates never inflate a result. A batch's file (SHA-256) is kept once per order; a reading is unique within its
 * round's data revision by KPI, instant, value and event reference. Measurements carry their batch's revision (so the
 * uniqueness can say "within a revision"); existing corrections' readings get theirs with the append-only trigger
 * held off for that one statement, on the parent and on every partition (each holds a clone of the row trigger).
 * Data stored before this change that already repeats a file or a reading makes the unique indexes fail loudly.
 */
export class AcceptanceReadingDuplicates1795630000000 implements MigrationInterface {
  name = 'AcceptanceReadingDuplicates1795630000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "acceptance"."measurements" ADD "revision" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "acceptance"."measurements" ADD "ref" text NOT NULL DEFAULT ''`);
    await this.appendOnly(queryRunner, 'DISABLE');
    await queryRunner.query(
      `UPDATE "acceptance"."measurements" m SET "revision" = b."revision"
       FROM "acceptance"."measurement_batches" b WHERE b."id" = m."batch_id" AND b."revision" <> 1`,
    );
    await this.appendOnly(queryRunner, 'ENABLE');
    await queryRunner.query(
      `CREATE UNIQUE INDEX "measurement_batches_order_sha256_key" ON "acceptance"."measurement_batches"  ("order_id", "sha256") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "measurements_reading_key" ON "acceptance"."measurements"  ("order_id", "round_no", "revision", "kpi_key", "observed_at", "value", "ref") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "acceptance"."measurements_reading_key"`);
    await queryRunner.query(`DROP INDEX "acceptance"."measurement_batches_order_sha256_key"`);
    await queryRunner.query(`ALTER TABLE "acceptance"."measurements" DROP COLUMN "ref"`);
    await queryRunner.query(`ALTER TABLE "acceptance"."measurements" DROP COLUMN "revision"`);
  }

  private async appendOnly(queryRunner: QueryRunner, action: 'ENABLE' | 'DISABLE'): Promise<void> {
    await queryRunner.query(`
      DO $$
      DECLARE t regclass;
      BEGIN
        FOR t IN SELECT 'acceptance.measurements'::regclass
                 UNION ALL SELECT inhrelid::regclass FROM pg_inherits
                           WHERE inhparent = 'acceptance.measurements'::regclass
        LOOP
          EXECUTE format('ALTER TABLE %s ${action} TRIGGER acceptance_measurements_append_only', t);
        END LOOP;
      END $$`);
  }
}

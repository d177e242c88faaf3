import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Measurements become a table range-partitioned by month of `observed_at`, each point keeps its line in the raw file,
 * and a batch records where its raw file is kept, what was refused and its Idempotency-Key.
 *
 * Partitions are created on demand by `acceptance.ensure_measurement_partitions(from, to)`, which the upload calls
 * for its round's window in a short transaction of its own before any row is read; every valid row falls inside
 * that window. There is deliberately no DEFAULT partition: rows parked there would make creating the matching
 * month's partition fail later, and a missing partition should fail loudly instead of filling a catch-all.
 */
export class AcceptanceMeasurementPartitions1795462400000 implements MigrationInterface {
  name = 'AcceptanceMeasurementPartitions1795462400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "acceptance"."measurements" RENAME TO "measurements_unpartitioned"`);
    await queryRunner.query(
      `ALTER INDEX "acceptance"."measurements_series_idx" RENAME TO "measurements_unpartitioned_series_idx"`,
    );
    await queryRunner.query(
      `ALTER TABLE "acceptance"."measurements_unpartitioned" RENAME CONSTRAINT "PK_3c0e7812563f27fd68e8271661b" TO "measurements_unpartitioned_pkey"`,
    );
    await queryRunner.query(`ALTER SEQUENCE "acceptance"."measurements_id_seq" OWNED BY NONE`);
    await queryRunner.query(
      `CREATE TABLE "acceptance"."measurements" ("id" bigint NOT NULL DEFAULT nextval('"acceptance"."measurements_id_seq"'), "observed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "batch_id" uuid NOT NULL, "order_id" uuid NOT NULL, "round_no" integer NOT NULL, "kpi_key" text NOT NULL, "value" numeric NOT NULL, "line_no" integer NOT NULL, CONSTRAINT "PK_71fc908f512c3884e979559b060" PRIMARY KEY ("id", "observed_at")) PARTITION BY RANGE ("observed_at")`,
    );
    await queryRunner.query(
      `ALTER SEQUENCE "acceptance"."measurements_id_seq" OWNED BY "acceptance"."measurements"."id"`,
    );
    await queryRunner.query(
      `CREATE INDEX "measurements_series_idx" ON "acceptance"."measurements" ("order_id", "round_no", "kpi_key", "observed_at")`,
    );
    await queryRunner.query(
      `CREATE TRIGGER acceptance_measurements_append_only BEFORE UPDATE OR DELETE ON acceptance.measurements FOR EACH ROW EXECUTE FUNCTION platform.forbid_mutation()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER acceptance_measurements_no_truncate BEFORE TRUNCATE ON acceptance.measurements FOR EACH STATEMENT EXECUTE FUNCTION platform.forbid_mutation()`,
    );
    // Row triggers are cloned onto partitions; the TRUNCATE trigger is not, so each partition gets its own.
    await queryRunner.query(`
      CREATE FUNCTION acceptance.ensure_measurement_partitions(from_ts timestamptz, to_ts timestamptz)
      RETURNS void LANGUAGE plpgsql AS $$
      DECLARE month timestamptz; name text;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('acceptance.measurements partitions'));
        month := date_trunc('month', from_ts AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
        WHILE month <= to_ts LOOP
          name := 'measurements_' || to_char(month AT TIME ZONE 'UTC', 'YYYY"m"MM');
          IF to_regclass('acceptance.' || name) IS NULL THEN
            EXECUTE format('CREATE TABLE acceptance.%I PARTITION OF acceptance.measurements FOR VALUES FROM (%L) TO (%L)',
                           name, month, month + interval '1 month');
            EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON acceptance.%I FOR EACH STATEMENT EXECUTE FUNCTION platform.forbid_mutation()',
                           name || '_no_truncate', name);
          END IF;
          month := month + interval '1 month';
        END LOOP;
      END $$`);
    await queryRunner.query(`
      SELECT acceptance.ensure_measurement_partitions(min(observed_at), max(observed_at))
      FROM acceptance.measurements_unpartitioned HAVING count(*) > 0`);
    await queryRunner.query(
      `INSERT INTO "acceptance"."measurements" ("id", "observed_at", "batch_id", "order_id", "round_no", "kpi_key", "value", "line_no")
       SELECT "id", "observed_at", "batch_id", "order_id", "round_no", "kpi_key", "value",
              row_number() OVER (PARTITION BY "batch_id" ORDER BY "id")
       FROM "acceptance"."measurements_unpartitioned"`,
    );
    await queryRunner.query(`DROP TABLE "acceptance"."measurements_unpartitioned"`);

    await queryRunner.query(
      `ALTER TABLE "acceptance"."measurement_batches" ADD "rejected_count" integer NOT NULL DEFAULT '0'`,
    );
    await queryRunner.query(`ALTER TABLE "acceptance"."measurement_batches" ADD "problems" jsonb`);
    await queryRunner.query(`ALTER TABLE "acceptance"."measurement_batches" ADD "storage_key" text`);
    await queryRunner.query(`ALTER TABLE "acceptance"."measurement_batches" ADD "byte_size" bigint`);
    await queryRunner.query(`ALTER TABLE "acceptance"."measurement_batches" ADD "idempotency_key" text`);
    await queryRunner.query(`ALTER TABLE "acceptance"."measurement_batches" ADD "request_hash" text`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "measurement_batches_idempotency_key" ON "acceptance"."measurement_batches" ("organisation_id", "idempotency_key") WHERE idempotency_key IS NOT NULL`,
    );
  }

  public down(): Promise<void> {
    return Promise.reject(new Error('Forward-only: partitioned measurements are not converted back.'));
  }
}

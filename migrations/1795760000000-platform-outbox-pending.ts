import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Unpublished outbox rows are listed in their own table instead of by a null `published_at`: publishing a row then
 * deletes its entry rather than rewriting the row (a column in an index predicate rules out a HOT update, so each
 * publish wrote the whole row again and new entries in its primary key and job id indexes).
 */
export class PlatformOutboxPending1795760000000 implements MigrationInterface {
  name = 'PlatformOutboxPending1795760000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "platform"."outbox_pending" ("id" bigint NOT NULL, CONSTRAINT "PK_ced81e3c820032884d9db775a22" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `INSERT INTO platform.outbox_pending (id) SELECT id FROM platform.outbox WHERE published_at IS NULL`,
    );
    await queryRunner.query(`DROP INDEX "platform"."outbox_unpublished_idx"`);
    await queryRunner.query(`ALTER TABLE "platform"."outbox" DROP COLUMN "published_at"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "platform"."outbox" ADD "published_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `UPDATE platform.outbox o SET published_at = now()
       WHERE NOT EXISTS (SELECT 1 FROM platform.outbox_pending p WHERE p.id = o.id)`,
    );
    await queryRunner.query(
      `CREATE INDEX "outbox_unpublished_idx" ON "platform"."outbox"  ("id") WHERE published_at IS NULL`,
    );
    await queryRunner.query(`DROP TABLE "platform"."outbox_pending"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class CatalogRecheckMarks1795640000000 implements MigrationInterface {
  name = 'CatalogRecheckMarks1795640000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "catalog"."solutions" ADD "recheck_opened_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "catalog"."listings" ADD "under_recheck" boolean NOT NULL DEFAULT false`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "catalog"."listings" DROP COLUMN "under_recheck"`);
    await queryRunner.query(`ALTER TABLE "catalog"."solutions" DROP COLUMN "recheck_opened_at"`);
  }
}

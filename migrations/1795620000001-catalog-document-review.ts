import { MigrationInterface, QueryRunner } from 'typeorm';

export class CatalogDocumentReview1795620000001 implements MigrationInterface {
  name = 'CatalogDocumentReview1795620000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "catalog"."documents" ADD "review_status" text NOT NULL DEFAULT 'ACCEPTED'`);
    await queryRunner.query(`ALTER TABLE "catalog"."documents" ADD "review_reason" text`);
    await queryRunner.query(`ALTER TABLE "catalog"."documents" ADD "reviewed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE INDEX "documents_pending_idx" ON "catalog"."documents"  ("review_status") WHERE review_status = 'PENDING'`,
    );
    await queryRunner.query(
      `ALTER TABLE "catalog"."documents" ADD CONSTRAINT "documents_review_status_check" CHECK (review_status IN ('ACCEPTED', 'PENDING', 'REJECTED'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "catalog"."documents" DROP CONSTRAINT "documents_review_status_check"`);
    await queryRunner.query(`DROP INDEX "catalog"."documents_pending_idx"`);
    await queryRunner.query(`ALTER TABLE "catalog"."documents" DROP COLUMN "reviewed_at"`);
    await queryRunner.query(`ALTER TABLE "catalog"."documents" DROP COLUMN "review_reason"`);
    await queryRunner.query(`ALTER TABLE "catalog"."documents" DROP COLUMN "review_status"`);
  }
}

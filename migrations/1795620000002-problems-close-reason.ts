import { MigrationInterface, QueryRunner } from 'typeorm';

export class ProblemsCloseReason1795620000002 implements MigrationInterface {
  name = 'ProblemsCloseReason1795620000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "problems"."problems" ADD "closed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "problems"."problems" ADD "close_reason" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "problems"."problems" DROP COLUMN "close_reason"`);
    await queryRunner.query(`ALTER TABLE "problems"."problems" DROP COLUMN "closed_at"`);
  }
}

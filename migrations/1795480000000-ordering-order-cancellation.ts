import { MigrationInterface, QueryRunner } from 'typeorm';

export class OrderingOrderCancellation1795480000000 implements MigrationInterface {
  name = 'OrderingOrderCancellation1795480000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ordering"."orders" ADD "cancelled_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "ordering"."orders" ADD "cancellation_reason" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ordering"."orders" DROP COLUMN "cancellation_reason"`);
    await queryRunner.query(`ALTER TABLE "ordering"."orders" DROP COLUMN "cancelled_at"`);
  }
}

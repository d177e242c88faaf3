import { MigrationInterface, QueryRunner } from 'typeorm';

export class AcceptanceDeliveryRecords1795482000000 implements MigrationInterface {
  name = 'AcceptanceDeliveryRecords1795482000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "acceptance"."records" ADD "delivery_note" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "acceptance"."records" DROP COLUMN "delivery_note"`);
  }
}

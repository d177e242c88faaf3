import { MigrationInterface, QueryRunner } from 'typeorm';

export class PlatformOutboxCoalesceKey1795476000000 implements MigrationInterface {
  name = 'PlatformOutboxCoalesceKey1795476000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "platform"."outbox" ADD "coalesce_key" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "platform"."outbox" DROP COLUMN "coalesce_key"`);
  }
}

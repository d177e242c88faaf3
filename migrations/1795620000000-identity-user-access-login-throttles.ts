import { MigrationInterface, QueryRunner } from 'typeorm';

export class IdentityUserAccessLoginThrottles1795620000000 implements MigrationInterface {
  name = 'IdentityUserAccessLoginThrottles1795620000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "identity"."login_throttles" ("key" text NOT NULL, "failures" integer NOT NULL, "window_started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "blocked_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_366650e3560115bd25315ca53d0" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(`ALTER TABLE "identity"."users" ADD "token_version" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "identity"."users" ADD "disabled_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "identity"."users" DROP COLUMN "disabled_at"`);
    await queryRunner.query(`ALTER TABLE "identity"."users" DROP COLUMN "token_version"`);
    await queryRunner.query(`DROP TABLE "identity"."login_throttles"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class IdentityStaleThrottleIndex1795690000000 implements MigrationInterface {
  name = 'IdentityStaleThrottleIndex1795690000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_30f1fbcd75479a6ba2ad5c8a95" ON "identity"."login_throttles"  ("window_started_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "identity"."IDX_30f1fbcd75479a6ba2ad5c8a95"`);
  }
}

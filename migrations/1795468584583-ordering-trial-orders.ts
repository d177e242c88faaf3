import { MigrationInterface, QueryRunner } from 'typeorm';

export class OrderingTrialOrders1795468584583 implements MigrationInterface {
  name = 'OrderingTrialOrders1795468584583';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ordering"."orders" ADD "trial" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`DROP INDEX "ordering"."orders_call_key"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "orders_call_key" ON "ordering"."orders"  ("call_id") WHERE NOT trial`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "orders_call_trial_key" ON "ordering"."orders"  ("call_id", "vendor_organisation_id") WHERE trial`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ordering"."orders_call_trial_key"`);
    await queryRunner.query(`DROP INDEX "ordering"."orders_call_key"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "orders_call_key" ON "ordering"."orders"  ("call_id") `);
    await queryRunner.query(`ALTER TABLE "ordering"."orders" DROP COLUMN "trial"`);
  }
}

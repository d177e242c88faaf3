import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Settlement becomes its own module: its table moves to its own schema (with its append-only triggers and published
 * view), and settlement jobs not yet relayed become the acceptance's "record payable" events settlement handles.
 */
export class SettlementSchema1795710000000 implements MigrationInterface {
  name = 'SettlementSchema1795710000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS "settlement"`);
    await queryRunner.query(`DROP VIEW acceptance.settlements_view`);
    await queryRunner.query(`ALTER TABLE acceptance.settlements SET SCHEMA settlement`);
    for (const kind of ['append_only', 'no_truncate'])
      await queryRunner.query(
        `ALTER TRIGGER acceptance_settlements_${kind} ON settlement.settlements RENAME TO settlement_settlements_${kind}`,
      );
    await queryRunner.query(
      `CREATE VIEW settlement.settlements_view AS
       SELECT id, order_id, round_no, vendor_organisation_id, amount, settled_at FROM settlement.settlements`,
    );
    await queryRunner.query(
      `UPDATE platform.outbox
       SET queue = 'record-events', job_name = 'record-payable',
           job_id = 'record-payable' || substr(job_id, length('settle-round') + 1),
           coalesce_key = 'record-payable' || substr(coalesce_key, length('settle-round') + 1)
       WHERE published_at IS NULL AND queue = 'acceptance' AND job_name = 'settle-round'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE platform.outbox
       SET queue = 'acceptance', job_name = 'settle-round',
           job_id = 'settle-round' || substr(job_id, length('record-payable') + 1),
           coalesce_key = 'settle-round' || substr(coalesce_key, length('record-payable') + 1)
       WHERE published_at IS NULL AND queue = 'record-events' AND job_name = 'record-payable'`,
    );
    await queryRunner.query(`DROP VIEW settlement.settlements_view`);
    for (const kind of ['append_only', 'no_truncate'])
      await queryRunner.query(
        `ALTER TRIGGER settlement_settlements_${kind} ON settlement.settlements RENAME TO acceptance_settlements_${kind}`,
      );
    await queryRunner.query(`ALTER TABLE settlement.settlements SET SCHEMA acceptance`);
    await queryRunner.query(
      `CREATE VIEW acceptance.settlements_view AS
       SELECT id, order_id, round_no, vendor_organisation_id, amount, settled_at FROM acceptance.settlements`,
    );
    await queryRunner.query(`DROP SCHEMA "settlement"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/** Identity publishes a vendor's tax code beside its name: both are public facts of a business (catalogue search). */
export class OrganisationsViewTaxCode1795720000000 implements MigrationInterface {
  name = 'OrganisationsViewTaxCode1795720000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE OR REPLACE VIEW identity.organisations_view AS SELECT id, name, tax_code FROM identity.organisations`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW identity.organisations_view`);
    await queryRunner.query(`CREATE VIEW identity.organisations_view AS SELECT id, name FROM identity.organisations`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class CompetitionOfferRoundShares1795483000001 implements MigrationInterface {
  name = 'CompetitionOfferRoundShares1795483000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "competition"."offers" ADD "round_shares_bp" integer array`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "competition"."offers" DROP COLUMN "round_shares_bp"`);
  }
}

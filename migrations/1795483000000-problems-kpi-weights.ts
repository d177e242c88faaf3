import { MigrationInterface, QueryRunner } from 'typeorm';

export class ProblemsKpiWeights1795483000000 implements MigrationInterface {
  name = 'ProblemsKpiWeights1795483000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "problems"."problem_kpis" ADD "weight_bp" integer`);
    await queryRunner.query(
      `ALTER TABLE "problems"."problem_kpis" ADD CONSTRAINT "problem_kpis_weight_bp" CHECK (weight_bp BETWEEN 1 AND 10000)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "problems"."problem_kpis" DROP CONSTRAINT "problem_kpis_weight_bp"`);
    await queryRunner.query(`ALTER TABLE "problems"."problem_kpis" DROP COLUMN "weight_bp"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class PrecheckAwaitingAssessors1795468678507 implements MigrationInterface {
  name = 'PrecheckAwaitingAssessors1795468678507';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // A submission waiting for assessors is open too: still at most one open submission per solution.
    await queryRunner.query(`DROP INDEX "precheck"."submissions_one_open_per_solution"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "submissions_one_open_per_solution" ON "precheck"."submissions" ("solution_id") WHERE status IN ('SUBMITTED', 'UNDER_REVIEW')`,
    );
    await queryRunner.query(
      `CREATE INDEX "submissions_awaiting_assignment_idx" ON "precheck"."submissions" ("created_at") WHERE status = 'SUBMITTED'`,
    );
    // Assessors assigned before document access was recorded keep reading the documents they reviewed.
    await queryRunner.query(
      `INSERT INTO catalog.document_reviewers (solution_id, user_id)
       SELECT DISTINCT s.solution_id, a.assessor_user_id FROM precheck.assignments a
       JOIN precheck.submissions s ON s.id = a.submission_id
       ON CONFLICT DO NOTHING`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "precheck"."submissions_awaiting_assignment_idx"`);
    await queryRunner.query(`DROP INDEX "precheck"."submissions_one_open_per_solution"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "submissions_one_open_per_solution" ON "precheck"."submissions" ("solution_id") WHERE status = 'UNDER_REVIEW'`,
    );
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class RankingOutcomeFacts1795700000000 implements MigrationInterface {
  name = 'RankingOutcomeFacts1795700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "ranking"."outcome_facts" ("order_id" uuid NOT NULL, "vendor_organisation_id" uuid NOT NULL, "category_code" text NOT NULL, "value" bigint NOT NULL, "x" double precision NOT NULL, CONSTRAINT "PK_ranking_outcome_facts" PRIMARY KEY ("order_id"), CONSTRAINT "CHK_ranking_outcome_facts_x" CHECK ("x" >= 0 AND "x" <= 1), CONSTRAINT "CHK_ranking_outcome_facts_value" CHECK ("value" >= 0))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ranking_outcome_facts_vendor" ON "ranking"."outcome_facts" ("vendor_organisation_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ranking_outcome_facts_category_value" ON "ranking"."outcome_facts" ("category_code", "value") INCLUDE ("x")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ranking_outcome_facts_value" ON "ranking"."outcome_facts" ("value") INCLUDE ("x")`,
    );
    // the closed orders so far, x as the trust score defines it (outcome money earned, delivery share left out)
    await queryRunner.query(`
      INSERT INTO "ranking"."outcome_facts" (order_id, vendor_organisation_id, category_code, value, x)
      SELECT o.id, o.vendor_organisation_id, p.category_code, o.max_amount,
             CASE WHEN o.max_amount * (10000 - d.bp) <= 0 THEN 0
                  ELSE least(1, greatest(0, (10000 * coalesce(s.paid, 0) - CASE WHEN s.delivered THEN o.max_amount * d.bp ELSE 0 END)
                                            / (o.max_amount * (10000 - d.bp))::numeric)) END
      FROM ordering.orders o
      JOIN problems.problems p ON p.id = (o.terms ->> 'problemId')::uuid
      CROSS JOIN LATERAL (SELECT coalesce((o.terms ->> 'deliveryShareBp')::int, 0) AS bp) d
      LEFT JOIN (SELECT order_id, sum(amount) AS paid, bool_or(round_no = 0) AS delivered
                 FROM acceptance.settlements GROUP BY order_id) s ON s.order_id = o.id
      WHERE o.status = 'CLOSED'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "ranking"."outcome_facts"`);
  }
}

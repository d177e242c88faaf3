import { MigrationInterface, QueryRunner } from 'typeorm';

export class FoundationSchema1795460000000 implements MigrationInterface {
  name = 'FoundationSchema1795460000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS "platform"`);
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS "audit"`);
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS "identity"`);
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS "ledger"`);
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS "catalog"`);
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS "precheck"`);
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS "problems"`);
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS "competition"`);
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS "ordering"`);
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS "acceptance"`);
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS "ranking"`);
    await queryRunner.query(
      `CREATE TABLE "acceptance"."records" ("id" uuid NOT NULL, "order_id" uuid NOT NULL, "round_no" integer NOT NULL, "status" text NOT NULL, "results" jsonb NOT NULL, "earned_cumulative" bigint NOT NULL, "batch_hashes" text array NOT NULL, "record_hash" text NOT NULL, "evaluated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_188149422ee2454660abf1d5ee5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "records_order_round_key" ON "acceptance"."records"  ("order_id", "round_no") `,
    );
    await queryRunner.query(
      `CREATE TABLE "audit"."events" ("seq" BIGSERIAL NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_user_id" uuid, "actor_organisation_id" uuid, "entity_type" text NOT NULL, "entity_id" text NOT NULL, "action" text NOT NULL, "before" jsonb, "after" jsonb, "prev_hash" text NOT NULL, "hash" text NOT NULL, CONSTRAINT "PK_44840d7c5944a3bfbf21a6113d8" PRIMARY KEY ("seq"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "audit_events_entity_idx" ON "audit"."events"  ("entity_type", "entity_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ordering"."orders" ("id" uuid NOT NULL, "call_id" uuid NOT NULL, "agency_organisation_id" uuid NOT NULL, "vendor_organisation_id" uuid NOT NULL, "status" text NOT NULL, "max_amount" bigint NOT NULL, "terms" jsonb NOT NULL, "terms_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "activated_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "orders_max_amount_positive" CHECK (max_amount > 0), CONSTRAINT "PK_710e2d4957aa5878dfe94e4ac2f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "orders_call_key" ON "ordering"."orders"  ("call_id") `);
    await queryRunner.query(`CREATE INDEX "orders_agency_idx" ON "ordering"."orders"  ("agency_organisation_id") `);
    await queryRunner.query(`CREATE INDEX "orders_vendor_idx" ON "ordering"."orders"  ("vendor_organisation_id") `);
    await queryRunner.query(
      `CREATE TABLE "identity"."api_keys" ("id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "role" text NOT NULL, "name" text NOT NULL, "key_hash" text NOT NULL, "prefix" text NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "api_keys_organisation_idx" ON "identity"."api_keys"  ("organisation_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "api_keys_key_hash_key" ON "identity"."api_keys"  ("key_hash") `);
    await queryRunner.query(
      `CREATE TABLE "identity"."organisations" ("id" uuid NOT NULL, "type" text NOT NULL, "name" text NOT NULL, "tax_code" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7bf54cba378d5b2f1d4c10ef4df" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "organisations_tax_code_key" ON "identity"."organisations"  ("tax_code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "identity"."users" ("id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "email" text NOT NULL, "full_name" text NOT NULL, "password_hash" text NOT NULL, "roles" text array NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "users_organisation_idx" ON "identity"."users"  ("organisation_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "users_email_key" ON "identity"."users"  ("email") `);
    await queryRunner.query(
      `CREATE TABLE "platform"."outbox" ("id" BIGSERIAL NOT NULL, "queue" text NOT NULL, "job_name" text NOT NULL, "job_id" text NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "outbox_job_id_key" ON "platform"."outbox"  ("job_id") `);
    await queryRunner.query(
      `CREATE INDEX "outbox_unpublished_idx" ON "platform"."outbox"  ("id") WHERE published_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "ordering"."signatures" ("order_id" uuid NOT NULL, "party" text NOT NULL, "organisation_id" uuid NOT NULL, "user_id" uuid, "terms_hash" text NOT NULL, "signed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e2329fa7b2ef36f8559314988ff" PRIMARY KEY ("order_id", "party"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "competition"."calls" ("id" uuid NOT NULL, "problem_id" uuid NOT NULL, "agency_organisation_id" uuid NOT NULL, "status" text NOT NULL, "deadline" TIMESTAMP WITH TIME ZONE NOT NULL, "eligible_solution_ids" uuid array NOT NULL, "awarded_offer_id" uuid, "award_justification" text, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d9171d91f8dd1a649659f1b6a20" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "calls_problem_idx" ON "competition"."calls"  ("problem_id") `);
    await queryRunner.query(`CREATE INDEX "calls_agency_idx" ON "competition"."calls"  ("agency_organisation_id") `);
    await queryRunner.query(
      `CREATE TABLE "problems"."problems" ("id" uuid NOT NULL, "code" text NOT NULL, "agency_organisation_id" uuid NOT NULL, "title_vi" text NOT NULL, "title_en" text NOT NULL, "category_code" text NOT NULL, "status" text NOT NULL, "budget_envelope" bigint NOT NULL, "outcome_share_bp" integer NOT NULL, "deadline" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "problems_budget_envelope" CHECK (budget_envelope >= 0), CONSTRAINT "problems_outcome_share_bp" CHECK (outcome_share_bp BETWEEN 0 AND 10000), CONSTRAINT "PK_b3994afba6ab64a42cda1ccaeff" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "problems_code_key" ON "problems"."problems"  ("code") `);
    await queryRunner.query(`CREATE INDEX "problems_agency_idx" ON "problems"."problems"  ("agency_organisation_id") `);
    await queryRunner.query(
      `CREATE TABLE "problems"."problem_kpis" ("id" uuid NOT NULL, "problem_id" uuid NOT NULL, "code" text NOT NULL, "name_vi" text NOT NULL, "name_en" text NOT NULL, "unit" text NOT NULL, "direction" text NOT NULL, "comparator" text NOT NULL, "binary" boolean NOT NULL DEFAULT false, "baseline" numeric, "target" numeric NOT NULL, "measurement_period" text NOT NULL, "data_source" text NOT NULL, CONSTRAINT "PK_419d5857b765f1d456afd6ee687" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "problem_kpis_code_key" ON "problems"."problem_kpis"  ("problem_id", "code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "catalog"."categories" ("code" text NOT NULL, "name_vi" text NOT NULL, "name_en" text NOT NULL, CONSTRAINT "PK_77d7eff8a7aaa05457a12b8007a" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "catalog"."solutions" ("id" uuid NOT NULL, "vendor_organisation_id" uuid NOT NULL, "name" text NOT NULL, "summary" text NOT NULL, "category_code" text NOT NULL, "status" text NOT NULL, "listed_at" TIMESTAMP WITH TIME ZONE, "listing_expires_at" TIMESTAMP WITH TIME ZONE, "quality_score" smallint, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_05589f12803f420b119df2f6170" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "solutions_vendor_idx" ON "catalog"."solutions"  ("vendor_organisation_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "solutions_category_status_idx" ON "catalog"."solutions"  ("category_code", "status") `,
    );
    await queryRunner.query(
      `CREATE TABLE "catalog"."solution_kpis" ("id" uuid NOT NULL, "solution_id" uuid NOT NULL, "metric" text NOT NULL, "unit" text NOT NULL, "direction" text NOT NULL, "data_source" text NOT NULL, "measurement_method" text NOT NULL, "aggregation" text NOT NULL, "frequency" text NOT NULL, "baseline_method" text NOT NULL, "minimum_sample" integer NOT NULL, "evidence_format" text NOT NULL, CONSTRAINT "PK_30dcd8fdcb49d1fbdbdf0d5bb53" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "solution_kpis_solution_idx" ON "catalog"."solution_kpis"  ("solution_id") `);
    await queryRunner.query(
      `CREATE TABLE "competition"."offers" ("id" uuid NOT NULL, "call_id" uuid NOT NULL, "solution_id" uuid NOT NULL, "vendor_organisation_id" uuid NOT NULL, "status" text NOT NULL, "price" bigint NOT NULL, "kpi_commitments" jsonb NOT NULL, "duration_days" integer NOT NULL, "rounds" integer NOT NULL, "delivery_share_bp" integer NOT NULL DEFAULT '0', "floor_bp" integer NOT NULL DEFAULT '5000', "accepts_poc_elimination" boolean NOT NULL DEFAULT true, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "offers_floor" CHECK (floor_bp BETWEEN 0 AND 10000), CONSTRAINT "offers_delivery_share" CHECK (delivery_share_bp BETWEEN 0 AND 3000), CONSTRAINT "offers_price_positive" CHECK (price > 0), CONSTRAINT "PK_4c88e956195bba85977da21b8f4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "offers_call_idx" ON "competition"."offers"  ("call_id") `);
    await queryRunner.query(`CREATE INDEX "offers_vendor_idx" ON "competition"."offers"  ("vendor_organisation_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "offers_one_live_per_solution" ON "competition"."offers"  ("call_id", "solution_id") WHERE status = 'SUBMITTED'`,
    );
    await queryRunner.query(
      `CREATE TABLE "ledger"."accounts" ("id" uuid NOT NULL, "code" text NOT NULL, "kind" text NOT NULL, "owner_id" uuid, "may_go_negative" boolean NOT NULL DEFAULT false, "balance" bigint NOT NULL DEFAULT '0', "version" bigint NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "accounts_no_overdraw" CHECK (may_go_negative OR balance >= 0), CONSTRAINT "PK_5a7a02c20412299d198e097a8fe" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "accounts_code_key" ON "ledger"."accounts"  ("code") `);
    await queryRunner.query(`CREATE INDEX "accounts_owner_idx" ON "ledger"."accounts"  ("owner_id") `);
    await queryRunner.query(
      `CREATE TABLE "ledger"."transfers" ("id" uuid NOT NULL, "kind" text NOT NULL, "memo" text, "metadata" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f712e908b465e0085b4408cabc3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "ledger"."postings" ("id" BIGSERIAL NOT NULL, "transfer_id" uuid NOT NULL, "account_id" uuid NOT NULL, "amount" bigint NOT NULL, "balance_after" bigint NOT NULL, "account_version" bigint NOT NULL, CONSTRAINT "postings_amount_nonzero" CHECK (amount <> 0), CONSTRAINT "PK_6bdb1a5dc47d018aa7877aa9ffb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "postings_account_version_key" ON "ledger"."postings"  ("account_id", "account_version") `,
    );
    await queryRunner.query(`CREATE INDEX "postings_transfer_idx" ON "ledger"."postings"  ("transfer_id") `);
    await queryRunner.query(`CREATE INDEX "postings_account_idx" ON "ledger"."postings"  ("account_id", "id") `);
    await queryRunner.query(
      `CREATE TABLE "acceptance"."measurement_batches" ("id" uuid NOT NULL, "order_id" uuid NOT NULL, "round_no" integer NOT NULL, "format" text NOT NULL, "sha256" text NOT NULL, "row_count" integer NOT NULL, "organisation_id" uuid NOT NULL, "uploaded_by_user_id" uuid, "uploaded_by_api_key_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e3e717d020f50d4d443c820c507" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "measurement_batches_round_idx" ON "acceptance"."measurement_batches"  ("order_id", "round_no") `,
    );
    await queryRunner.query(
      `CREATE TABLE "acceptance"."measurements" ("id" BIGSERIAL NOT NULL, "batch_id" uuid NOT NULL, "order_id" uuid NOT NULL, "round_no" integer NOT NULL, "kpi_key" text NOT NULL, "observed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "value" numeric NOT NULL, CONSTRAINT "PK_3c0e7812563f27fd68e8271661b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "measurements_series_idx" ON "acceptance"."measurements"  ("order_id", "round_no", "kpi_key", "observed_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "acceptance"."settlements" ("id" uuid NOT NULL, "order_id" uuid NOT NULL, "round_no" integer NOT NULL, "vendor_organisation_id" uuid NOT NULL, "amount" bigint NOT NULL, "paid_cumulative" bigint NOT NULL, "transfer_id" uuid, "settled_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "settlements_amount_non_negative" CHECK (amount >= 0), CONSTRAINT "PK_5f523ce152b84e818bff9467aab" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "settlements_order_round_key" ON "acceptance"."settlements"  ("order_id", "round_no") `,
    );
    await queryRunner.query(
      `CREATE TABLE "precheck"."submissions" ("id" uuid NOT NULL, "solution_id" uuid NOT NULL, "vendor_organisation_id" uuid NOT NULL, "status" text NOT NULL, "score" smallint, "reason" text, "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_10b3be95b8b2fb1e482e07d706b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "submissions_vendor_idx" ON "precheck"."submissions"  ("vendor_organisation_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "submissions_one_open_per_solution" ON "precheck"."submissions"  ("solution_id") WHERE status = 'UNDER_REVIEW'`,
    );
    await queryRunner.query(
      `CREATE TABLE "ranking"."trust_snapshots" ("id" uuid NOT NULL, "vendor_organisation_id" uuid NOT NULL, "alpha" double precision NOT NULL, "beta" double precision NOT NULL, "expected" double precision NOT NULL, "lower_bound" double precision NOT NULL, "effective_evidence" double precision NOT NULL, "label" text NOT NULL, "is_new" boolean NOT NULL, "inputs" jsonb NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_b07287c5966861cb490ce9fb716" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "trust_snapshots_vendor_idx" ON "ranking"."trust_snapshots"  ("vendor_organisation_id", "computed_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "problems"."problem_kpis" ADD CONSTRAINT "FK_2b1a2c53c9a2aafbcf0f9a8f980" FOREIGN KEY ("problem_id") REFERENCES "problems"."problems"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "catalog"."solution_kpis" ADD CONSTRAINT "FK_31e31e12f655f59f43eda6a72a4" FOREIGN KEY ("solution_id") REFERENCES "catalog"."solutions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ledger"."postings" ADD CONSTRAINT "FK_08ef710a90989383d2a9bed0d11" FOREIGN KEY ("transfer_id") REFERENCES "ledger"."transfers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ledger"."postings" ADD CONSTRAINT "FK_ac1cc8f2427d2c734232fffc10b" FOREIGN KEY ("account_id") REFERENCES "ledger"."accounts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ledger"."postings" DROP CONSTRAINT "FK_ac1cc8f2427d2c734232fffc10b"`);
    await queryRunner.query(`ALTER TABLE "ledger"."postings" DROP CONSTRAINT "FK_08ef710a90989383d2a9bed0d11"`);
    await queryRunner.query(`ALTER TABLE "catalog"."solution_kpis" DROP CONSTRAINT "FK_31e31e12f655f59f43eda6a72a4"`);
    await queryRunner.query(`ALTER TABLE "problems"."problem_kpis" DROP CONSTRAINT "FK_2b1a2c53c9a2aafbcf0f9a8f980"`);
    await queryRunner.query(`DROP INDEX "ranking"."trust_snapshots_vendor_idx"`);
    await queryRunner.query(`DROP TABLE "ranking"."trust_snapshots"`);
    await queryRunner.query(`DROP INDEX "precheck"."submissions_one_open_per_solution"`);
    await queryRunner.query(`DROP INDEX "precheck"."submissions_vendor_idx"`);
    await queryRunner.query(`DROP TABLE "precheck"."submissions"`);
    await queryRunner.query(`DROP INDEX "acceptance"."settlements_order_round_key"`);
    await queryRunner.query(`DROP TABLE "acceptance"."settlements"`);
    await queryRunner.query(`DROP INDEX "acceptance"."measurements_series_idx"`);
    await queryRunner.query(`DROP TABLE "acceptance"."measurements"`);
    await queryRunner.query(`DROP INDEX "acceptance"."measurement_batches_round_idx"`);
    await queryRunner.query(`DROP TABLE "acceptance"."measurement_batches"`);
    await queryRunner.query(`DROP INDEX "ledger"."postings_account_idx"`);
    await queryRunner.query(`DROP INDEX "ledger"."postings_transfer_idx"`);
    await queryRunner.query(`DROP INDEX "ledger"."postings_account_version_key"`);
    await queryRunner.query(`DROP TABLE "ledger"."postings"`);
    await queryRunner.query(`DROP TABLE "ledger"."transfers"`);
    await queryRunner.query(`DROP INDEX "ledger"."accounts_owner_idx"`);
    await queryRunner.query(`DROP INDEX "ledger"."accounts_code_key"`);
    await queryRunner.query(`DROP TABLE "ledger"."accounts"`);
    await queryRunner.query(`DROP INDEX "competition"."offers_one_live_per_solution"`);
    await queryRunner.query(`DROP INDEX "competition"."offers_vendor_idx"`);
    await queryRunner.query(`DROP INDEX "competition"."offers_call_idx"`);
    await queryRunner.query(`DROP TABLE "competition"."offers"`);
    await queryRunner.query(`DROP INDEX "catalog"."solution_kpis_solution_idx"`);
    await queryRunner.query(`DROP TABLE "catalog"."solution_kpis"`);
    await queryRunner.query(`DROP INDEX "catalog"."solutions_category_status_idx"`);
    await queryRunner.query(`DROP INDEX "catalog"."solutions_vendor_idx"`);
    await queryRunner.query(`DROP TABLE "catalog"."solutions"`);
    await queryRunner.query(`DROP TABLE "catalog"."categories"`);
    await queryRunner.query(`DROP INDEX "problems"."problem_kpis_code_key"`);
    await queryRunner.query(`DROP TABLE "problems"."problem_kpis"`);
    await queryRunner.query(`DROP INDEX "problems"."problems_agency_idx"`);
    await queryRunner.query(`DROP INDEX "problems"."problems_code_key"`);
    await queryRunner.query(`DROP TABLE "problems"."problems"`);
    await queryRunner.query(`DROP INDEX "competition"."calls_agency_idx"`);
    await queryRunner.query(`DROP INDEX "competition"."calls_problem_idx"`);
    await queryRunner.query(`DROP TABLE "competition"."calls"`);
    await queryRunner.query(`DROP TABLE "ordering"."signatures"`);
    await queryRunner.query(`DROP INDEX "platform"."outbox_unpublished_idx"`);
    await queryRunner.query(`DROP INDEX "platform"."outbox_job_id_key"`);
    await queryRunner.query(`DROP TABLE "platform"."outbox"`);
    await queryRunner.query(`DROP INDEX "identity"."users_email_key"`);
    await queryRunner.query(`DROP INDEX "identity"."users_organisation_idx"`);
    await queryRunner.query(`DROP TABLE "identity"."users"`);
    await queryRunner.query(`DROP INDEX "identity"."organisations_tax_code_key"`);
    await queryRunner.query(`DROP TABLE "identity"."organisations"`);
    await queryRunner.query(`DROP INDEX "identity"."api_keys_key_hash_key"`);
    await queryRunner.query(`DROP INDEX "identity"."api_keys_organisation_idx"`);
    await queryRunner.query(`DROP TABLE "identity"."api_keys"`);
    await queryRunner.query(`DROP INDEX "ordering"."orders_vendor_idx"`);
    await queryRunner.query(`DROP INDEX "ordering"."orders_agency_idx"`);
    await queryRunner.query(`DROP INDEX "ordering"."orders_call_key"`);
    await queryRunner.query(`DROP TABLE "ordering"."orders"`);
    await queryRunner.query(`DROP INDEX "audit"."audit_events_entity_idx"`);
    await queryRunner.query(`DROP TABLE "audit"."events"`);
    await queryRunner.query(`DROP INDEX "acceptance"."records_order_round_key"`);
    await queryRunner.query(`DROP TABLE "acceptance"."records"`);
    await queryRunner.query(`DROP SCHEMA "ranking"`);
    await queryRunner.query(`DROP SCHEMA "acceptance"`);
    await queryRunner.query(`DROP SCHEMA "ordering"`);
    await queryRunner.query(`DROP SCHEMA "competition"`);
    await queryRunner.query(`DROP SCHEMA "problems"`);
    await queryRunner.query(`DROP SCHEMA "precheck"`);
    await queryRunner.query(`DROP SCHEMA "catalog"`);
    await queryRunner.query(`DROP SCHEMA "ledger"`);
    await queryRunner.query(`DROP SCHEMA "identity"`);
    await queryRunner.query(`DROP SCHEMA "audit"`);
    await queryRunner.query(`DROP SCHEMA "platform"`);
  }
}

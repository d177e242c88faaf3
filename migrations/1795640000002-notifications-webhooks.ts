import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationsWebhooks1795640000002 implements MigrationInterface {
  name = 'NotificationsWebhooks1795640000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notifications"."webhooks" ("id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "url" text NOT NULL, "secret" text NOT NULL, "created_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9e8795cfc899ab7bdaa831e8527" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "webhooks_organisation_idx" ON "notifications"."webhooks"  ("organisation_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "notifications"."webhook_deliveries" ("id" uuid NOT NULL, "webhook_id" uuid NOT NULL, "notification_id" uuid NOT NULL, "event" text NOT NULL, "body" text NOT NULL, "status" text NOT NULL, "replays" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "delivered_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "webhook_deliveries_status_check" CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')), CONSTRAINT "PK_535dd409947fb6d8fc6dfc0112a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "webhook_deliveries_webhook_idx" ON "notifications"."webhook_deliveries"  ("webhook_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "webhook_deliveries_notification_key" ON "notifications"."webhook_deliveries"  ("webhook_id", "notification_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "notifications"."webhook_attempts" ("id" uuid NOT NULL, "delivery_id" uuid NOT NULL, "status_code" integer, "error" text, "duration_ms" integer NOT NULL, "attempted_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_2de7e7887ad97de459adab62638" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "webhook_attempts_delivery_idx" ON "notifications"."webhook_attempts"  ("delivery_id", "attempted_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "notifications"."webhook_attempts_delivery_idx"`);
    await queryRunner.query(`DROP TABLE "notifications"."webhook_attempts"`);
    await queryRunner.query(`DROP INDEX "notifications"."webhook_deliveries_notification_key"`);
    await queryRunner.query(`DROP INDEX "notifications"."webhook_deliveries_webhook_idx"`);
    await queryRunner.query(`DROP TABLE "notifications"."webhook_deliveries"`);
    await queryRunner.query(`DROP INDEX "notifications"."webhooks_organisation_idx"`);
    await queryRunner.query(`DROP TABLE "notifications"."webhooks"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationsInbox1795462901177 implements MigrationInterface {
  name = 'NotificationsInbox1795462901177';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS "notifications"`);
    await queryRunner.query(
      `CREATE TABLE "notifications"."inbox" ("id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "kind" text NOT NULL, "subject_id" uuid NOT NULL, "message_vi" text NOT NULL, "message_en" text NOT NULL, "data" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_ab7abc299fab4bb4f965549c819" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "inbox_organisation_idx" ON "notifications"."inbox"  ("organisation_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "inbox_event_key" ON "notifications"."inbox"  ("kind", "subject_id", "organisation_id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "notifications"."inbox_event_key"`);
    await queryRunner.query(`DROP INDEX "notifications"."inbox_organisation_idx"`);
    await queryRunner.query(`DROP TABLE "notifications"."inbox"`);
    await queryRunner.query(`DROP SCHEMA "notifications"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The quality index carries each listing's text (INCLUDE search_vector), so a text search tests the best listings
 * inside the index: for a rare word, the 1,000 listings it reads before asking the text index were 1,000 heap pages
 * (0.9 ms with every page cached) and are now about 50 index pages (0.25 ms).
 */
export class CatalogQualityIndexText1795770000000 implements MigrationInterface {
  name = 'CatalogQualityIndexText1795770000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await this.qualityIndex(queryRunner, 'INCLUDE ("search_vector")');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await this.qualityIndex(queryRunner, '');
  }

  private async qualityIndex(queryRunner: QueryRunner, include: string): Promise<void> {
    await queryRunner.query(`DROP INDEX "catalog"."listings_status_quality_idx"`);
    await queryRunner.query(
      `CREATE INDEX "listings_status_quality_idx" ON "catalog"."listings" ("status", "quality_score", "solution_id") ${include}`,
    );
  }
}

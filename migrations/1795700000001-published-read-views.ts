import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The read views each module publishes for the others' read models (transparency's public pages, ranking's
 * dashboard and trust inputs, acceptance's sweeps over orders): the columns named here are a stable contract, and a
 * module reads another module's data only through them, never its tables.
 */
const VIEWS: Record<string, string[]> = {
  'identity.organisations': ['id', 'name'],
  'problems.problems': [
    'id',
    'code',
    'agency_organisation_id',
    'title_vi',
    'title_en',
    'category_code',
    'budget_envelope',
    'outcome_share_bp',
    'deadline',
    'published_at',
  ],
  'problems.problem_kpis': [
    'problem_id',
    'code',
    'name_vi',
    'name_en',
    'unit',
    'direction',
    'baseline',
    'target',
    'weight_bp',
  ],
  'catalog.solutions': ['id', 'vendor_organisation_id', 'status', 'listed_at'],
  'catalog.documents': ['id', 'confidential'],
  'competition.calls': [
    'id',
    'problem_id',
    'agency_organisation_id',
    'status',
    'opened_at',
    'deadline',
    'eligible_solution_ids',
    'awarded_offer_id',
    'award_justification',
  ],
  'competition.offers': [
    'id',
    'call_id',
    'vendor_organisation_id',
    'solution_id',
    'price',
    'status',
    'kpi_commitments',
  ],
  'competition.offer_scores': ['offer_id', 'call_id', 'rank', 'total', 'price_score', 'effect_score', 'trust_score'],
  'ordering.orders': [
    'id',
    'call_id',
    'trial',
    'agency_organisation_id',
    'vendor_organisation_id',
    'status',
    'max_amount',
    'terms',
    'terms_hash',
    'created_at',
    'activated_at',
    'closed_at',
    'cancelled_at',
  ],
  'acceptance.records': [
    'id',
    'order_id',
    'round_no',
    'status',
    'earned_cumulative',
    'record_hash',
    'results',
    'evaluated_at',
    'signed_by_user_id',
  ],
  'acceptance.settlements': ['id', 'order_id', 'round_no', 'vendor_organisation_id', 'amount', 'settled_at'],
  'acceptance.measurement_batches': ['order_id', 'round_no', 'created_at'],
  'acceptance.disputes': ['id', 'status'],
  'ledger.accounts': ['id', 'owner_id'],
  'ledger.transfers': ['id', 'kind', 'metadata', 'created_at'],
  'ledger.postings': ['transfer_id', 'account_id', 'amount'],
  'audit.events': ['seq', 'occurred_at', 'entity_type', 'entity_id', 'action', 'hash'],
};

export class PublishedReadViews1795700000001 implements MigrationInterface {
  name = 'PublishedReadViews1795700000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, columns] of Object.entries(VIEWS))
      await queryRunner.query(`CREATE VIEW ${table}_view AS SELECT ${columns.join(', ')} FROM ${table}`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of Object.keys(VIEWS).reverse()) await queryRunner.query(`DROP VIEW ${table}_view`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A transfer's postings are checked to balance once per inserting statement, set-based, instead of once per posting at
 * commit: a settlement batch's thousands of row checks ran at commit, while it held the shared accounts' locks that
 * every other batch waits for. A transfer's legs go in one statement (LedgerFacade.postMany), so a statement leaving a
 * transfer unbalanced (an incomplete transfer, or a posting added to an earlier one) is refused at once; a transfer
 * without postings is still refused at commit (transfers_balanced).
 */
export class LedgerStatementBalanceCheck1795740000000 implements MigrationInterface {
  name = 'LedgerStatementBalanceCheck1795740000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER postings_balanced ON ledger.postings`);
    await queryRunner.query(`DROP FUNCTION ledger.check_posting_balanced()`);
    await queryRunner.query(`
      CREATE FUNCTION ledger.check_statement_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE unbalanced uuid;
      BEGIN
        SELECT t.transfer_id INTO unbalanced FROM (SELECT DISTINCT transfer_id FROM inserted) t
         WHERE (SELECT sum(amount) FROM ledger.postings p WHERE p.transfer_id = t.transfer_id) <> 0
         LIMIT 1;
        IF FOUND THEN
          RAISE EXCEPTION 'transfer % does not balance', unbalanced
            USING ERRCODE = 'check_violation', CONSTRAINT = 'transfers_balanced';
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER postings_balanced AFTER INSERT ON ledger.postings REFERENCING NEW TABLE AS inserted
      FOR EACH STATEMENT EXECUTE FUNCTION ledger.check_statement_balanced()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER postings_balanced ON ledger.postings`);
    await queryRunner.query(`DROP FUNCTION ledger.check_statement_balanced()`);
    await queryRunner.query(`
      CREATE FUNCTION ledger.check_posting_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (SELECT sum(amount) FROM ledger.postings WHERE transfer_id = NEW.transfer_id) <> 0 THEN
          RAISE EXCEPTION 'transfer % does not balance', NEW.transfer_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'transfers_balanced';
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE CONSTRAINT TRIGGER postings_balanced AFTER INSERT ON ledger.postings
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger.check_posting_balanced()`);
  }
}

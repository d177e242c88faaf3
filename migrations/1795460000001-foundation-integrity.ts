import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The invariants the database itself enforces (engine-design §6.4): balances move only through postings,
 * no overdraw, balanced transfers, append-only money and evidence, a hash-chained audit log, and a closed
 * order's escrow at zero.
 */
export class FoundationIntegrity1795460000001 implements MigrationInterface {
  name = 'FoundationIntegrity1795460000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION platform.forbid_mutation() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% on %.% is forbidden: rows are append-only', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of [
      'ledger.transfers',
      'ledger.postings',
      'acceptance.settlements',
      'acceptance.measurements',
      'acceptance.measurement_batches',
      'audit.events',
    ]) {
      const name = table.replace('.', '_');
      await queryRunner.query(
        `CREATE TRIGGER ${name}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION platform.forbid_mutation()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${name}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION platform.forbid_mutation()`,
      );
    }

    await queryRunner.query(`
      CREATE FUNCTION ledger.apply_posting() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE ledger.accounts SET balance = balance + NEW.amount, version = version + 1
         WHERE id = NEW.account_id
         RETURNING balance, version INTO NEW.balance_after, NEW.account_version;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'ledger account % does not exist', NEW.account_id USING ERRCODE = 'foreign_key_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER postings_apply BEFORE INSERT ON ledger.postings FOR EACH ROW EXECUTE FUNCTION ledger.apply_posting()`,
    );

    await queryRunner.query(`
      CREATE FUNCTION ledger.guard_balance() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (NEW.balance, NEW.version) IS DISTINCT FROM (OLD.balance, OLD.version) AND pg_trigger_depth() < 2 THEN
          RAISE EXCEPTION 'balance of ledger account % changes only through postings', OLD.id USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER accounts_guard_balance BEFORE UPDATE ON ledger.accounts FOR EACH ROW EXECUTE FUNCTION ledger.guard_balance()`,
    );

    await queryRunner.query(`
      CREATE FUNCTION ledger.check_transfer_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE total bigint; legs int;
      BEGIN
        SELECT coalesce(sum(amount), 0), count(*) INTO total, legs FROM ledger.postings WHERE transfer_id = NEW.id;
        IF total <> 0 OR legs < 2 THEN
          RAISE EXCEPTION 'transfer % does not balance (sum %, % legs)', NEW.id, total, legs
            USING ERRCODE = 'check_violation', CONSTRAINT = 'transfers_balanced';
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE CONSTRAINT TRIGGER transfers_balanced AFTER INSERT ON ledger.transfers
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger.check_transfer_balanced()`);
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

    await queryRunner.query(`
      CREATE FUNCTION audit.event_hash(prev text, seq bigint, occurred_at timestamptz, actor_user uuid, actor_org uuid,
                                       entity_type text, entity_id text, action text, before jsonb, after jsonb)
      RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT encode(sha256(convert_to(concat_ws('|', prev, seq::text,
          to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
          coalesce(actor_user::text, ''), coalesce(actor_org::text, ''), entity_type, entity_id, action,
          coalesce(before::text, 'null'), coalesce(after::text, 'null')), 'UTF8')), 'hex')
      $$`);
    // The lock serialises appends, so sequence order is chain order; seq is drawn after the lock for that reason.
    await queryRunner.query(`
      CREATE FUNCTION audit.chain_event() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE previous text;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('audit.events chain'));
        NEW.seq := nextval(pg_get_serial_sequence('audit.events', 'seq'));
        NEW.occurred_at := clock_timestamp();
        SELECT hash INTO previous FROM audit.events ORDER BY seq DESC LIMIT 1;
        NEW.prev_hash := coalesce(previous, '');
        NEW.hash := audit.event_hash(NEW.prev_hash, NEW.seq, NEW.occurred_at, NEW.actor_user_id, NEW.actor_organisation_id,
                                     NEW.entity_type, NEW.entity_id, NEW.action, NEW.before, NEW.after);
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER events_chain BEFORE INSERT ON audit.events FOR EACH ROW EXECUTE FUNCTION audit.chain_event()`,
    );

    await queryRunner.query(`
      CREATE FUNCTION ordering.check_closed_escrow_empty() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status = 'CLOSED' AND EXISTS (SELECT 1 FROM ledger.accounts WHERE code = 'escrow:' || NEW.id AND balance <> 0) THEN
          RAISE EXCEPTION 'order % cannot close while its escrow holds money', NEW.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'orders_closed_escrow_empty';
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE CONSTRAINT TRIGGER orders_closed_escrow_empty AFTER UPDATE ON ordering.orders
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ordering.check_closed_escrow_empty()`);

    await queryRunner.query(`
      INSERT INTO catalog.categories (code, name_vi, name_en) VALUES
        ('dieu-hanh-so', 'Điều hành dựa trên dữ liệu', 'Data-driven governance'),
        ('quan-ly-do-thi', 'Quản lý đô thị', 'Urban management'),
        ('giao-thong', 'Giao thông', 'Transport'),
        ('moi-truong', 'Môi trường', 'Environment'),
        ('y-te', 'Y tế', 'Health'),
        ('giao-duc', 'Giáo dục', 'Education'),
        ('du-lieu-hanh-chinh', 'Dữ liệu hành chính', 'Administrative data'),
        ('dich-vu-cong', 'Dịch vụ công', 'Public services'),
        ('an-toan-thong-tin', 'An toàn thông tin', 'Information security'),
        ('kinh-te-tai-chinh', 'Kinh tế – tài chính', 'Economy and finance'),
        ('an-sinh-xa-hoi', 'An sinh xã hội', 'Social security'),
        ('khoa-hoc-cong-nghe', 'Khoa học – công nghệ', 'Science and technology')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM catalog.categories`);
    await queryRunner.query(`DROP TRIGGER orders_closed_escrow_empty ON ordering.orders`);
    await queryRunner.query(`DROP FUNCTION ordering.check_closed_escrow_empty()`);
    await queryRunner.query(`DROP TRIGGER events_chain ON audit.events`);
    await queryRunner.query(`DROP FUNCTION audit.chain_event()`);
    await queryRunner.query(
      `DROP FUNCTION audit.event_hash(text, bigint, timestamptz, uuid, uuid, text, text, text, jsonb, jsonb)`,
    );
    await queryRunner.query(`DROP TRIGGER postings_balanced ON ledger.postings`);
    await queryRunner.query(`DROP FUNCTION ledger.check_posting_balanced()`);
    await queryRunner.query(`DROP TRIGGER transfers_balanced ON ledger.transfers`);
    await queryRunner.query(`DROP FUNCTION ledger.check_transfer_balanced()`);
    await queryRunner.query(`DROP TRIGGER accounts_guard_balance ON ledger.accounts`);
    await queryRunner.query(`DROP FUNCTION ledger.guard_balance()`);
    await queryRunner.query(`DROP TRIGGER postings_apply ON ledger.postings`);
    await queryRunner.query(`DROP FUNCTION ledger.apply_posting()`);
    for (const table of [
      'ledger.transfers',
      'ledger.postings',
      'acceptance.settlements',
      'acceptance.measurements',
      'acceptance.measurement_batches',
      'audit.events',
    ]) {
      const name = table.replace('.', '_');
      await queryRunner.query(`DROP TRIGGER ${name}_append_only ON ${table}`);
      await queryRunner.query(`DROP TRIGGER ${name}_no_truncate ON ${table}`);
    }
    await queryRunner.query(`DROP FUNCTION platform.forbid_mutation()`);
  }
}

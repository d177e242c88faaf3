import { DataSource } from 'typeorm';
import { DomainError, deterministicId } from '@app/kernel';
import { LedgerFacade } from '@app/ledger';
import { schemaDataSource } from '../../scripts/db/schema';
import { createTestDatabase, type TestDatabase } from '@app/test-support';

/** The ledger's invariants are the database's: these tests go around the facade to prove it. */
describe('ledger (real PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let ledger: LedgerFacade;
  let world: string;
  let budget: string;
  let escrow: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await schemaDataSource(db.url, 20).initialize();
    ledger = new LedgerFacade(dataSource);
    [world, budget, escrow] = await dataSource.transaction(async (tx) => [
      await ledger.openAccount(tx, 'appropriation:test', 'APPROPRIATION', null),
      await ledger.openAccount(tx, 'budget:test', 'AGENCY_BUDGET', null),
      await ledger.openAccount(tx, 'escrow:test', 'ORDER_ESCROW', null),
    ]);
    await dataSource.transaction((tx) =>
      ledger.move(tx, { id: deterministicId('fund'), kind: 'allocate', from: world, to: budget, amount: 1_000n }),
    );
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  const balance = (code: string) => ledger.balanceOf(code, dataSource.manager);
  const sqlError = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (e: { driverError?: { message?: string }; message: string }) => e.driverError?.message ?? e.message,
    );

  it('opens an account once per code', async () => {
    const again = await dataSource.transaction((tx) => ledger.openAccount(tx, 'budget:test', 'AGENCY_BUDGET', null));
    expect(again).toBe(budget);
  });

  it('refuses an overdrawn budget and leaves balances untouched', async () => {
    const error = await dataSource
      .transaction((tx) =>
        ledger.move(tx, { id: deterministicId('too-much'), kind: 'reserve', from: budget, to: escrow, amount: 1_001n }),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'LEDGER.INSUFFICIENT_FUNDS' });
    expect(await balance('budget:test')).toBe(1_000n);
    expect(await balance('escrow:test')).toBe(0n);
  });

  it('posts a transfer id exactly once; the same id with other legs is a conflict', async () => {
    const move = { id: deterministicId('reserve', 'o1'), kind: 'reserve', from: budget, to: escrow, amount: 300n };
    await expect(dataSource.transaction((tx) => ledger.move(tx, move))).resolves.toBe('posted');
    await expect(dataSource.transaction((tx) => ledger.move(tx, move))).resolves.toBe('already-posted');
    await expect(dataSource.transaction((tx) => ledger.move(tx, { ...move, amount: 301n }))).rejects.toMatchObject({
      code: 'LEDGER.IDEMPOTENCY_CONFLICT',
    });
    expect(await balance('escrow:test')).toBe(300n);
  });

  it('refuses, at the database, a transfer whose legs do not balance', async () => {
    const message = await sqlError(
      dataSource.transaction(async (tx) => {
        await tx.query(`INSERT INTO ledger.transfers (id, kind) VALUES ($1, 'bad')`, [deterministicId('unbalanced')]);
        await tx.query(
          `INSERT INTO ledger.postings (transfer_id, account_id, amount, balance_after, account_version) VALUES ($1, $2, -5, 0, 0), ($1, $3, 4, 0, 0)`,
          [deterministicId('unbalanced'), budget, escrow],
        );
      }),
    );
    expect(message).toMatch(/does not balance/);
    expect(await balance('budget:test')).toBe(700n);
  });

  it('refuses a second transfer row with the same idempotency id', async () => {
    const message = await sqlError(
      dataSource.query(`INSERT INTO ledger.transfers (id, kind) VALUES ($1, 'again')`, [
        deterministicId('reserve', 'o1'),
      ]),
    );
    expect(message).toMatch(/duplicate key/);
  });

  it('refuses a posting added to a transfer that balanced', async () => {
    const message = await sqlError(
      dataSource.query(
        `INSERT INTO ledger.postings (transfer_id, account_id, amount, balance_after, account_version) VALUES ($1, $2, 1, 0, 0)`,
        [deterministicId('reserve', 'o1'), escrow],
      ),
    );
    expect(message).toMatch(/does not balance/);
    expect(await balance('escrow:test')).toBe(300n);
  });

  it("posts unshared accounts' legs first, and each account's legs in the order of the requests", async () => {
    const [ownEscrow, payable] = await dataSource.transaction(async (tx) => [
      await ledger.openAccount(tx, 'escrow:legs', 'ORDER_ESCROW', null),
      await ledger.openAccount(tx, 'payable:legs', 'VENDOR_PAYABLE', null),
    ]);
    // the payment's id sorts before the funding's: applied in id order, the escrow would be overdrawn
    const fund = { id: '00000000-0000-4000-8000-000000000002', kind: 'reserve', from: budget, to: ownEscrow };
    const pay = { id: '00000000-0000-4000-8000-000000000001', kind: 'settle', from: ownEscrow, to: payable };
    const requests = [fund, pay].map(({ from, to, ...transfer }) => ({
      ...transfer,
      legs: [
        { accountId: from, amount: -50n },
        { accountId: to, amount: 50n },
      ],
    }));
    await expect(dataSource.transaction((tx) => ledger.postMany(tx, requests))).resolves.toEqual(['posted', 'posted']);
    const postings = await dataSource.query<Array<{ code: string; amount: string }>>(
      `SELECT a.code, p.amount FROM ledger.postings p JOIN ledger.accounts a ON a.id = p.account_id
       WHERE p.transfer_id = ANY($1) ORDER BY p.id`,
      [[fund.id, pay.id]],
    );
    const shared = [
      { code: 'budget:test', id: budget, amount: '-50' },
      { code: 'payable:legs', id: payable, amount: '50' },
    ].sort((x, y) => (x.id < y.id ? -1 : 1));
    expect(postings).toEqual([
      { code: 'escrow:legs', amount: '50' },
      { code: 'escrow:legs', amount: '-50' },
      ...shared.map(({ code, amount }) => ({ code, amount })),
    ]);
  });

  it('refuses updates and deletes of transfers and postings, and direct balance edits', async () => {
    expect(await sqlError(dataSource.query(`UPDATE ledger.transfers SET kind = 'edited'`))).toMatch(/append-only/);
    expect(await sqlError(dataSource.query(`DELETE FROM ledger.postings`))).toMatch(/append-only/);
    expect(await sqlError(dataSource.query(`TRUNCATE ledger.postings CASCADE`))).toMatch(/append-only|forbidden/);
    expect(
      await sqlError(dataSource.query(`UPDATE ledger.accounts SET balance = balance + 1 WHERE id = $1`, [escrow])),
    ).toMatch(/only through postings/);
  });

  it('keeps every balance consistent under 40 concurrent transfers on one hot account', async () => {
    const before = await balance('budget:test');
    const moves = Array.from({ length: 40 }, (_, i) =>
      dataSource
        .transaction((tx) =>
          ledger.move(tx, { id: deterministicId('hot', i), kind: 'reserve', from: budget, to: escrow, amount: 25n }),
        )
        .then(
          () => 'ok',
          (e: DomainError) => e.code,
        ),
    );
    const outcomes = await Promise.all(moves);
    const posted = outcomes.filter((o) => o === 'ok').length;
    expect(posted).toBe(Number(before / 25n));
    expect(outcomes.filter((o) => o !== 'ok').every((o) => o === 'LEDGER.INSUFFICIENT_FUNDS')).toBe(true);
    expect(await balance('budget:test')).toBe(before - 25n * BigInt(posted));
    expect(await ledger.reconcile()).toMatchObject({
      ok: true,
      totalBalance: '0',
      accountsWithDrift: [],
      unbalancedTransfers: [],
    });
  });

  it('reconciliation finds a tampered cached balance', async () => {
    await dataSource.transaction(async (tx) => {
      await tx.query(`SET LOCAL session_replication_role = replica`);
      await tx.query(`UPDATE ledger.accounts SET balance = balance + 7 WHERE id = $1`, [escrow]);
    });
    const result = await ledger.reconcile();
    expect(result.ok).toBe(false);
    expect(result.totalBalance).toBe('7');
    expect(result.accountsWithDrift).toEqual([expect.objectContaining({ accountId: escrow })]);
  });
});

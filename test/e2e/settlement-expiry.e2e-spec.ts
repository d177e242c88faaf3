import {
  fundedActors,
  draftOrder,
  eventually,
  orderClosed,
  signBoth,
  signRecord,
  startSystem,
  uploadRound,
  type Actors,
  type TestSystem,
  ledgerBalance,
} from '@app/test-support';

jest.setTimeout(120_000);

/** At the order's end date, rounds without sufficient data earn nothing and the escrow returns to the budget. */
describe('settlement: expiry at the order end date', () => {
  let system: TestSystem;
  let a: Actors;
  let solutionId: string;

  beforeAll(async () => {
    system = await startSystem();
    ({ a, solutionId } = await fundedActors(system.admin, 'expiry', 2_000_000_000n));
  });
  afterAll(() => system?.stop());

  const balance = (code: string) => ledgerBalance(system.db.pool, code);
  const status = async (orderId: string) => (await a.buyer.get<{ status: string }>(`/orders/${orderId}`)).status;
  /** The end date passes: moved into the past on the database, as the sweeper reads it from the stored terms. */
  const endNow = (orderId: string) =>
    system.db.pool.query(
      `UPDATE ordering.orders SET terms = jsonb_set(terms, '{endsAt}', to_jsonb((now() - interval '1 second')::text))
       WHERE id = $1`,
      [orderId],
    );

  it('closes the order, pays nothing for the round without data, and releases the remainder', async () => {
    const budgetBefore = await balance(`budget:${a.agencyOrgId}`);
    const { orderId } = await draftOrder(a, { solutionId, price: '600000000', rounds: 2 });
    await signBoth(a, orderId);
    // Round 1: mean 42 → attainment 0.8 → 0.8 × 600,000,000 × 50 % = 240,000,000 đồng; round 2 gets no data.
    await uploadRound(a, orderId, 1, ['40', '44']);
    await signRecord(a, orderId, 1);
    await eventually(
      async () => ((await a.vendor.get<unknown[]>(`/orders/${orderId}/settlements`)).length === 1 ? true : undefined),
      'round 1 settled',
    );
    expect(await status(orderId)).toBe('ACTIVE');

    await endNow(orderId);
    await orderClosed(a.buyer, orderId, 30_000);
    const settled = await a.vendor.get<Array<{ roundNo: number; amount: string }>>(`/orders/${orderId}/settlements`);
    expect(settled).toEqual([expect.objectContaining({ roundNo: 1, amount: '240000000' })]);
    expect(await balance(`escrow:${orderId}`)).toBe(0n);
    expect(await balance(`budget:${a.agencyOrgId}`)).toBe(budgetBefore - 240_000_000n);
    await expect(uploadRound(a, orderId, 2, ['44'])).rejects.toMatchObject({ status: 409 });
    expect(await a.admin.get('/ledger/reconciliation')).toMatchObject({ ok: true, totalBalance: '0' });
  });

  it('waits for a signed record still inside its dispute window before expiring', async () => {
    const { orderId } = await draftOrder(a, { solutionId, price: '600000000', disputeWindowSeconds: 3600 });
    await signBoth(a, orderId);
    await uploadRound(a, orderId, 1, ['40', '44']);
    await signRecord(a, orderId, 1);
    await endNow(orderId);
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect(await status(orderId)).toBe('ACTIVE');
    expect(await balance(`escrow:${orderId}`)).toBe(600_000_000n);
  });
});

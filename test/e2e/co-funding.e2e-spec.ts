import {
  noticesAbout,
  fundedActors,
  createFunder,
  draftOrder,
  eventually,
  orderClosed,
  signBoth,
  signRecord,
  startSystem,
  uploadRound,
  type Actors,
  publicList,
  type Funder,
  type PublicPaymentShape,
  type TestSystem,
  ledgerBalance,
} from '@app/test-support';
import { ocdsErrors } from '../fixtures/ocds/validate';

jest.setTimeout(180_000);

interface FundedOrder {
  id: string;
  status: string;
  termsHash: string;
  escrowBalance: string;
  signatures: Array<{ party: string; termsHash: string }>;
  terms: { cofunding?: { cityShare: string; pledges: Array<{ funderOrganisationId: string; amount: string }> } };
  funding: { city: string; cofunders: Array<{ funderOrganisationId: string; amount: string }> };
}

const BUDGET = 2_000_000_000n;

/** Co-funding (vốn mồi): funder pools, pledges in the signed terms, escrow from both, pro-rata release at close. */
describe('co-funding', () => {
  let system: TestSystem;
  let a: Actors;
  let solutionId: string;
  let f1: Funder;
  let f2: Funder;

  beforeAll(async () => {
    system = await startSystem();
    ({ a, solutionId } = await fundedActors(system.admin, 'vonmoi', BUDGET));
    f1 = await createFunder(a.admin, 'vonmoi-1');
    f2 = await createFunder(a.admin, 'vonmoi-2');
  });
  afterAll(() => system?.stop());

  const balance = (code: string) => ledgerBalance(system.db.pool, code);
  const pool = (f: Funder) => balance(`funder:${f.orgId}`);
  const budget = () => balance(`budget:${a.agencyOrgId}`);
  const order = (id: string) => a.buyer.get<FundedOrder>(`/orders/${id}`);
  const pledge = (f: Funder, id: string, amount: string) =>
    f.client.post<FundedOrder>(`/orders/${id}/pledges`, { amount });
  const reconciled = async () =>
    expect(await a.admin.get('/ledger/reconciliation')).toMatchObject({ ok: true, totalBalance: '0' });

  it('credits a funder pool once per reference, readable by the funder and operators only', async () => {
    const first = await a.admin.post(`/funders/${f1.orgId}/deposits`, { amount: '300000000', reference: 'UNC-01' });
    expect(first).toEqual({ funderOrganisationId: f1.orgId, available: '300000000' });
    await a.admin.post(`/funders/${f1.orgId}/deposits`, { amount: '300000000', reference: 'UNC-01' });
    await a.admin.post(`/funders/${f2.orgId}/deposits`, { amount: '100000000', reference: 'UNC-02' });
    expect(await f1.client.get(`/funders/${f1.orgId}/pool`)).toEqual({
      funderOrganisationId: f1.orgId,
      available: '300000000',
    });
    expect(await a.admin.get(`/funders/${f2.orgId}/pool`)).toMatchObject({ available: '100000000' });
    expect(await balance(`funder-source:${f1.orgId}`)).toBe(-300_000_000n);
    await expect(f2.client.get(`/funders/${f1.orgId}/pool`)).rejects.toMatchObject({
      status: 403,
      body: { code: 'IDENTITY.FORBIDDEN_ORGANISATION' },
    });
    await expect(a.buyer.get(`/funders/${f1.orgId}/pool`)).rejects.toMatchObject({ status: 403 });
    await expect(
      a.admin.post(`/funders/${f1.orgId}/deposits`, { amount: '5', reference: 'UNC-01' }),
    ).rejects.toMatchObject({ status: 409, body: { code: 'LEDGER.IDEMPOTENCY_CONFLICT' } });
    await expect(
      a.admin.post(`/funders/${a.agencyOrgId}/deposits`, { amount: '5', reference: 'UNC-03' }),
    ).rejects.toMatchObject({ status: 400, body: { code: 'IDENTITY.ROLE_NOT_ALLOWED_FOR_ORGANISATION' } });
    await reconciled();
  });

  it('funds the escrow from the budget and both pledges, and returns the remainder pro rata at close', async () => {
    const { orderId } = await draftOrder(a, { solutionId, price: '600000000' });
    const draft = await order(orderId);
    await a.buyer.post(`/orders/${orderId}/signatures`, { termsHash: draft.termsHash });

    // A pledge after the agency signed changes the terms: that signature no longer counts until it signs again.
    expect((await f1.client.get<{ items: FundedOrder[] }>('/orders')).items.map((o) => o.id)).toContain(orderId);
    await pledge(f1, orderId, '123456789');
    const pledged = await pledge(f2, orderId, '100000000');
    expect(pledged.funding).toEqual({
      city: '376543211',
      cofunders: expect.arrayContaining([
        { funderOrganisationId: f1.orgId, amount: '123456789' },
        { funderOrganisationId: f2.orgId, amount: '100000000' },
      ]),
    });
    expect(pledged.terms.cofunding).toMatchObject({ cityShare: '376543211' });
    expect(pledged.termsHash).not.toBe(draft.termsHash);
    expect((await a.vendor.get<FundedOrder>(`/orders/${orderId}`)).funding.city).toBe('376543211');
    await expect(a.vendor.post(`/orders/${orderId}/signatures`, { termsHash: draft.termsHash })).rejects.toMatchObject({
      status: 409,
      body: { code: 'ORDERING.TERMS_CHANGED' },
    });

    const totalsBefore = await a.city.get<{ city: string; cofunders: string }>('/funding/totals');
    const [budgetBefore, f1Before, f2Before] = [await budget(), await pool(f1), await pool(f2)];
    const signed = await signBoth(a, orderId);
    expect(signed).toMatchObject({ status: 'ACTIVE', escrowBalance: '600000000' });
    expect(await budget()).toBe(budgetBefore - 376_543_211n);
    expect(await pool(f1)).toBe(f1Before - 123_456_789n);
    expect(await pool(f2)).toBe(f2Before - 100_000_000n);
    const totalsAfter = await a.city.get<{ city: string; cofunders: string }>('/funding/totals');
    expect(BigInt(totalsAfter.city) - BigInt(totalsBefore.city)).toBe(376_543_211n);
    expect(BigInt(totalsAfter.cofunders) - BigInt(totalsBefore.cofunders)).toBe(223_456_789n);
    await reconciled();

    // Mean 42 → attainment 0.8 → 480,000,000 đồng paid; the 120,000,000 left returns pro rata to the contributions:
    // f1 ⌊120M × 123,456,789 / 600M⌋ = 24,691,357, f2 20,000,000, the city the rest, 75,308,643 (its share + 0.8).
    await uploadRound(a, orderId, 1, ['40', '44']);
    await signRecord(a, orderId, 1);
    await orderClosed(a.buyer, orderId);
    const settled = await a.vendor.get<Array<{ amount: string }>>(`/orders/${orderId}/settlements`);
    expect(settled).toEqual([expect.objectContaining({ amount: '480000000' })]);
    expect(await balance(`escrow:${orderId}`)).toBe(0n);
    expect(await budget()).toBe(budgetBefore - 376_543_211n + 75_308_643n);
    expect(await pool(f1)).toBe(f1Before - 123_456_789n + 24_691_357n);
    expect(await pool(f2)).toBe(f2Before - 100_000_000n + 20_000_000n);
    await reconciled();

    // Each source is told what came back to it, and only that.
    for (const [client, amount] of [
      [a.buyer, '75.308.643 đ'],
      [f1.client, '24.691.357 đ'],
      [f2.client, '20.000.000 đ'],
    ] as const)
      expect((await noticesAbout(client, 'remainder-released', orderId))[0].messageVi).toContain(amount);

    // Each co-funder reads the results and payments of the order it funds; a funder of other orders does not.
    for (const f of [f1, f2]) {
      expect((await f.client.get<Array<{ amount: string }>>(`/orders/${orderId}/settlements`))[0].amount).toBe(
        '480000000',
      );
      expect(await f.client.get<Array<{ status: string }>>(`/orders/${orderId}/acceptance-records`)).toEqual([
        expect.objectContaining({ status: 'SETTLED' }),
      ]);
    }
    const outsider = await createFunder(a.admin, 'vonmoi-ngoai');
    for (const list of ['settlements', 'acceptance-records'])
      await expect(outsider.client.get(`/orders/${orderId}/${list}`)).rejects.toMatchObject({
        status: 404,
        body: { code: 'ORDERING.ORDER_NOT_FOUND' },
      });

    // Public money shows the payment and the remainder going back to the budget and to each co-funder.
    const movements = (await publicList<PublicPaymentShape>(system.client, 'payments')).filter(
      (p) => p.order_id === orderId,
    );
    expect(movements.map((p) => [p.kind, p.payer_organisation_id, p.payee_organisation_id, p.amount])).toEqual(
      expect.arrayContaining([
        ['payment', a.agencyOrgId, a.vendorOrgId, '480000000'],
        ['release', a.agencyOrgId, a.agencyOrgId, '75308643'],
        ['release', a.agencyOrgId, f1.orgId, '24691357'],
        ['release', a.agencyOrgId, f2.orgId, '20000000'],
      ]),
    );
    expect(movements).toHaveLength(4);
    // OCDS carries the same, the co-funders as parties with the role `funder`, and is valid OCDS 1.1.5.
    const callId = (await publicList<{ id: string; call_id: string }>(system.client, 'orders')).find(
      (o) => o.id === orderId,
    )!.call_id;
    const pkg = await system.client.get<{
      releases: Array<{
        parties: Array<{ id: string; roles: string[] }>;
        contracts?: Array<{
          implementation?: {
            transactions: Array<{ payer: { id: string }; payee: { id: string }; value: { amount: number } }>;
          };
        }>;
      }>;
    }>(`/public/ocds/packages/ocds-hnccds-${callId}`);
    expect(ocdsErrors(pkg)).toEqual([]);
    const last = pkg.releases[pkg.releases.length - 1];
    const roles = new Map(last.parties.map((p) => [p.id, p.roles]));
    for (const f of [f1, f2]) expect(roles.get(f.orgId)).toEqual(expect.arrayContaining(['funder', 'payee']));
    expect(roles.get(a.agencyOrgId)).toEqual(expect.arrayContaining(['buyer', 'payer', 'payee']));
    expect(roles.get(a.vendorOrgId)).toEqual(expect.arrayContaining(['supplier', 'payee']));
    const transactions = last.contracts![0].implementation!.transactions;
    expect(transactions.map((t) => [t.payee.id, t.value.amount])).toEqual(
      expect.arrayContaining([
        [a.vendorOrgId, 480_000_000],
        [a.agencyOrgId, 75_308_643],
        [f1.orgId, 24_691_357],
        [f2.orgId, 20_000_000],
      ]),
    );
    for (const t of transactions) {
      expect(roles.get(t.payer.id)).toContain('payer');
      expect(roles.get(t.payee.id)).toContain('payee');
    }

    // The settlement refreshed the city dashboard: its leverage figure is computed from the same shares.
    const totals = await a.city.get<{ city: string; cofunders: string }>('/funding/totals');
    const leverage = await eventually(async () => {
      const d = await a.city.get<{ targets: Array<{ key: string; actual: number; rows: string | null }> }>(
        '/city/dashboard',
      );
      const figure = d.targets.find((t) => t.key === 'leverage');
      return figure?.rows ? figure : undefined;
    }, 'the leverage figure of the refreshed dashboard');
    const expected = (BigInt(totals.cofunders) * 10_000n) / BigInt(totals.city);
    expect(leverage.actual).toBe(Number(expected) / 10_000);
    expect((await a.city.get<{ ids: string[] }>(leverage.rows!)).ids).toContain(orderId);
  });

  it('refuses the last signature when a pool cannot cover its pledge, and changes nothing', async () => {
    const { orderId } = await draftOrder(a, { solutionId, price: '300000000' });
    const f2Available = await pool(f2);
    await pledge(f2, orderId, (f2Available + 50_000_000n).toString());
    const [budgetBefore, f1Before] = [await budget(), await pool(f1)];

    const terms = await order(orderId);
    await a.buyer.post(`/orders/${orderId}/signatures`, { termsHash: terms.termsHash });
    await expect(a.vendor.post(`/orders/${orderId}/signatures`, { termsHash: terms.termsHash })).rejects.toMatchObject({
      status: 422,
      body: {
        code: 'ORDERING.INSUFFICIENT_FUNDER_POOL',
        details: {
          funderOrganisationId: f2.orgId,
          required: (f2Available + 50_000_000n).toString(),
          available: f2Available.toString(),
        },
      },
    });
    const unchanged = await order(orderId);
    expect(unchanged).toMatchObject({ status: 'DRAFT', escrowBalance: '0' });
    expect(unchanged.signatures.map((s) => s.party)).toEqual(['AGENCY']);
    expect([await budget(), await pool(f1), await pool(f2)]).toEqual([budgetBefore, f1Before, f2Available]);

    // Once the funder has deposited enough, the same signature goes through.
    await a.admin.post(`/funders/${f2.orgId}/deposits`, { amount: '50000000', reference: 'UNC-04' });
    await a.vendor.post(`/orders/${orderId}/signatures`, { termsHash: terms.termsHash });
    expect(await order(orderId)).toMatchObject({ status: 'ACTIVE', escrowBalance: '300000000' });
    expect(await pool(f2)).toBe(0n);
    await reconciled();
  });

  it('returns an unearned escrow to its sources in full when the order expires', async () => {
    const { orderId } = await draftOrder(a, { solutionId, price: '90000000', rounds: 2 });
    await pledge(f1, orderId, '30000000');
    const [budgetBefore, f1Before] = [await budget(), await pool(f1)];
    await signBoth(a, orderId);
    expect(await pool(f1)).toBe(f1Before - 30_000_000n);
    await system.db.pool.query(
      `UPDATE ordering.orders SET terms = jsonb_set(terms, '{endsAt}', to_jsonb((now() - interval '1 second')::text))
       WHERE id = $1`,
      [orderId],
    );
    await orderClosed(a.buyer, orderId, 30_000);
    expect(await balance(`escrow:${orderId}`)).toBe(0n);
    expect([await budget(), await pool(f1)]).toEqual([budgetBefore, f1Before]);
    await reconciled();
  });

  it('refuses bad pledges with clear codes', async () => {
    const { orderId } = await draftOrder(a, { solutionId, price: '600000000' });
    const refused = (work: Promise<unknown>, status: number, code: string) =>
      expect(work).rejects.toMatchObject({ status, body: { code } });

    await refused(a.buyer.post(`/orders/${orderId}/pledges`, { amount: '1000' }), 403, 'IDENTITY.FORBIDDEN_ROLE');
    await refused(pledge(f1, orderId, '0'), 400, 'VALIDATION.FAILED');
    await refused(pledge(f1, orderId, '-5'), 400, 'VALIDATION.FAILED');
    await refused(pledge(f1, orderId, '1.5'), 400, 'VALIDATION.FAILED');
    await refused(pledge(f1, orderId, '600000001'), 422, 'ORDERING.PLEDGES_EXCEED_MAX_AMOUNT');
    await pledge(f1, orderId, '500000000');
    await refused(pledge(f1, orderId, '1'), 409, 'ORDERING.ALREADY_PLEDGED');
    await refused(pledge(f2, orderId, '100000001'), 422, 'ORDERING.PLEDGES_EXCEED_MAX_AMOUNT');
    await refused(f2.client.request('DELETE', `/orders/${orderId}/pledge`), 404, 'ORDERING.PLEDGE_NOT_FOUND');

    // Withdrawn, the terms are the awarded ones again; a smaller pledge fits.
    const withdrawn = await f1.client.request<FundedOrder>('DELETE', `/orders/${orderId}/pledge`);
    expect(withdrawn.funding).toEqual({ city: '600000000', cofunders: [] });
    expect(withdrawn.terms.cofunding).toBeUndefined();
    await pledge(f1, orderId, '10000000');
    expect(await signBoth(a, orderId)).toMatchObject({ status: 'ACTIVE' });

    await refused(pledge(f1, orderId, '1'), 409, 'ORDERING.NOT_PLEDGEABLE');
    await refused(f1.client.request('DELETE', `/orders/${orderId}/pledge`), 409, 'ORDERING.NOT_PLEDGEABLE');
    // A funder that did not pledge does not see a signed order at all.
    await refused(pledge(f2, orderId, '1'), 404, 'ORDERING.ORDER_NOT_FOUND');
    await refused(f2.client.get(`/orders/${orderId}`), 404, 'ORDERING.ORDER_NOT_FOUND');
    expect((await order(orderId)).funding.city).toBe('590000000');
    await reconciled();
  });

  it('states every movement of a pool and a budget, newest first, paged, to their owners only', async () => {
    interface Line {
      kind: string;
      amount: string;
      balanceAfter: string;
      orderId: string | null;
      reference: string | null;
    }
    const statement = async (client: typeof a.buyer, path: string) => {
      const lines: Line[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
        const page = await client.get<{ items: Line[]; nextCursor: string | null }>(`${path}${query}`);
        expect(page.items.length).toBeLessThanOrEqual(2);
        lines.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return lines;
    };
    const chained = (lines: Line[], balance: bigint) => {
      expect(BigInt(lines[0].balanceAfter)).toBe(balance);
      for (let i = 0; i + 1 < lines.length; i++)
        expect(BigInt(lines[i].balanceAfter) - BigInt(lines[i].amount)).toBe(BigInt(lines[i + 1].balanceAfter));
      const last = lines[lines.length - 1];
      expect(BigInt(last.balanceAfter)).toBe(BigInt(last.amount));
    };

    const pooled = await statement(f1.client, `/funders/${f1.orgId}/statement`);
    chained(pooled, await pool(f1));
    expect(pooled[pooled.length - 1]).toMatchObject({ kind: 'deposit', amount: '300000000', reference: 'UNC-01' });
    // The co-funded order of the pro-rata test: the pledge left for its escrow and its share came back at the close.
    const reserved = pooled.find((l) => l.kind === 'reserve' && l.amount === '-123456789');
    expect(reserved?.orderId).toEqual(expect.any(String));
    expect(pooled).toContainEqual(
      expect.objectContaining({ kind: 'release', amount: '24691357', orderId: reserved!.orderId }),
    );
    expect(await a.admin.get(`/funders/${f1.orgId}/statement`)).toMatchObject({ items: pooled.slice(0, 50) });

    const budgeted = await statement(a.buyer, `/budgets/${a.agencyOrgId}/statement`);
    chained(budgeted, await budget());
    expect(budgeted).toContainEqual(
      expect.objectContaining({ kind: 'release', amount: '75308643', orderId: reserved!.orderId }),
    );
    expect(budgeted).toContainEqual(
      expect.objectContaining({ kind: 'reserve', amount: '-376543211', orderId: reserved!.orderId }),
    );
    expect(budgeted[budgeted.length - 1].kind).toBe('allocate');

    const refused = (work: Promise<unknown>, status: number, code: string) =>
      expect(work).rejects.toMatchObject({ status, body: { code } });
    await refused(f2.client.get(`/funders/${f1.orgId}/statement`), 403, 'IDENTITY.FORBIDDEN_ORGANISATION');
    await refused(a.buyer.get(`/funders/${f1.orgId}/statement`), 403, 'IDENTITY.FORBIDDEN_ROLE');
    await refused(f1.client.get(`/budgets/${a.agencyOrgId}/statement`), 403, 'IDENTITY.FORBIDDEN_ROLE');
    await refused(f1.client.get(`/funders/${f1.orgId}/statement?cursor=bm9wZQ`), 400, 'LEDGER.INVALID_CURSOR');
  });
});

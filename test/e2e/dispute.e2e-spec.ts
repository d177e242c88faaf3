import {
  fundedActors,
  draftOrder,
  orderClosed,
  signBoth,
  signRecord,
  startSystem,
  uploadRound,
  type Actors,
  type TestSystem,
} from '@app/test-support';

jest.setTimeout(120_000);

const EVIDENCE = [{ name: 'nhat-ky-camera-kim-ma.csv', sha256: 'a'.repeat(64) }];
const REASON = 'Camera nút giao Kim Mã mất tín hiệu ba ngày; số liệu kỳ này thiếu và lệch thấp.';

/** The signed record, its dispute window on the database clock, and a dispute that freezes settlement. */
describe('acceptance: officer signature, dispute window and disputes', () => {
  let system: TestSystem;
  let a: Actors;
  let solutionId: string;

  beforeAll(async () => {
    system = await startSystem();
    ({ a, solutionId } = await fundedActors(system.admin, 'dispute'));
  });
  afterAll(() => system?.stop());

  const orderStatus = async (orderId: string) => (await a.buyer.get<{ status: string }>(`/orders/${orderId}`)).status;
  const closed = (orderId: string) => orderClosed(a.buyer, orderId, 30_000);
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  async function signedOrder(disputeWindowSeconds: number): Promise<string> {
    const { orderId } = await draftOrder(a, { solutionId, price: '600000000', disputeWindowSeconds });
    await signBoth(a, orderId);
    await uploadRound(a, orderId, 1, ['40', '44']);
    return orderId;
  }

  it('pays only after the window passes, found by the sweeper on the database clock', async () => {
    const orderId = await signedOrder(3);
    const record = await signRecord(a, orderId, 1);
    expect(record.status).toBe('SIGNED');
    expect(record.disputeDeadline).not.toBeNull();
    expect(await a.vendor.get(`/orders/${orderId}/settlements`)).toEqual([]);
    await closed(orderId);
    const settled = await a.vendor.get<Array<{ amount: string; settledAt: string }>>(`/orders/${orderId}/settlements`);
    expect(settled.map((s) => s.amount)).toEqual(['480000000']);
    expect(Date.parse(settled[0].settledAt)).toBeGreaterThanOrEqual(Date.parse(record.disputeDeadline!));
  });

  it('freezes settlement while a dispute is open, and pays once the operator upholds the record', async () => {
    const orderId = await signedOrder(4);
    await expect(
      a.officer.post(`/orders/${orderId}/rounds/1/disputes`, { reason: REASON, evidence: EVIDENCE }),
    ).rejects.toMatchObject({ status: 403 });
    await signRecord(a, orderId, 1);
    const dispute = await a.vendor.post<{ id: string; status: string; recordHash: string }>(
      `/orders/${orderId}/rounds/1/disputes`,
      { reason: REASON, evidence: EVIDENCE },
    );
    expect(dispute.status).toBe('OPEN');

    // The window passes and the sweeper runs (every 2 s in tests): a disputed round is never paid.
    await sleep(7_000);
    expect(await a.vendor.get(`/orders/${orderId}/settlements`)).toEqual([]);
    const [frozen] = await a.vendor.get<Array<{ status: string }>>(`/orders/${orderId}/acceptance-records`);
    expect(frozen.status).toBe('DISPUTED');
    expect(await orderStatus(orderId)).toBe('ACTIVE');

    await expect(
      a.vendor.post(`/orders/${orderId}/disputes/${dispute.id}/resolution`, { outcome: 'UPHOLD', note: 'Giữ nguyên.' }),
    ).rejects.toMatchObject({ status: 403 });
    const upheld = await a.admin.post<{ status: string }>(`/orders/${orderId}/disputes/${dispute.id}/resolution`, {
      outcome: 'UPHOLD',
      note: 'Đã đối chiếu nhật ký camera; giữ nguyên biên bản.',
    });
    expect(upheld.status).toBe('UPHELD');
    await expect(
      a.admin.post(`/orders/${orderId}/disputes/${dispute.id}/resolution`, { outcome: 'UPHOLD', note: 'Lần hai.' }),
    ).rejects.toMatchObject({ status: 409, body: { code: 'ACCEPTANCE.DISPUTE_NOT_OPEN' } });
    await closed(orderId);
    const settled = await a.vendor.get<Array<{ amount: string }>>(`/orders/${orderId}/settlements`);
    expect(settled.map((s) => s.amount)).toEqual(['480000000']);
    const disputes = await a.buyer.get<Array<{ status: string; evidence: unknown }>>(`/orders/${orderId}/disputes`);
    expect(disputes).toEqual([expect.objectContaining({ status: 'UPHELD', evidence: EVIDENCE })]);
    expect(await a.admin.get('/ledger/reconciliation')).toMatchObject({ ok: true, totalBalance: '0' });
    expect(await a.city.get('/audit/verify')).toMatchObject({ valid: true });
  });

  it('refuses a dispute once the window has passed', async () => {
    const orderId = await signedOrder(0);
    await signRecord(a, orderId, 1);
    await expect(
      a.vendor.post(`/orders/${orderId}/rounds/1/disputes`, { reason: REASON, evidence: EVIDENCE }),
    ).rejects.toMatchObject({ status: 409, body: { code: 'ACCEPTANCE.DISPUTE_WINDOW_CLOSED' } });
    await closed(orderId);
  });

  it('refuses a second signature of the same record', async () => {
    const orderId = await signedOrder(3600);
    const record = await signRecord(a, orderId, 1);
    await expect(
      a.officer.post(`/orders/${orderId}/rounds/1/acceptance-record/signature`, { recordHash: record.recordHash }),
    ).rejects.toMatchObject({ status: 409, body: { code: 'ACCEPTANCE.RECORD_NOT_SIGNABLE' } });
  });
});

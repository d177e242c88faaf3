import {
  noticesAbout,
  fundedActors,
  draftOrder,
  orderClosed,
  publicList,
  signBoth,
  signRecord,
  startSystem,
  uploadRound,
  type Actors,
  type PublicPaymentShape,
  type RecordShape,
  type TestSystem,
} from '@app/test-support';

jest.setTimeout(120_000);

const EVIDENCE = [{ name: 'nhat-ky-camera-kim-ma.csv', sha256: 'b'.repeat(64) }];
const REASON = 'Camera nút giao Kim Mã mất tín hiệu ba ngày; số liệu kỳ này lệch thấp so với thực tế.';

interface DisputeShape {
  id: string;
  kind: string;
  status: string;
  correctionRecordId: string | null;
}
interface Balances {
  payable: string;
  disbursed: string;
  owed: string;
}
interface SettlementShape {
  roundNo: number;
  recordVersion: number;
  amount: string;
  paidCumulative: string;
}

/**
 * Corrections: new measurement data → re-evaluation → a new record version → signature → the difference paid, or
 * clawed back with reversing ledger transfers when the round was already paid.
 */
describe('acceptance: corrected records and clawbacks', () => {
  let system: TestSystem;
  let a: Actors;
  let solutionId: string;

  beforeAll(async () => {
    system = await startSystem();
    ({ a, solutionId } = await fundedActors(system.admin, 'correction'));
  });
  afterAll(() => system?.stop());

  const records = (orderId: string) =>
    a.buyer.get<Array<RecordShape & { version: number }>>(`/orders/${orderId}/acceptance-records`);
  const settlements = (orderId: string) => a.vendor.get<SettlementShape[]>(`/orders/${orderId}/settlements`);
  const escrow = async (orderId: string) =>
    (await a.buyer.get<{ escrowBalance: string }>(`/orders/${orderId}`)).escrowBalance;

  it('corrects a disputed record from corrected data and pays the corrected amount once', async () => {
    const { orderId } = await draftOrder(a, { solutionId, price: '600000000', disputeWindowSeconds: 3 });
    await signBoth(a, orderId);
    await uploadRound(a, orderId, 1, ['40', '44']);
    await signRecord(a, orderId, 1);
    // Before a dispute an evaluated round takes no more data.
    await expect(uploadRound(a, orderId, 1, ['45', '45'])).rejects.toMatchObject({
      status: 409,
      body: { code: 'ACCEPTANCE.ROUND_ALREADY_EVALUATED' },
    });
    const dispute = await a.vendor.post<DisputeShape>(`/orders/${orderId}/rounds/1/disputes`, {
      reason: REASON,
      evidence: EVIDENCE,
    });
    expect(dispute).toMatchObject({ kind: 'VENDOR', status: 'OPEN' });
    const resolution = `/orders/${orderId}/disputes/${dispute.id}/resolution`;
    await expect(
      a.admin.post(resolution, { outcome: 'CORRECT', note: 'Hiệu chỉnh theo camera dự phòng.' }),
    ).rejects.toMatchObject({ status: 422, body: { code: 'ACCEPTANCE.CORRECTION_DATA_MISSING' } });
    await expect(a.vendor.post(`/orders/${orderId}/rounds/1/measurements`, { measurements: [] })).rejects.toMatchObject(
      { status: 403 },
    );

    await uploadRound(a, orderId, 1, ['45', '45']);
    const corrected = await a.admin.post<DisputeShape>(resolution, {
      outcome: 'CORRECT',
      note: 'Đối chiếu camera dự phòng; số liệu kỳ 1 được hiệu chỉnh.',
    });
    expect(corrected.status).toBe('CORRECTED');
    const versions = await records(orderId);
    expect(versions.map((r) => [r.version, r.status])).toEqual([
      [1, 'SUPERSEDED'],
      [2, 'EVALUATED'],
    ]);
    expect(corrected.correctionRecordId).toBe(versions[1].id);
    expect(versions[1].earnedCumulative).toBe('600000000');
    expect(await settlements(orderId)).toEqual([]);

    const signed = await signRecord(a, orderId, 1);
    expect(signed).toMatchObject({ status: 'SIGNED', recordHash: versions[1].recordHash });
    await orderClosed(a.buyer, orderId, 30_000);
    expect((await settlements(orderId)).map((s) => [s.recordVersion, s.amount])).toEqual([[2, '600000000']]);
    expect(await escrow(orderId)).toBe('0');
    expect(await a.admin.get('/ledger/reconciliation')).toMatchObject({ ok: true, totalBalance: '0' });
  });

  it('re-checks a paid round, and claws back what the corrected record no longer earns', async () => {
    const { orderId } = await draftOrder(a, { solutionId, price: '600000000', rounds: 2 });
    await signBoth(a, orderId);
    await uploadRound(a, orderId, 1, ['45', '45']);
    await signRecord(a, orderId, 1);
    const paid = await eventuallySettled(orderId, 1);
    expect(paid.map((s) => s.amount)).toEqual(['300000000']);
    // The treasury pays out all but 50,000,000 of what the vendor is owed: the clawback will exceed its payable.
    const balances = `/vendors/${a.vendorOrgId}/balances`;
    const disbursements = `/vendors/${a.vendorOrgId}/disbursements`;
    const before = await a.vendor.get<Balances>(balances);
    const payOut = { amount: (BigInt(before.payable) - 50_000_000n).toString(), reference: 'UNC-0815/2026' };
    await expect(a.vendor.post(disbursements, payOut)).rejects.toMatchObject({ status: 403 });
    const disbursed = await a.admin.post<Balances>(disbursements, payOut);
    expect(disbursed).toEqual({
      payable: '50000000',
      disbursed: (BigInt(before.disbursed) + BigInt(payOut.amount)).toString(),
      owed: '0',
    });
    await expect(a.admin.post(disbursements, { amount: '50000001', reference: 'UNC-0816/2026' })).rejects.toMatchObject(
      { status: 422, body: { code: 'ORDERING.INSUFFICIENT_PAYABLE' } },
    );

    await expect(
      a.buyer.post(`/orders/${orderId}/rounds/1/rechecks`, { reason: 'Hậu kiểm: số liệu camera bị ghi trùng.' }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      a.admin.post(`/orders/${orderId}/rounds/2/rechecks`, { reason: 'Hậu kiểm: kỳ chưa có biên bản.' }),
    ).rejects.toMatchObject({ status: 404, body: { code: 'ACCEPTANCE.RECORD_NOT_FOUND' } });
    const recheck = await a.admin.post<DisputeShape>(`/orders/${orderId}/rounds/1/rechecks`, {
      reason: 'Hậu kiểm: số liệu camera tháng đầu bị ghi trùng, cần đo lại.',
    });
    expect(recheck).toMatchObject({ kind: 'AUDIT', status: 'OPEN' });
    expect((await records(orderId)).map((r) => r.status)).toEqual(['DISPUTED']);

    // mean 39 on baseline 30 → target 45: attainment 0.6, so round 1 (half the order) earns 0.6 × 300,000,000.
    await uploadRound(a, orderId, 1, ['39', '39']);
    await a.admin.post(`/orders/${orderId}/disputes/${recheck.id}/resolution`, {
      outcome: 'CORRECT',
      note: 'Số liệu đo lại cho thấy tốc độ chỉ đạt 39 km/h.',
    });
    await signRecord(a, orderId, 1);
    const settled = await eventuallySettled(orderId, 2);
    expect(settled.map((s) => [s.recordVersion, s.amount, s.paidCumulative])).toEqual([
      [1, '300000000', '300000000'],
      [2, '-120000000', '180000000'],
    ]);
    expect(await escrow(orderId)).toBe('420000000');
    for (const client of [a.vendor, a.buyer]) {
      const [clawback] = await noticesAbout(client, 'clawback-made', orderId);
      expect(clawback.data.amount).toBe('-120000000');
      expect(clawback.messageVi).toContain('Đã thu hồi 120.000.000 đ');
    }
    // 50,000,000 came back from the payable balance; the other 70,000,000 had left the platform: the vendor owes it.
    expect(await a.vendor.get(balances)).toEqual({ payable: '0', disbursed: disbursed.disbursed, owed: '70000000' });
    // The ranking hears of the clawback (its outcome event), not only of payments.
    const { rows: events } = await system.db.pool.query<{ job_name: string }>(
      `SELECT job_name FROM platform.outbox WHERE payload ->> 'orderId' = $1 ORDER BY id`,
      [orderId],
    );
    expect(events.map((e) => e.job_name).filter((n) => n.startsWith('outcome-'))).toEqual([
      'outcome-settled',
      'outcome-clawed-back',
    ]);
    expect((await a.buyer.get<{ status: string }>(`/orders/${orderId}`)).status).toBe('ACTIVE');
    expect(await a.admin.get('/ledger/reconciliation')).toMatchObject({ ok: true, totalBalance: '0' });
    expect(await a.city.get('/audit/verify')).toMatchObject({ valid: true });

    // Public money shows every movement: the payment, the clawback as a negative amount, the disbursement.
    const movements = await publicList<PublicPaymentShape>(system.client, 'payments', 3);
    expect(movements.filter((p) => p.order_id === orderId).map((p) => [p.kind, p.round_no, p.amount])).toEqual(
      expect.arrayContaining([
        ['payment', 1, '300000000'],
        ['clawback', 1, '-120000000'],
      ]),
    );
    expect(movements.filter((p) => p.order_id === orderId)).toHaveLength(2);
    expect(movements).toContainEqual(
      expect.objectContaining({
        kind: 'disbursement',
        order_id: null,
        payer_organisation_id: null,
        payee_organisation_id: a.vendorOrgId,
        amount: payOut.amount,
      }),
    );
  });

  it('refuses a re-check of a round that is not settled', async () => {
    const { orderId } = await draftOrder(a, { solutionId, price: '600000000', disputeWindowSeconds: 3600 });
    await signBoth(a, orderId);
    await uploadRound(a, orderId, 1, ['40', '44']);
    await signRecord(a, orderId, 1);
    await expect(
      a.admin.post(`/orders/${orderId}/rounds/1/rechecks`, { reason: 'Hậu kiểm khi chưa thanh toán.' }),
    ).rejects.toMatchObject({ status: 409, body: { code: 'ACCEPTANCE.RECORD_NOT_REOPENABLE' } });
    await expect(
      a.admin.post(`/orders/${orderId}/disputes/00000000-0000-4000-8000-000000000000/resolution`, {
        outcome: 'REVERSE',
        note: 'Không hợp lệ.',
      }),
    ).rejects.toMatchObject({ status: 400 });
  });

  async function eventuallySettled(orderId: string, count: number): Promise<SettlementShape[]> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const rows = await settlements(orderId);
      if (rows.length >= count) return rows;
      if (Date.now() > deadline) throw new Error(`order ${orderId}: ${rows.length}/${count} settlements`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
});

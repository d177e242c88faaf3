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
  type RecordShape,
  type TestSystem,
} from '@app/test-support';

jest.setTimeout(120_000);

const PRICE = 600_000_000n;
const NOTE = 'Đã bàn giao hệ thống điều khiển đèn tín hiệu tại 12 nút giao, kèm biên bản lắp đặt và đào tạo.';

interface SettlementShape {
  roundNo: number;
  amount: string;
  paidCumulative: string;
}

/**
 * The fixed delivery share d: earned once, on confirmed delivery. The officer's delivery record (round 0) is signed,
 * disputable and settled like a round's record; the measurement rounds then pay (1 − d)·M·share·f on top of it.
 */
describe('acceptance: the fixed delivery share', () => {
  let system: TestSystem;
  let a: Actors;
  let solutionId: string;

  beforeAll(async () => {
    system = await startSystem();
    ({ a, solutionId } = await fundedActors(system.admin, 'delivery'));
  });
  afterAll(() => system?.stop());

  const settlements = (orderId: string) => a.vendor.get<SettlementShape[]>(`/orders/${orderId}/settlements`);
  const confirm = (orderId: string, by = a.officer) =>
    by.post<RecordShape & { deliveryNote: string }>(`/orders/${orderId}/delivery`, { note: NOTE });

  it('pays d·M once on the signed delivery record, then the rounds on top, and closes with escrow at zero', async () => {
    const { orderId } = await draftOrder(a, { solutionId, price: PRICE.toString(), deliveryShareBp: 2000 });
    await expect(confirm(orderId)).rejects.toMatchObject({
      status: 409,
      body: { code: 'ACCEPTANCE.ORDER_NOT_ACTIVE' },
    });
    await signBoth(a, orderId);
    await expect(confirm(orderId, a.vendor)).rejects.toMatchObject({ status: 403 });
    await expect(confirm(orderId, a.buyer)).rejects.toMatchObject({ status: 403 });
    await expect(a.officer.post(`/orders/${orderId}/delivery`, { note: 'ngắn' })).rejects.toMatchObject({
      status: 400,
    });

    const delivery = await confirm(orderId);
    const deliveryShare = (PRICE * 2000n) / 10_000n;
    expect(delivery).toMatchObject({
      roundNo: 0,
      status: 'EVALUATED',
      deliveryNote: NOTE,
      earnedCumulative: deliveryShare.toString(),
      results: [],
    });
    await expect(confirm(orderId)).rejects.toMatchObject({
      status: 409,
      body: { code: 'ACCEPTANCE.DELIVERY_ALREADY_CONFIRMED' },
    });
    // nothing is paid before the officer signs the record
    expect(await settlements(orderId)).toEqual([]);

    await signRecord(a, orderId, 0);
    const paidDelivery = await eventually(async () => {
      const settled = await settlements(orderId);
      return settled.length === 1 ? settled : undefined;
    }, 'the delivery settlement');
    expect(paidDelivery).toMatchObject([
      { roundNo: 0, amount: deliveryShare.toString(), paidCumulative: deliveryShare.toString() },
    ]);

    // mean 42 on baseline 30 → target 45: attainment 0.8, so the round pays 0.8 of (1 − d)·M
    await uploadRound(a, orderId, 1, ['40', '44']);
    const round = await signRecord(a, orderId, 1);
    const roundPays = (PRICE * 8000n * 8n) / (10_000n * 10n);
    expect(round.earnedCumulative).toBe((deliveryShare + roundPays).toString());
    await orderClosed(a.buyer, orderId);
    expect((await settlements(orderId)).map((s) => [s.roundNo, s.amount, s.paidCumulative])).toEqual([
      [0, deliveryShare.toString(), deliveryShare.toString()],
      [1, roundPays.toString(), (deliveryShare + roundPays).toString()],
    ]);
    expect((await a.buyer.get<{ escrowBalance: string }>(`/orders/${orderId}`)).escrowBalance).toBe('0');
    expect(await a.admin.get('/ledger/reconciliation')).toMatchObject({ ok: true, totalBalance: '0' });
  });

  it('refuses to confirm delivery of an order without a delivery share', async () => {
    const { orderId } = await draftOrder(a, { solutionId, price: PRICE.toString() });
    await signBoth(a, orderId);
    await expect(confirm(orderId)).rejects.toMatchObject({
      status: 409,
      body: { code: 'ACCEPTANCE.NO_DELIVERY_SHARE' },
    });
  });
});

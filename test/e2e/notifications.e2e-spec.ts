import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  draftOrder,
  eventually,
  everyPage,
  fundedActors,
  noticesAbout,
  orderClosed,
  signBoth,
  signRecord,
  startSystem,
  uploadRound,
  type Actors,
  type Notice,
  type TestSystem,
} from '@app/test-support';

jest.setTimeout(180_000);

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

interface Delivery {
  id: string;
  event: string;
  body: string;
  status: string;
  replays: number;
  attempts: Array<{ statusCode: number | null; error: string | null }>;
}

/** A local receiver: refuses the first request it gets with 503, accepts every later one. */
async function receiver(): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const status = received.length === 0 ? 503 : 204;
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status });
      res.writeHead(status).end(status === 503 ? 'bận / busy' : undefined);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received, server };
}

/** People are told what needs them, in their inbox and through their organisation's signed webhook. */
describe('notifications and webhooks', () => {
  let system: TestSystem;
  let a: Actors;
  let solutionId: string;
  let hook: Awaited<ReturnType<typeof receiver>>;
  let webhook: { id: string; url: string; secret: string };
  let orderId: string;

  beforeAll(async () => {
    system = await startSystem();
    ({ a, solutionId } = await fundedActors(system.admin, 'thongbao'));
    hook = await receiver();
  });
  afterAll(async () => {
    hook?.server.closeAllConnections();
    await new Promise((resolve) => hook?.server.close(resolve));
    await system?.stop();
  });

  it('registers a webhook for the organisation, validates the URL and shows the secret once', async () => {
    for (const url of ['ftp://example.org/hook', 'http://user:mat-khau@example.org/hook', 'khong-phai-url'])
      await expect(a.vendor.post('/webhooks', { url })).rejects.toMatchObject({
        status: 400,
        body: { code: 'NOTIFICATIONS.INVALID_WEBHOOK_URL' },
      });
    await expect(a.officer.post('/webhooks', { url: hook.url })).rejects.toMatchObject({ status: 403 });
    webhook = await a.vendor.post('/webhooks', { url: hook.url });
    expect(webhook.secret).toMatch(/^whsec_[0-9a-f]{64}$/);
    const listed = await a.vendor.get<Array<Record<string, unknown>>>('/webhooks');
    expect(listed).toEqual([expect.objectContaining({ id: webhook.id, url: hook.url })]);
    expect(listed[0]).not.toHaveProperty('secret');
    expect(await a.buyer.get('/webhooks')).toEqual([]);
  });

  it('tells the officers a record is ready, the vendor its dispute window, everyone the money', async () => {
    ({ orderId } = await draftOrder(a, { solutionId, price: '600000000' }));
    await signBoth(a, orderId);
    await uploadRound(a, orderId, 1, ['42']);
    expect(await noticesAbout(a.buyer, 'record-ready-to-sign', orderId)).toHaveLength(1);
    await signRecord(a, orderId, 1);
    const [signed] = await noticesAbout(a.vendor, 'record-signed', orderId);
    expect(signed.data.disputeDeadline).toBeDefined();
    expect(signed.messageVi).toContain('khiếu nại đến');
    await orderClosed(a.buyer, orderId);
    // mean 42 → attainment 0.8 → 480,000,000 paid, 120,000,000 back to the budget
    for (const client of [a.vendor, a.buyer])
      expect((await noticesAbout(client, 'payment-made', orderId))[0].data.amount).toBe('480000000');
    const [released] = await noticesAbout(a.buyer, 'remainder-released', orderId);
    expect(released.messageVi).toContain('120.000.000');
    expect((await a.vendor.get<Notice[]>('/notifications')).filter((n) => n.kind === 'remainder-released')).toEqual([]);
  });

  it('tells the agency, the vendor and the operator of a dispute and its resolution', async () => {
    const { orderId: disputed } = await draftOrder(a, { solutionId, price: '600000000', disputeWindowSeconds: 3600 });
    await signBoth(a, disputed);
    await uploadRound(a, disputed, 1, ['45']);
    await signRecord(a, disputed, 1);
    const dispute = await a.vendor.post<{ id: string }>(`/orders/${disputed}/rounds/1/disputes`, {
      reason: 'Camera nút giao mất tín hiệu ba ngày; số liệu lệch thấp.',
      evidence: [{ name: 'nhat-ky.csv', sha256: 'c'.repeat(64) }],
    });
    for (const client of [a.buyer, a.vendor, system.admin])
      expect(await noticesAbout(client, 'dispute-opened', disputed)).toHaveLength(1);
    await a.admin.post(`/orders/${disputed}/disputes/${dispute.id}/resolution`, {
      outcome: 'UPHOLD',
      note: 'Đã đối chiếu nhật ký; giữ nguyên biên bản.',
    });
    for (const client of [a.buyer, a.vendor])
      expect((await noticesAbout(client, 'dispute-resolution', disputed))[0].messageVi).toContain('giữ nguyên');
  });

  it('posts every notice of the organisation signed, retries a refused delivery, logs and replays it', async () => {
    const deliveries = async () =>
      (await a.vendor.get<{ items: Delivery[] }>(`/webhooks/${webhook.id}/deliveries?limit=200`)).items;
    const notices = await a.vendor.get<Array<{ id: string }>>('/notifications');
    // every notice the vendor received after registering reached the receiver, once accepted
    const all = await eventually(async () => {
      const list = await deliveries();
      return list.length > 0 && list.every((d) => d.status === 'DELIVERED') && list.length >= 4 ? list : undefined;
    }, 'every delivery accepted');
    expect(all.map((d) => d.event)).toEqual(
      expect.arrayContaining(['record-signed', 'payment-made', 'dispute-opened', 'dispute-resolution']),
    );
    for (const d of all)
      expect(notices.map((n) => n.id)).toContain(
        (JSON.parse(d.body) as { notification: { id: string } }).notification.id,
      );
    // the first request was refused: that delivery was tried again after a backoff, both attempts logged
    const retried = all.find((d) => d.attempts.length > 1)!;
    expect(retried.attempts.map((t) => t.statusCode)).toEqual([503, 204]);
    expect(retried.attempts[0].error).toContain('busy');

    // each request is signed: HMAC-SHA256 over "<timestamp>.<body>" with the secret shown at registration
    for (const r of hook.received) {
      const timestamp = r.headers['x-cds-timestamp'] as string;
      const expected = createHmac('sha256', webhook.secret).update(`${timestamp}.${r.body}`).digest('hex');
      expect(r.headers['x-cds-signature']).toBe(`t=${timestamp},v1=${expected}`);
      expect(r.headers['content-type']).toBe('application/json');
    }
    const accepted = hook.received.filter((r) => r.status === 204);
    expect(new Set(accepted.map((r) => r.headers['x-cds-delivery']))).toEqual(new Set(all.map((d) => d.id)));

    // a replay sends the same body again, through the queue, and logs the attempt
    const target = all[0];
    const before = hook.received.length;
    await expect(a.buyer.post(`/webhooks/${webhook.id}/deliveries/${target.id}/replay`)).rejects.toMatchObject({
      status: 404,
      body: { code: 'NOTIFICATIONS.WEBHOOK_NOT_FOUND' },
    });
    expect(await a.vendor.post<Delivery>(`/webhooks/${webhook.id}/deliveries/${target.id}/replay`)).toMatchObject({
      status: 'PENDING',
      replays: 1,
    });
    const replayed = await eventually(async () => {
      const d = (await deliveries()).find((x) => x.id === target.id);
      return d?.status === 'DELIVERED' && d.replays === 1 ? d : undefined;
    }, 'the replayed delivery');
    expect(replayed.attempts).toHaveLength(target.attempts.length + 1);
    const resent = hook.received.slice(before).filter((r) => r.headers['x-cds-delivery'] === target.id);
    expect(resent.map((r) => r.body)).toEqual([target.body]);

    // the log pages by cursor, newest first, completely
    const paged = await everyPage<Delivery>(a.vendor, `/webhooks/${webhook.id}/deliveries`, 1);
    expect(paged.map((d) => d.id)).toEqual((await deliveries()).map((d) => d.id));
    expect(paged.length).toBeGreaterThanOrEqual(4);
    await expect(a.vendor.get(`/webhooks/${webhook.id}/deliveries?cursor=nonsense`)).rejects.toMatchObject({
      status: 400,
      body: { code: 'NOTIFICATIONS.INVALID_CURSOR' },
    });
  });
});

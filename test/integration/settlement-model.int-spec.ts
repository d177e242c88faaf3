import { randomBytes, randomUUID } from 'node:crypto';
import { Test, type TestingModule } from '@nestjs/testing';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { AcceptanceFacade, AcceptanceNotices } from '@app/acceptance';
import { type Principal } from '@app/identity';
import { DomainError, Fraction } from '@app/kernel';
import { LedgerFacade } from '@app/ledger';
import { PlatformModule } from '@app/platform';
import { TrustSourceModule } from '@app/ranking';
import { SettlementFacade, SettlementModule } from '@app/settlement';
import { createTestDatabase, type TestDatabase } from '@app/test-support';
import { migrations } from '../../migrations';

jest.setTimeout(300_000);

const MAX = 1_000_003n;
const SHARES = [3_333, 3_333, 3_334];
const BASELINE = 30;
const TARGET = 45;
const WINDOW_OPEN = 3_600;
/** The fixed delivery share: earned once, when the delivery record (round 0) settles. */
const DELIVERY_BP = 2_000;

type RoundStatus = 'NONE' | 'EVALUATED' | 'SIGNED' | 'DISPUTED' | 'PAYABLE' | 'SETTLED';
interface ModelOrder {
  id: string;
  window: number;
  status: 'ACTIVE' | 'CLOSED';
  ended: boolean;
  rounds: ModelRound[];
  /** the delivery record, confirmed and signed in one step */
  delivery: 'NONE' | 'SIGNED' | 'PAYABLE' | 'SETTLED';
  deliveryDue: boolean;
}
interface ModelRound {
  status: RoundStatus;
  /** mean of the record in force */
  measured: Fraction | null;
  /** mean of the last settled record version: what the order's payments are based on */
  settled: Fraction | null;
  version: number;
  due: boolean;
  dispute: string | null;
  /** the open dispute is the operator's re-check of a settled round */
  audit: boolean;
}

/** Exact earning of one round (the reference model, written independently of the kernel's payout module). */
function roundExact(measured: Fraction, shareBp: number): Fraction {
  let a = measured.sub(BASELINE).div(TARGET - BASELINE);
  if (a.lt(0)) a = new Fraction(0);
  if (a.gt(1)) a = new Fraction(1);
  const f = a.lt(new Fraction(1, 2)) ? new Fraction(0) : a;
  return new Fraction(MAX)
    .mul(10_000 - DELIVERY_BP)
    .div(10_000)
    .mul(shareBp)
    .div(10_000)
    .mul(f);
}
const floorOf = (f: Fraction) => BigInt(f.floor().toString());
/** What the settled record versions earned: settlement pays exactly this, clawing back when a correction lowered it. */
const settledEarned = (o: ModelOrder) =>
  floorOf(
    o.rounds.reduce(
      (sum, r, i) => (r.settled ? sum.add(roundExact(r.settled, SHARES[i])) : sum),
      o.delivery === 'SETTLED' ? new Fraction(MAX).mul(DELIVERY_BP).div(10_000) : new Fraction(0),
    ),
  );
/** Closed by settlement or expiry only with every round settled (or never measured, on expiry) and no delivery pending. */
const deliveryDone = (o: ModelOrder) => o.delivery === 'NONE' || o.delivery === 'SETTLED';
/** The exact mean (the system rounds nothing before the payment formula). */
const meanOf = (values: number[]) =>
  values.reduce((s, v) => s.add(new Fraction(v, 10)), new Fraction(0)).div(values.length);

type Command =
  | { kind: 'upload'; order: number; round: number; values: number[] }
  | { kind: 'signRecord' | 'dispute' | 'recheck' | 'settle'; order: number; round: number }
  | { kind: 'correct'; order: number; values: number[] }
  | { kind: 'resolve' | 'passWindow' | 'expire' | 'deliver'; order: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    kind: fc.constant('upload' as const),
    order: fc.nat(2),
    round: fc.nat(2),
    values: fc.array(fc.integer({ min: 250, max: 500 }), { minLength: 1, maxLength: 4 }),
  }),
  fc.record({
    kind: fc.constantFrom('signRecord' as const, 'dispute' as const, 'recheck' as const, 'settle' as const),
    order: fc.nat(2),
    round: fc.nat(2),
  }),
  fc.record({
    kind: fc.constant('correct' as const),
    order: fc.nat(2),
    values: fc.array(fc.integer({ min: 250, max: 500 }), { minLength: 1, maxLength: 4 }),
  }),
  fc.record({
    kind: fc.constantFrom('resolve' as const, 'passWindow' as const, 'expire' as const, 'deliver' as const),
    order: fc.nat(2),
  }),
);

/**
 * Model-based: random sequences of upload / sign record / dispute / re-check / uphold / correct / window passing /
 * settle / expiry run
 * against the real use cases and PostgreSQL, and against an in-memory reference model; after every step the
 * money invariants hold, and paid amounts equal the model's to the đồng.
 */
describe('settlement against a reference model (fast-check, real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: TestingModule;
  let acceptance: AcceptanceFacade;
  let settlement: SettlementFacade;
  let ledger: LedgerFacade;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    Object.assign(process.env, {
      DATABASE_URL: db.url,
      JWT_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'silent',
      QUEUE_PREFIX: `m${randomBytes(4).toString('hex')}`,
    });
    app = await Test.createTestingModule({
      imports: [PlatformModule.forRoot({ migrations }), SettlementModule, TrustSourceModule],
    }).compile();
    await app.init();
    acceptance = app.get(AcceptanceFacade, { strict: false });
    settlement = app.get(SettlementFacade);
    ledger = app.get(LedgerFacade, { strict: false });
    ds = app.get(DataSource);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const agency = randomUUID();
  const vendor = randomUUID();
  const officer: Principal = {
    userId: randomUUID(),
    apiKeyId: null,
    organisationId: agency,
    organisationType: 'AGENCY',
    roles: ['ACCEPTANCE_OFFICER'],
    name: 'Cán bộ nghiệm thu',
  };
  const vendorUser: Principal = {
    userId: randomUUID(),
    apiKeyId: null,
    organisationId: vendor,
    organisationType: 'VENDOR',
    roles: ['VENDOR'],
    name: 'Nhà cung cấp',
  };
  const operator: Principal = {
    userId: randomUUID(),
    apiKeyId: null,
    organisationId: randomUUID(),
    organisationType: 'OPERATOR',
    roles: ['OPERATOR_ADMIN'],
    name: 'Quản trị',
  };

  async function newOrder(window: number): Promise<ModelOrder> {
    const id = randomUUID();
    const start = Date.now() - 86_400_000 * 10;
    const day = 86_400_000;
    const terms = {
      orderId: id,
      agencyOrganisationId: agency,
      vendorOrganisationId: vendor,
      maxAmount: MAX.toString(),
      deliveryShareBp: DELIVERY_BP,
      floorBp: 5000,
      disputeWindowSeconds: window,
      kpis: [
        {
          key: 'K1',
          nameVi: 'Tốc độ',
          nameEn: 'Speed',
          unit: 'km/h',
          weightBp: 10_000,
          baseline: String(BASELINE),
          target: String(TARGET),
          direction: 'increase',
          aggregation: 'mean',
          minimumSample: 1,
        },
      ],
      rounds: SHARES.map((shareBp, i) => ({
        no: i + 1,
        shareBp,
        startsAt: new Date(start + i * day).toISOString(),
        endsAt: new Date(start + (i + 1) * day).toISOString(),
      })),
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 365 * day).toISOString(),
    };
    await ds.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO ordering.orders (id, call_id, agency_organisation_id, vendor_organisation_id, status, max_amount,
                                      terms, terms_hash, activated_at)
         VALUES ($1, $2, $3, $4, 'ACTIVE', $5, $6, 'h', now())`,
        [id, randomUUID(), agency, vendor, MAX.toString(), JSON.stringify(terms)],
      );
      const world = await ledger.openAccount(tx, 'appropriation:city', 'APPROPRIATION', null);
      const escrow = await ledger.openAccount(tx, `escrow:${id}`, 'ORDER_ESCROW', id);
      await ledger.move(tx, { id: randomUUID(), kind: 'reserve', from: world, to: escrow, amount: MAX });
    });
    const rounds = SHARES.map((): ModelRound => ({
      status: 'NONE',
      measured: null,
      settled: null,
      version: 1,
      due: false,
      dispute: null,
      audit: false,
    }));
    return { id, window, status: 'ACTIVE', ended: false, rounds, delivery: 'NONE', deliveryDue: false };
  }

  /** Stores a batch of points; revision 1 is the round's data, a higher one a correction's. */
  async function store(o: ModelOrder, roundNo: number, values: number[], revision: number): Promise<void> {
    const batch = randomUUID();
    await ds.query(
      `INSERT INTO acceptance.measurement_batches (id, order_id, round_no, revision, format, sha256, row_count,
                                                   organisation_id)
       VALUES ($1, $2, $3, $4, 'json', $5, $6, $7)`,
      [batch, o.id, roundNo, revision, randomBytes(32).toString('hex'), values.length, agency],
    );
    const start = Date.parse((await orderTerms(o.id)).rounds[roundNo - 1].startsAt);
    const points = values.map((v, i) => ({
      at: new Date(start + (i + 1) * 60_000 + Math.floor(Math.random() * 1e6)),
      v,
    }));
    await ds.query('SELECT acceptance.ensure_measurement_partitions($1, $2)', [
      new Date(start),
      new Date(start + 86_400_000),
    ]);
    for (const [i, p] of points.entries()) {
      await ds.query(
        `INSERT INTO acceptance.measurements (batch_id, order_id, round_no, revision, kpi_key, observed_at, value,
                                              line_no)
         VALUES ($1, $2, $3, $4, 'K1', $5, $6, $7)`,
        [batch, o.id, roundNo, revision, p.at, String(p.v / 10), i + 1],
      );
    }
  }
  const orderTerms = async (id: string) =>
    (
      await ds.query<Array<{ terms: { rounds: Array<{ startsAt: string }> } }>>(
        'SELECT terms FROM ordering.orders WHERE id = $1',
        [id],
      )
    )[0].terms;

  const expectRefused = async (work: Promise<unknown>) => {
    const error = await work.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
  };

  async function step(orders: ModelOrder[], c: Command): Promise<void> {
    const o = orders[c.order];
    const roundNo = 'round' in c ? c.round + 1 : 0;
    const r = roundNo ? o.rounds[roundNo - 1] : undefined;
    switch (c.kind) {
      case 'upload': {
        if (o.status !== 'ACTIVE' || r!.status !== 'NONE') return;
        await store(o, roundNo, c.values, 1);
        await acceptance.evaluate({ orderId: o.id, roundNo });
        r!.measured = meanOf(c.values);
        r!.status = 'EVALUATED';
        return;
      }
      case 'signRecord': {
        const hash =
          (await acceptance.records(officer, o.id)).find((x) => x.roundNo === roundNo && x.status !== 'SUPERSEDED')
            ?.recordHash ?? '0';
        if (r!.status !== 'EVALUATED') return expectRefused(acceptance.sign(officer, o.id, roundNo, hash));
        await acceptance.sign(officer, o.id, roundNo, hash);
        r!.status = o.window === 0 ? 'PAYABLE' : 'SIGNED';
        return;
      }
      case 'dispute': {
        const input = { reason: 'Số liệu thiếu ba ngày.', evidence: [{ name: 'log.csv', sha256: 'a'.repeat(64) }] };
        if (r!.status !== 'SIGNED') return expectRefused(acceptance.dispute(vendorUser, o.id, roundNo, input));
        r!.dispute = (await acceptance.dispute(vendorUser, o.id, roundNo, input)).id;
        r!.status = 'DISPUTED';
        return;
      }
      case 'recheck': {
        const reason = 'Hậu kiểm: số liệu bị ghi trùng.';
        if (o.status !== 'ACTIVE' || r!.status !== 'SETTLED')
          return expectRefused(acceptance.recheck(operator, o.id, roundNo, reason));
        r!.dispute = (await acceptance.recheck(operator, o.id, roundNo, reason)).id;
        r!.status = 'DISPUTED';
        r!.audit = true;
        return;
      }
      case 'resolve': {
        const disputed = o.rounds.find((x) => x.dispute);
        if (!disputed) return;
        await acceptance.resolve(operator, o.id, disputed.dispute!, {
          note: 'Giữ nguyên biên bản.',
          outcome: 'UPHELD',
        });
        // the worker's part: the restored round's event lets settlement close a complete order
        if (disputed.audit) await settlement.restored({ orderId: o.id, roundNo: o.rounds.indexOf(disputed) + 1 });
        disputed.dispute = null;
        disputed.status = disputed.audit ? 'SETTLED' : disputed.due ? 'PAYABLE' : 'SIGNED';
        disputed.audit = false;
        if (o.rounds.every((x) => x.status === 'SETTLED') && deliveryDone(o)) o.status = 'CLOSED';
        return;
      }
      case 'correct': {
        const disputed = o.rounds.find((x) => x.dispute);
        if (!disputed) return;
        const correction = { note: 'Hiệu chỉnh theo số liệu đo lại.', outcome: 'CORRECTED' as const };
        await expectRefused(acceptance.resolve(operator, o.id, disputed.dispute!, correction));
        await store(o, o.rounds.indexOf(disputed) + 1, c.values, disputed.version + 1);
        await acceptance.resolve(operator, o.id, disputed.dispute!, correction);
        Object.assign(disputed, {
          status: 'EVALUATED',
          measured: meanOf(c.values),
          version: disputed.version + 1,
          dispute: null,
          audit: false,
          due: false,
        });
        return;
      }
      case 'passWindow': {
        await ds.query(
          `UPDATE acceptance.records SET dispute_deadline = now() - interval '1 second'
           WHERE order_id = $1 AND status IN ('SIGNED', 'DISPUTED')`,
          [o.id],
        );
        for (const x of o.rounds) if (x.status === 'SIGNED' || x.status === 'DISPUTED') x.due = true;
        if (o.delivery === 'SIGNED') o.deliveryDue = true;
        while ((await acceptance.releaseDue(1000)) === 1000);
        for (const order of orders) {
          for (const x of order.rounds) if (x.status === 'SIGNED' && x.due) x.status = 'PAYABLE';
          if (order.delivery === 'SIGNED' && order.deliveryDue) order.delivery = 'PAYABLE';
        }
        return;
      }
      case 'settle': {
        await settlement.settle({ orderId: o.id, roundNo });
        // Any settlement job drains the backlog: every payable round and delivery of every order.
        for (const order of orders) {
          const paying = order.rounds.filter((x) => x.status === 'PAYABLE');
          for (const x of paying) Object.assign(x, { status: 'SETTLED', settled: x.measured });
          const delivering = order.delivery === 'PAYABLE';
          if (delivering) order.delivery = 'SETTLED';
          if (
            (paying.length > 0 || delivering) &&
            order.rounds.every((x) => x.status === 'SETTLED') &&
            deliveryDone(order)
          )
            order.status = 'CLOSED';
        }
        return;
      }
      case 'expire': {
        await ds.query(
          `UPDATE ordering.orders SET terms = jsonb_set(terms, '{endsAt}', to_jsonb((now() - interval '1 second')::text))
           WHERE id = $1`,
          [o.id],
        );
        o.ended = true;
        while ((await settlement.expireDue(1000)) === 1000);
        for (const order of orders)
          if (
            order.ended &&
            order.rounds.every((x) => x.status === 'NONE' || x.status === 'SETTLED') &&
            deliveryDone(order)
          )
            order.status = 'CLOSED';
        return;
      }
      case 'deliver': {
        const note = 'Đã bàn giao và vận hành thử hệ thống.';
        if (o.status !== 'ACTIVE' || o.delivery !== 'NONE')
          return expectRefused(acceptance.confirmDelivery(officer, o.id, note));
        const record = await acceptance.confirmDelivery(officer, o.id, note);
        await acceptance.sign(officer, o.id, 0, record.recordHash);
        o.delivery = o.window === 0 ? 'PAYABLE' : 'SIGNED';
        return;
      }
    }
  }

  async function checkInvariants(orders: ModelOrder[]): Promise<void> {
    const reconciliation = await ledger.reconcile();
    expect(reconciliation).toMatchObject({ ok: true, totalBalance: '0' });
    for (const o of orders) {
      const [row] = await ds.query<Array<{ status: string; paid: string; escrow: string }>>(
        `SELECT o.status, coalesce((SELECT sum(amount) FROM settlement.settlements s WHERE s.order_id = o.id), 0)::text AS paid,
                coalesce((SELECT balance FROM ledger.accounts a WHERE a.code = 'escrow:' || o.id), 0)::text AS escrow
         FROM ordering.orders o WHERE o.id = $1`,
        [o.id],
      );
      const statuses = (await acceptance.records(operator, o.id))
        .filter((x) => x.status !== 'SUPERSEDED')
        .map((x) => [x.roundNo, x.status]);
      expect(statuses).toEqual([
        ...(o.delivery === 'NONE' ? [] : [[0, o.delivery]]),
        ...o.rounds.flatMap((x, i) => (x.status === 'NONE' ? [] : [[i + 1, x.status]])),
      ]);
      expect(row.status).toBe(o.status);
      const paid = BigInt(row.paid);
      const escrow = BigInt(row.escrow);
      expect(paid).toBe(settledEarned(o));
      expect(paid).toBeLessThanOrEqual(MAX);
      expect(escrow).toBe(o.status === 'CLOSED' ? 0n : MAX - paid);
      // one money notice per transfer, naming the rounds it settles and what it moved
      const byTransfer = await ds.query<Array<{ amount: string; rounds: number[] }>>(
        `SELECT sum(amount)::text AS amount, array_agg(round_no ORDER BY round_no) AS rounds FROM settlement.settlements
         WHERE order_id = $1 AND transfer_id IS NOT NULL GROUP BY transfer_id`,
        [o.id],
      );
      const notices = await ds.query<Array<{ payload: { amount: string; roundNos: number[] } }>>(
        `SELECT payload FROM platform.outbox WHERE job_name = ANY($2) AND payload ->> 'orderId' = $1`,
        [o.id, [AcceptanceNotices.paid, AcceptanceNotices.clawedBack]],
      );
      const told = notices.map(({ payload }) => ({
        amount: payload.amount,
        rounds: [...payload.roundNos].sort((x, y) => x - y),
      }));
      const inOneOrder = (movements: Array<{ amount: string; rounds: number[] }>) =>
        movements.map((m) => JSON.stringify(m)).sort();
      expect(inOneOrder(told)).toEqual(inOneOrder(byTransfer));
      // every settlement is in the audit chain: what identifies it and what it moved
      const audited = await ds.query<unknown[]>(
        `SELECT s ->> 'id' AS id, (s ->> 'roundNo')::int AS "roundNo", (s ->> 'recordVersion')::int AS "recordVersion",
                s ->> 'amount' AS amount
         FROM audit.events e, jsonb_array_elements(e.after -> 'settlements') s
         WHERE e.entity_type = 'settlement' AND e.action = 'settled' AND s ->> 'orderId' = $1 ORDER BY 1`,
        [o.id],
      );
      const settlements = await ds.query<unknown[]>(
        `SELECT id::text, round_no AS "roundNo", record_version AS "recordVersion", amount::text
         FROM settlement.settlements WHERE order_id = $1 ORDER BY 1`,
        [o.id],
      );
      expect(audited).toEqual(settlements);
    }
  }

  it('keeps conservation, no overdraw, paid = settled earnings ≤ max (clawbacks included), closed ⇒ escrow 0, exact to the đồng', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(0, WINDOW_OPEN), { minLength: 3, maxLength: 3 }),
        fc.array(command, { minLength: 5, maxLength: 30 }),
        async (windows, commands) => {
          const orders = await Promise.all(windows.map((w) => newOrder(w)));
          for (const c of commands) {
            await step(orders, c);
            await checkInvariants(orders);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('keeps an order open while its delivery record waits out its window, and closes it once delivery is paid', async () => {
    const values = fc.array(fc.integer({ min: 250, max: 500 }), { minLength: 1, maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(fc.tuple(values, values, values), async (perRound) => {
        const o = await newOrder(WINDOW_OPEN);
        const run = (c: Command) => step([o], c).then(() => checkInvariants([o]));
        for (const [round, roundValues] of perRound.entries()) {
          await run({ kind: 'upload', order: 0, round, values: roundValues });
          await run({ kind: 'signRecord', order: 0, round });
        }
        await run({ kind: 'passWindow', order: 0 });
        await run({ kind: 'deliver', order: 0 });
        await run({ kind: 'settle', order: 0, round: 0 });
        expect([o.status, o.delivery]).toEqual(['ACTIVE', 'SIGNED']);
        await run({ kind: 'passWindow', order: 0 });
        await run({ kind: 'settle', order: 0, round: 0 });
        expect([o.status, o.delivery]).toEqual(['CLOSED', 'SETTLED']);
      }),
      { numRuns: 5 },
    );
  });

  it('claws back exactly what a corrected settled round no longer earns, and pays what it newly earns', async () => {
    const values = fc.array(fc.integer({ min: 250, max: 500 }), { minLength: 1, maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(values, values, values, async (first, other, corrected) => {
        const o = await newOrder(0);
        const run = (c: Command) => step([o], c).then(() => checkInvariants([o]));
        await run({ kind: 'upload', order: 0, round: 0, values: first });
        await run({ kind: 'upload', order: 0, round: 1, values: other });
        for (const round of [0, 1]) {
          await run({ kind: 'signRecord', order: 0, round });
          await run({ kind: 'settle', order: 0, round });
        }
        await run({ kind: 'recheck', order: 0, round: 0 });
        await run({ kind: 'correct', order: 0, values: corrected });
        await run({ kind: 'signRecord', order: 0, round: 0 });
        await run({ kind: 'settle', order: 0, round: 0 });
        expect(o.rounds.map((r) => r.status)).toEqual(['SETTLED', 'SETTLED', 'NONE']);
        expect(o.rounds[0].settled).toEqual(meanOf(corrected));
      }),
      { numRuns: 15 },
    );
  });
});

import { EntityManager } from 'typeorm';

/** One activated order's money, with what the city dashboard groups it by. */
export interface OrderMoneyRow {
  orderId: string;
  agencyOrganisationId: string;
  vendorOrganisationId: string;
  problemId: string;
  solutionId: string;
  categoryCode: string;
  status: string;
  committed: bigint;
  /** fixed delivery share of the price (basis points); the rest is payable only by measured results */
  deliveryShareBp: number;
  paid: bigint;
  /** escrow returned to the budget when the order closed */
  released: bigint;
  activatedAt: Date;
  closedAt: Date | null;
}

export interface CityFacts {
  listedVendors: Array<{ vendorOrganisationId: string; listedAt: Date }>;
  orders: OrderMoneyRow[];
  /** seconds from the round's first data upload to its settlement */
  uploadToPayment: Array<{ orderId: string; roundNo: number; seconds: number }>;
  /** seconds from the call opening to the order's last signature */
  callToOrder: Array<{ orderId: string; seconds: number }>;
}

/** Facts behind the city dashboard, read in one transaction so every figure agrees with the others. */
export async function cityFacts(tx: EntityManager): Promise<CityFacts> {
  const vendors = await tx.query<Array<{ vendor: string; listed_at: Date }>>(
    `SELECT vendor_organisation_id AS vendor, min(listed_at) AS listed_at FROM catalog.solutions
     WHERE status = 'LISTED' GROUP BY vendor_organisation_id ORDER BY 2, 1`,
  );
  const orders = await tx.query<
    Array<{
      id: string;
      agency: string;
      vendor: string;
      problem_id: string;
      solution_id: string;
      category: string;
      status: string;
      committed: string;
      delivery_share_bp: number;
      paid: string;
      activated_at: Date;
      closed_at: Date | null;
    }>
  >(
    `SELECT o.id, o.agency_organisation_id AS agency, o.vendor_organisation_id AS vendor,
            o.terms ->> 'problemId' AS problem_id, o.terms ->> 'solutionId' AS solution_id,
            p.category_code AS category, o.status, o.max_amount::text AS committed,
            coalesce((o.terms ->> 'deliveryShareBp')::int, 0) AS delivery_share_bp,
            coalesce((SELECT sum(s.amount) FROM acceptance.settlements s WHERE s.order_id = o.id), 0)::text AS paid,
            o.activated_at, o.closed_at
     FROM ordering.orders o JOIN problems.problems p ON p.id = (o.terms ->> 'problemId')::uuid
     WHERE o.activated_at IS NOT NULL ORDER BY o.activated_at, o.id`,
  );
  const uploads = await tx.query<Array<{ order_id: string; round_no: number; seconds: number }>>(
    `SELECT s.order_id, s.round_no,
            extract(epoch FROM s.settled_at - (SELECT min(b.created_at) FROM acceptance.measurement_batches b
                                               WHERE b.order_id = s.order_id AND b.round_no = s.round_no))::float8 AS seconds
     FROM acceptance.settlements s ORDER BY s.settled_at, s.order_id`,
  );
  const calls = await tx.query<Array<{ order_id: string; seconds: number }>>(
    `SELECT o.id AS order_id, extract(epoch FROM o.activated_at - c.opened_at)::float8 AS seconds
     FROM ordering.orders o JOIN competition.calls c ON c.id = o.call_id
     WHERE o.activated_at IS NOT NULL ORDER BY o.activated_at, o.id`,
  );
  return {
    listedVendors: vendors.map((v) => ({ vendorOrganisationId: v.vendor, listedAt: v.listed_at })),
    orders: orders.map((o) => {
      const committed = BigInt(o.committed);
      const paid = BigInt(o.paid);
      return {
        orderId: o.id,
        agencyOrganisationId: o.agency,
        vendorOrganisationId: o.vendor,
        problemId: o.problem_id,
        solutionId: o.solution_id,
        categoryCode: o.category,
        status: o.status,
        committed,
        deliveryShareBp: o.delivery_share_bp,
        paid,
        released: o.status === 'CLOSED' ? committed - paid : 0n,
        activatedAt: o.activated_at,
        closedAt: o.closed_at,
      };
    }),
    uploadToPayment: uploads
      .filter((u) => u.seconds !== null)
      .map((u) => ({ orderId: u.order_id, roundNo: u.round_no, seconds: u.seconds })),
    callToOrder: calls.map((c) => ({ orderId: c.order_id, seconds: c.seconds })),
  };
}

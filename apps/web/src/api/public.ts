import { api, data, everyPage } from './client';

/*
 * The open-data lists (/public/*) are documented as pages of free-form objects; these are the fields the read
 * models of libs/acceptance/src/public-reads.ts select (snake_case, as the API sends them).
 */
export interface PublicKpi {
  code: string;
  nameVi: string;
  nameEn: string;
  unit: string;
  direction: string;
  baseline: string | null;
  target: string;
  weightBp: number | null;
}

export interface PublicProblem {
  id: string;
  code: string;
  agency_name: string;
  title_vi: string;
  title_en: string;
  category_code: string;
  budget_envelope: string;
  outcome_share_bp: number;
  deadline: string | null;
  published_at: string;
  kpis: PublicKpi[];
}

export interface PublicCall {
  id: string;
  problem_id: string;
  agency_name: string;
  status: string;
  opened_at: string;
  deadline: string;
  eligible_solutions: number;
  offers: number | null;
}

export interface PublicAwardOffer {
  offerId: string;
  vendorOrganisationId: string;
  price: string;
  status: string;
  rank: number | null;
  total: number | null;
  priceScore: number | null;
  effectScore: number | null;
  trustScore: number | null;
}

export interface PublicAward {
  id: string;
  call_id: string;
  problem_id: string;
  vendor_organisation_id: string;
  vendor_name: string;
  solution_id: string;
  price: string;
  justification: string | null;
  awarded_at: string | null;
  cancelled_at: string | null;
  offers: PublicAwardOffer[] | null;
}

export interface PublicOrder {
  id: string;
  call_id: string;
  trial: boolean;
  problem_id: string;
  agency_name: string;
  vendor_organisation_id: string;
  vendor_name: string;
  status: string;
  max_amount: string;
  activated_at: string | null;
  closed_at: string | null;
  terms: { startsAt: string; endsAt: string; rounds: Array<{ no: number; shareBp: number; endsAt: string }> };
}

export interface PublicResult {
  key: string;
  nameVi: string;
  unit: string;
  measured: string;
  baseline: string | null;
  target: string;
  attainment: string;
  payFraction: string;
  reasonVi: string;
  reasonEn: string;
}

export interface PublicAcceptance {
  id: string;
  order_id: string;
  round_no: number;
  status: string;
  earned_cumulative: string;
  evaluated_at: string;
  results: PublicResult[] | null;
}

/** payment and clawback (negative) move escrow to the vendor; release returns an order's remainder to the budget or a
 * co-funder; disbursement pays a vendor's payable out to its bank (no order). */
export interface PublicPayment {
  id: string;
  kind: 'payment' | 'clawback' | 'release' | 'disbursement';
  order_id: string | null;
  round_no: number | null;
  amount: string;
  occurred_at: string;
  payer_organisation_id: string | null;
  payee_organisation_id: string;
}

export interface PublicChange {
  seq: string;
  occurred_at: string;
  entity_type: string;
  entity_id: string;
  action: string;
  hash: string;
}

interface Lists {
  '/public/problems': PublicProblem;
  '/public/calls': PublicCall;
  '/public/awards': PublicAward;
  '/public/orders': PublicOrder;
  '/public/acceptance-results': PublicAcceptance;
  '/public/payments': PublicPayment;
}

const PAGE = 500;

/** Every item of an open-data list, following the cursor to the end. */
export function fetchAll<P extends keyof Lists>(path: P): Promise<Lists[P][]> {
  // Every list shares one query and page shape; the path is narrowed to one of them for the compiler.
  return everyPage(
    async (cursor) =>
      (await data(api.GET(path as '/public/problems', { params: { query: { limit: PAGE, cursor } } }))) as {
        items: Lists[P][];
        nextCursor?: string | null;
      },
  );
}

/** What the vendors earned for results, net of clawbacks (a disbursement only moves money already earned). */
export const paidForResults = (payments: PublicPayment[]) =>
  payments.filter((p) => p.kind === 'payment' || p.kind === 'clawback').reduce((sum, p) => sum + BigInt(p.amount), 0n);

/** One page of the change feed after a cursor. */
export async function fetchChanges(cursor?: string): Promise<{ items: PublicChange[]; nextCursor: string | null }> {
  const page = await data(api.GET('/public/changes', { params: { query: { limit: 100, cursor } } }));
  return { items: page.items as PublicChange[], nextCursor: page.nextCursor };
}

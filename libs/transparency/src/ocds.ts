import type { ContractingProcess, PublicAcceptance, PublicPayment } from './public-reads';

/**
 * OCDS 1.1.5 release package of one contracting process (a call on a catalogue problem). Codes come from the
 * official codelists; outcome data rides in extension fields prefixed `x_` (documented in OCDS-EXTENSION.md).
 */
export interface OcdsPackageOptions {
  ocidPrefix: string;
  /** absolute URI where this package is served */
  uri: string;
  publishedDate: Date;
}

type Json = Record<string, unknown>;

const CURRENCY = 'VND';
const PUBLISHER = { name: 'Sở Khoa học và Công nghệ Hà Nội — Chợ chuyển đổi số', uri: 'https://sokhcn.hanoi.gov.vn' };
const iso = (d: Date | string) => new Date(d).toISOString();
const money = (amount: string) => ({ amount: Number(amount), currency: CURRENCY });

export const ocidOf = (prefix: string, callId: string) => `${prefix}-${callId}`;

function tenderStatus(p: ContractingProcess, now: Date): string {
  if (p.call.status === 'CANCELLED') return 'cancelled';
  if (p.call.status === 'AWARDED') return 'complete';
  return new Date(p.call.deadline) > now ? 'active' : 'complete';
}

/** met when every KPI paid in full, notMet when none paid, else partiallyMet */
function milestoneStatus(record: PublicAcceptance | undefined): string {
  if (!record) return 'scheduled';
  const fractions = record.results.map((k) => Number(k.payFraction));
  if (fractions.every((f) => f >= 1)) return 'met';
  if (fractions.every((f) => f <= 0)) return 'notMet';
  return 'partiallyMet';
}

/** Movements of a contracting process all belong to its order, so each has a payer (the buying agency). */
type ProcessPayment = PublicPayment & { payer_organisation_id: string };

function transaction(p: ProcessPayment, names: Map<string, string>): Json {
  const org = (id: string) => ({ id, name: names.get(id) ?? id });
  return {
    // a release has one row per receiving account, each with its own id
    id: p.kind === 'payment' ? p.id : `${p.id}-${p.kind}`,
    date: iso(p.occurred_at),
    value: money(p.amount),
    payer: org(p.payer_organisation_id),
    payee: org(p.payee_organisation_id),
    x_kind: p.kind,
    x_roundNo: p.round_no,
  };
}

/**
 * The parties with their roles: the buyer, the supplier, each co-funder (`funder`), and `payer` / `payee` on every
 * organisation a transaction names as such, so each transaction's references resolve to a party with that role.
 */
function partiesOf(
  p: ContractingProcess,
  payments: ProcessPayment[],
): Array<{ id: string; name: string; roles: string[] }> {
  const parties = new Map<string, { id: string; name: string; roles: string[] }>();
  const add = (id: string, name: string, ...roles: string[]) => {
    const party = parties.get(id) ?? { id, name, roles: [] };
    for (const role of roles) if (!party.roles.includes(role)) party.roles.push(role);
    parties.set(id, party);
  };
  add(p.call.agency_organisation_id, p.call.agency_name, 'buyer', 'procuringEntity');
  if (p.award) add(p.award.vendor_organisation_id, p.award.vendor_name, 'supplier', 'tenderer');
  for (const f of p.order?.cofunders ?? []) add(f.id, f.name, 'funder');
  for (const t of payments) {
    add(t.payer_organisation_id, t.payer_organisation_id, 'payer');
    add(t.payee_organisation_id, t.payee_organisation_id, 'payee');
  }
  return [...parties.values()];
}

export function releasePackage(p: ContractingProcess, o: OcdsPackageOptions): Json {
  const ocid = ocidOf(o.ocidPrefix, p.call.id);
  const payments = p.payments.filter((t): t is ProcessPayment => t.payer_organisation_id !== null);
  const parties = partiesOf(p, payments);
  const names = new Map(parties.map((party) => [party.id, party.name]));
  const buyer = { id: p.call.agency_organisation_id, name: p.call.agency_name };
  const supplier = p.award ? { id: p.award.vendor_organisation_id, name: p.award.vendor_name } : null;
  const tender = {
    id: p.call.id,
    title: p.problem.title_vi,
    description: p.problem.title_en,
    status: tenderStatus(p, o.publishedDate),
    procurementMethod: 'open',
    procurementMethodDetails: 'Đặt hàng theo bài toán, thanh toán theo kết quả đo được / Outcome-based order',
    mainProcurementCategory: 'services',
    value: money(p.problem.budget_envelope),
    tenderPeriod: { startDate: iso(p.call.opened_at), endDate: iso(p.call.deadline) },
    ...(p.call.offers === null ? {} : { numberOfTenderers: p.call.offers }),
    x_problem: {
      id: p.problem.id,
      code: p.problem.code,
      categoryCode: p.problem.category_code,
      outcomeShareBp: p.problem.outcome_share_bp,
    },
    x_kpiTargets: p.problem.kpis,
  };
  const base = (id: string, date: Date | string, tag: string[]) => ({
    ocid,
    id: `${ocid}-${id}`,
    date: iso(date),
    tag,
    initiationType: 'tender',
    language: 'vi',
    parties,
    buyer,
    tender,
  });

  const releases: Json[] = [base('tender', p.call.opened_at, ['tender'])];
  const award = p.award && {
    id: p.award.offer_id,
    title: `Trao hợp đồng / Award: ${p.problem.title_vi}`,
    description: p.award.justification ?? undefined,
    status: p.award.cancelled_at ? 'cancelled' : 'active',
    date: iso(p.award.awarded_at ?? p.call.deadline),
    value: money(p.award.price),
    suppliers: supplier ? [supplier] : [],
    x_offers: p.award.offers,
  };
  if (award) releases.push({ ...base('award', award.date, ['award']), awards: [award] });

  if (p.order?.activated_at && award) {
    const order = p.order;
    const contract = {
      id: order.id,
      awardID: award.id,
      title: p.problem.title_vi,
      status: order.status === 'CLOSED' ? 'terminated' : 'active',
      value: money(order.max_amount),
      period: { startDate: iso(order.terms.startsAt), endDate: iso(order.terms.endsAt) },
      dateSigned: iso(order.activated_at as Date),
      x_termsHash: order.terms_hash,
      x_kpiTargets: order.terms.kpis,
      x_paymentTerms: {
        deliveryShareBp: order.terms.deliveryShareBp,
        floorBp: order.terms.floorBp,
        disputeWindowSeconds: order.terms.disputeWindowSeconds,
        rounds: order.terms.rounds,
      },
    };
    releases.push({
      ...base('contract', order.activated_at as Date, ['contract']),
      awards: [award],
      contracts: [contract],
    });

    if (p.records.length > 0 || payments.length > 0) {
      const milestones = order.terms.rounds.map((round) => {
        const record = p.records.find((r) => r.round_no === round.no);
        const status = milestoneStatus(record);
        return {
          id: `${order.id}-round-${round.no}`,
          title: `Kỳ nghiệm thu ${round.no} / Acceptance round ${round.no}`,
          type: 'assessment',
          status,
          dueDate: iso(round.endsAt),
          ...(record && status !== 'scheduled' ? { dateMet: iso(record.evaluated_at) } : {}),
          x_shareBp: round.shareBp,
          ...(record
            ? {
                x_recordHash: record.record_hash,
                x_earnedCumulative: record.earned_cumulative,
                x_kpiAttainments: record.results,
              }
            : {}),
        };
      });
      const dates = [...p.records.map((r) => iso(r.evaluated_at)), ...payments.map((t) => iso(t.occurred_at))].sort();
      releases.push({
        ...base('implementation', dates[dates.length - 1], ['implementation']),
        awards: [award],
        contracts: [
          {
            ...contract,
            implementation: { milestones, transactions: payments.map((t) => transaction(t, names)) },
          },
        ],
      });
    }
  }
  return {
    uri: o.uri,
    version: '1.1',
    publishedDate: iso(o.publishedDate),
    publisher: PUBLISHER,
    releases,
  };
}

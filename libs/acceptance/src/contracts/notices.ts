import { deterministicId } from '@app/kernel';
import { fundingOf, type Order } from '@app/ordering';
import { jobId, type JobRequest } from '@app/platform';
import type { DisputeOutcome } from './acceptance';

/** What people must hear of an order's acceptance and money (libs/notifications turns each into inbox messages). */
export const ACCEPTANCE_NOTICES_QUEUE = 'acceptance-notices';
export const AcceptanceNotices = {
  recordReady: 'record-ready-to-sign',
  recordSigned: 'record-signed',
  disputeOpened: 'dispute-opened',
  disputeResolved: 'dispute-resolution',
  paid: 'payment-made',
  clawedBack: 'clawback-made',
  remainderReleased: 'remainder-released',
} as const;
export type AcceptanceNoticeName = (typeof AcceptanceNotices)[keyof typeof AcceptanceNotices];

export interface AcceptanceNotice {
  /** one id per fact: the job id and the inbox's dedup subject */
  noticeId: string;
  orderId: string;
  agencyOrganisationId: string;
  vendorOrganisationId: string;
  cofunderOrganisationIds: string[];
  roundNo?: number;
  /** a payment or clawback: the rounds it settles (one notice per transfer) */
  roundNos?: number[];
  /** a payment (positive) or clawback (negative), in đồng */
  amount?: string;
  /** record signed: the vendor may dispute until then */
  disputeDeadline?: string;
  disputeId?: string;
  outcome?: DisputeOutcome;
  /** remainder released: what went back to each receiver (the agency budget and each co-funder) */
  releases?: Array<{ organisationId: string; amount: string }>;
}

/** A notice about `order`, unique per fact (`name` and `fact`). */
export function acceptanceNotice(
  name: AcceptanceNoticeName,
  order: Order,
  fact: string,
  details: Omit<
    AcceptanceNotice,
    'noticeId' | 'orderId' | 'agencyOrganisationId' | 'vendorOrganisationId' | 'cofunderOrganisationIds'
  > = {},
): JobRequest<AcceptanceNotice> {
  const noticeId = deterministicId(name, fact);
  return {
    queue: ACCEPTANCE_NOTICES_QUEUE,
    name,
    id: jobId(name, noticeId),
    payload: {
      noticeId,
      orderId: order.id,
      agencyOrganisationId: order.agencyOrganisationId,
      vendorOrganisationId: order.vendorOrganisationId,
      cofunderOrganisationIds: fundingOf(order.terms).cofunders.map((c) => c.funderOrganisationId),
      ...details,
    },
  };
}

/**
 * The order's canonical terms as the API writes them (its OpenAPI schema leaves them an open object): what the
 * order pages read from them.
 */
export interface OrderTermsShape {
  problemId: string;
  callId: string;
  maxAmount: string;
  deliveryShareBp: number;
  floorBp: number;
  disputeWindowSeconds: number;
  startsAt: string;
  endsAt: string;
  kpis: Array<{
    key: string;
    nameVi: string;
    unit: string;
    weightBp: number;
    baseline: string | null;
    target: string;
    direction: 'increase' | 'decrease';
  }>;
  rounds: Array<{ no: number; shareBp: number; startsAt: string; endsAt: string }>;
}

export const termsOf = (order: { terms: unknown }) => order.terms as OrderTermsShape;

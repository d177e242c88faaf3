import type { MarketplaceClient } from './client';
import { everyPage } from './pages';

export interface PublicPaymentShape {
  id: string;
  kind: 'payment' | 'clawback' | 'release' | 'disbursement';
  order_id: string | null;
  round_no: number | null;
  amount: string;
  payer_organisation_id: string | null;
  payee_organisation_id: string;
}

/** Every item of a public list (`/public/<list>`), following its cursor from the start. */
export function publicList<T>(client: MarketplaceClient, list: string, limit = 100): Promise<T[]> {
  return everyPage<T>(client, `/public/${list}`, limit);
}

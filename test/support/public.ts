import type { MarketplaceClient } from './client';

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
export async function publicList<T>(client: MarketplaceClient, list: string, limit = 100): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: T[]; nextCursor: string | null } = await client.get(
      `/public/${list}?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

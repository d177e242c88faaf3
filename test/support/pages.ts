import type { MarketplaceClient } from './client';

/**
 * Every item of a cursor-paged list, read `limit` at a time by following nextCursor; each page is checked to hold
 * at most `limit` items, so a list that ignores its limit fails here.
 */
export async function everyPage<T>(client: MarketplaceClient, path: string, limit: number): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const after = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page: { items: T[]; nextCursor: string | null } = await client.get(
      `${path}${separator}limit=${limit}${after}`,
    );
    if (page.items.length > limit) throw new Error(`${path} returned ${page.items.length} items for limit ${limit}`);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** Opaque keyset cursor: base64url of the last row's sort key. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string): unknown[] | undefined {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(key) ? key : undefined;
  } catch {
    return undefined;
  }
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The page of at most `limit` rows out of `limit + 1` fetched; the extra row only tells that another page exists. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => unknown[]): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The (timestamp, id) key of a newest-first list, or undefined when the cursor is not one this system wrote. The
 * timestamp keeps its microseconds as written by PostgreSQL (a JavaScript Date would round them away).
 */
export function decodeTimeIdCursor(cursor: string): { at: string; id: string } | undefined {
  const key = decodeCursor(cursor);
  if (key?.length !== 2) return undefined;
  const [at, id] = key;
  if (typeof at !== 'string' || typeof id !== 'string' || !UUID.test(id)) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(at) || Number.isNaN(Date.parse(at))) return undefined;
  return { at, id };
}

/** The (whole number, id) key of a list ordered by a score, or undefined when the cursor is not one this system wrote. */
export function decodeIntegerIdCursor(cursor: string): { at: number; id: string } | undefined {
  const key = decodeCursor(cursor);
  if (key?.length !== 2) return undefined;
  const [at, id] = key;
  if (typeof at !== 'number' || !Number.isSafeInteger(at) || typeof id !== 'string' || !UUID.test(id)) return undefined;
  return { at, id };
}

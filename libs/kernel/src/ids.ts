import { parse as parseUuid, v5 as uuidv5, v7 as uuidv7 } from 'uuid';

/** Parsed once: settling a backlog names thousands of facts per transaction. */
const NAMESPACE = parseUuid('6f1c2a4e-8d3b-5c7a-9e0f-1a2b3c4d5e6f');

/** Time-ordered id for new rows (good index locality). */
export function newId(): string {
  return uuidv7();
}

/** The same name always gives the same id: the basis of idempotent transfers and jobs. */
export function deterministicId(...parts: Array<string | number>): string {
  return uuidv5(Buffer.from(parts.join('/')), NAMESPACE);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A UUID in its canonical text form (what PostgreSQL's uuid type takes); a loose `[0-9a-f-]{36}` is not one. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

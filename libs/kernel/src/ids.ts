import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';

const NAMESPACE = '6f1c2a4e-8d3b-5c7a-9e0f-1a2b3c4d5e6f';

/** Time-ordered id for new rows (good index locality). */
export function newId(): string {
  return uuidv7();
}

/** The same name always gives the same id: the basis of idempotent transfers and jobs. */
export function deterministicId(...parts: Array<string | number>): string {
  return uuidv5(parts.join('/'), NAMESPACE);
}

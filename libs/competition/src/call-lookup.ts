import type { EntityManager } from 'typeorm';
import { selectById } from '@app/platform';
import { Call } from './call.entity';
import { CompetitionErrors } from './contracts/competition';

/** The call, read through the given manager (inside a transaction or not), or CALL_NOT_FOUND (plain SQL: see selectById). */
export async function loadCall(tx: EntityManager, id: string): Promise<Call> {
  const call = await selectById(tx, Call, id);
  if (!call) throw CompetitionErrors.CALL_NOT_FOUND(undefined, { id });
  return call;
}

import type { EntityManager } from 'typeorm';
import { selectFrom } from '@app/platform';
import { Call } from './call.entity';
import { CompetitionErrors } from './contracts/competition';

/** The call, read through the given manager (inside a transaction or not), or CALL_NOT_FOUND (plain SQL: see selectFrom). */
export async function loadCall(tx: EntityManager, id: string): Promise<Call> {
  const [call] = await tx.query<Call[]>(`${selectFrom(tx, Call, 'c')} WHERE c.id = $1`, [id]);
  if (!call) throw CompetitionErrors.CALL_NOT_FOUND(undefined, { id });
  return call;
}

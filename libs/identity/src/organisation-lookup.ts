import type { EntityManager } from 'typeorm';
import { selectById } from '@app/platform';
import { IdentityErrors } from './contracts/errors';
import { Organisation } from './organisation.entity';

/** The organisation, read through the given manager, or ORGANISATION_NOT_FOUND. */
export async function loadOrganisation(tx: EntityManager, id: string): Promise<Organisation> {
  const organisation = await selectById(tx, Organisation, id);
  if (!organisation) throw IdentityErrors.ORGANISATION_NOT_FOUND(undefined, { id });
  return organisation;
}

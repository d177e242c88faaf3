import type { Principal } from '@app/identity';
import { acceptanceOrganisationsOf, type Order } from '@app/ordering';
import { AcceptanceErrors } from './contracts/acceptance';

/**
 * Only the acceptance officers of the ordering agency or of the validator the order names upload measurements (a
 * person or the organisation's machine client), sign records and confirm delivery (a person: `signer`).
 */
export function assertOfficerOf(principal: Principal, order: Order, options: { signer?: boolean } = {}): void {
  if (
    (options.signer && !principal.userId) ||
    !principal.roles.includes('ACCEPTANCE_OFFICER') ||
    !acceptanceOrganisationsOf(order.terms).includes(principal.organisationId)
  )
    throw AcceptanceErrors.NOT_ACCEPTANCE_OFFICER_OF_ORDER();
}

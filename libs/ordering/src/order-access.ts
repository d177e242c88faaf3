import type { Principal } from '@app/identity';
import { OrderingErrors } from './contracts/ordering';
import type { Order } from './order.entity';
import { fundingOf } from './order-terms';

/** Who acts on which order: what every command on one order starts with. */
export interface OrderCommand {
  principal: Principal;
  orderId: string;
}

/**
 * Parties, the validator the order names, operators and city viewers see an order; co-funders see draft orders (to
 * pledge) and those they pledged to; nobody else learns it exists.
 */
export function assertVisible(principal: Principal, order: Order): void {
  const allowed =
    principal.organisationType === 'OPERATOR' ||
    principal.organisationType === 'CITY' ||
    principal.organisationId === order.agencyOrganisationId ||
    principal.organisationId === order.vendorOrganisationId ||
    principal.organisationId === order.terms.validatorOrganisationId ||
    (principal.organisationType === 'FUNDER' &&
      (order.status === 'DRAFT' ||
        fundingOf(order.terms).cofunders.some((c) => c.funderOrganisationId === principal.organisationId)));
  if (!allowed) throw OrderingErrors.ORDER_NOT_FOUND(undefined, { id: order.id });
}

/**
 * An order's results and payments: whoever sees the order, except that a co-funder sees them only for an order it
 * funds (any funder sees a draft, to pledge to it, but not another funder's results).
 */
export function assertResultsVisible(principal: Principal, order: Order): void {
  if (
    principal.organisationType === 'FUNDER' &&
    !fundingOf(order.terms).cofunders.some((c) => c.funderOrganisationId === principal.organisationId)
  )
    throw OrderingErrors.ORDER_NOT_FOUND(undefined, { id: order.id });
  assertVisible(principal, order);
}

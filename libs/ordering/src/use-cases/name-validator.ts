import { Injectable } from '@nestjs/common';
import { IdentityFacade } from '@app/identity';
import { Transactions } from '@app/platform';
import { OrderingErrors } from '../contracts/ordering';
import { DraftTerms } from '../draft-terms';
import { assertVisible, type OrderCommand } from '../order-access';
import type { Order } from '../order.entity';
import { lockOrder } from '../order-locks';
import { withValidator } from '../order-terms';

@Injectable()
export class NameValidator {
  constructor(
    private readonly tx: Transactions,
    private readonly identity: IdentityFacade,
    private readonly draftTerms: DraftTerms,
  ) {}

  /**
   * The ordering agency's buyer names (or, with null, removes) the order's independent validator while the order is
   * a draft: the validator is part of the signed terms, so the terms hash changes and a party that signed before
   * signs the terms naming it. Once signed the order is measured by whom its terms name.
   */
  async execute({
    principal,
    orderId,
    validatorOrganisationId,
  }: OrderCommand & { validatorOrganisationId: string | null }): Promise<Order> {
    if (validatorOrganisationId) await this.identity.requireOrganisationType(validatorOrganisationId, 'VALIDATOR');
    return this.tx.run(async (tx) => {
      const order = await lockOrder(tx, orderId);
      assertVisible(principal, order);
      if (!principal.roles.includes('BUYER') || principal.organisationId !== order.agencyOrganisationId)
        throw OrderingErrors.NOT_ALLOWED_TO_NAME_VALIDATOR();
      if (order.status !== 'DRAFT') throw OrderingErrors.VALIDATOR_NOT_CHANGEABLE(undefined, { status: order.status });
      const terms = withValidator(order.terms, validatorOrganisationId);
      return this.draftTerms.replace(tx, principal, order, terms, 'validator-named', (t) => ({
        validatorOrganisationId: t.validatorOrganisationId ?? null,
      }));
    });
  }
}

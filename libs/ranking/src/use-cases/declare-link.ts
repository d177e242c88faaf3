import { Injectable } from '@nestjs/common';
import { actorOf, IdentityFacade, type Principal } from '@app/identity';
import { Clock, newId } from '@app/kernel';
import { Transactions } from '@app/platform';
import { RankingErrors } from '../contracts/ranking';
import { TrustRecomputation } from '../trust-recomputation';
import { AgencyVendorLink } from '../trust-snapshot.entity';

@Injectable()
export class DeclareLink {
  constructor(
    private readonly tx: Transactions,
    private readonly identity: IdentityFacade,
    private readonly clock: Clock,
    private readonly recomputation: TrustRecomputation,
  ) {}

  /** Operator: the agency is linked to the vendor; its orders stop counting for the vendor's trust at once. */
  async execute({
    principal,
    ...dto
  }: {
    principal: Principal;
    agencyOrganisationId: string;
    vendorOrganisationId: string;
    reason: string;
  }): Promise<AgencyVendorLink> {
    await this.identity.requireOrganisationType(dto.agencyOrganisationId, 'AGENCY');
    await this.identity.requireOrganisationType(dto.vendorOrganisationId, 'VENDOR');
    return this.tx.run(async (tx) => {
      const link = tx.create(AgencyVendorLink, {
        id: newId(),
        ...dto,
        declaredByUserId: principal.userId ?? null,
        declaredAt: this.clock.now(),
      });
      const inserted = await tx
        .createQueryBuilder()
        .insert()
        .into(AgencyVendorLink)
        .values(link)
        .orIgnore()
        .returning('id')
        .execute();
      if ((inserted.raw as unknown[]).length === 0) throw RankingErrors.LINK_EXISTS(undefined, dto);
      await this.recomputation.ofVendor(tx, dto.vendorOrganisationId, 'agency-vendor-link', {
        actor: actorOf(principal),
        entityType: 'agency_vendor_link',
        entityId: link.id,
        action: 'declared',
        after: dto,
      });
      return link;
    });
  }
}

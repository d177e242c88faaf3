import { Injectable } from '@nestjs/common';
import { AuditActor, AuditFacade } from '@app/audit';
import { newId } from '@app/kernel';
import { Transactions } from '@app/platform';
import { IdentityErrors } from '../contracts/errors';
import { CreateOrganisationDto } from '../identity.dto';
import { Organisation } from '../organisation.entity';
import { normaliseTaxCode } from '../tax-code';

/** An organisation joins the marketplace; a vendor needs its tax code, and no two organisations share one. */
@Injectable()
export class RegisterOrganisation {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
  ) {}

  async execute({
    actor,
    organisation: dto,
  }: {
    actor: AuditActor;
    organisation: CreateOrganisationDto;
  }): Promise<Organisation> {
    let taxCode: string | null = null;
    if (dto.type === 'VENDOR' && dto.taxCode == null)
      throw IdentityErrors.TAX_CODE_REQUIRED(undefined, { field: 'taxCode' });
    if (dto.taxCode != null) {
      taxCode = normaliseTaxCode(dto.taxCode);
      if (!taxCode) throw IdentityErrors.INVALID_TAX_CODE(undefined, { field: 'taxCode', value: dto.taxCode });
    }
    return this.tx.run(async (tx) => {
      if (taxCode && (await tx.existsBy(Organisation, { taxCode }))) throw IdentityErrors.TAX_CODE_TAKEN();
      const organisation = tx.create(Organisation, { id: newId(), type: dto.type, name: dto.name.trim(), taxCode });
      await tx.insert(Organisation, organisation);
      await this.audit.record(tx, {
        actor,
        entityType: 'organisation',
        entityId: organisation.id,
        action: 'created',
        after: organisation,
      });
      return organisation;
    });
  }
}

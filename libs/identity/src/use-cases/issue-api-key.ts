import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditActor, AuditFacade } from '@app/audit';
import { newId } from '@app/kernel';
import { Transactions } from '@app/platform';
import { ApiKey } from '../api-key.entity';
import { generateApiKey, hashApiKey } from '../authenticator';
import { IdentityErrors } from '../contracts/errors';
import { ROLE_ORGANISATION_TYPES } from '../contracts/roles';
import { CreateApiKeyDto } from '../identity.dto';
import { loadOrganisation } from '../organisation-lookup';
import { Organisation } from '../organisation.entity';

/** A machine client of an organisation: only the key's hash is kept, the key itself is shown once. */
@Injectable()
export class IssueApiKey {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
  ) {}

  async execute({
    actor,
    organisationId,
    apiKey: dto,
  }: {
    actor: AuditActor;
    organisationId: string;
    apiKey: CreateApiKeyDto;
  }): Promise<{ apiKey: ApiKey; key: string }> {
    const organisation = await loadOrganisation(this.organisations.manager, organisationId);
    if (!ROLE_ORGANISATION_TYPES[dto.role].includes(organisation.type)) {
      throw IdentityErrors.ROLE_NOT_ALLOWED_FOR_ORGANISATION(undefined, {
        role: dto.role,
        organisationType: organisation.type,
      });
    }
    const key = generateApiKey();
    return this.tx.run(async (tx) => {
      const apiKey = tx.create(ApiKey, {
        id: newId(),
        organisationId,
        role: dto.role,
        name: dto.name,
        keyHash: hashApiKey(key),
        prefix: key.slice(0, 12),
        createdBy: actor.userId,
        revokedAt: null,
      });
      await tx.insert(ApiKey, apiKey);
      const { keyHash: _secret, ...visible } = apiKey;
      await this.audit.record(tx, {
        actor,
        entityType: 'api_key',
        entityId: apiKey.id,
        action: 'issued',
        after: visible,
      });
      return { apiKey, key };
    });
  }
}

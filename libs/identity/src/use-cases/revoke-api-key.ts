import { Injectable } from '@nestjs/common';
import { AuditActor, AuditFacade } from '@app/audit';
import { Transactions } from '@app/platform';
import { ApiKey } from '../api-key.entity';
import { IdentityErrors } from '../contracts/errors';

/** A revoked key stops working; revoking it again changes nothing. */
@Injectable()
export class RevokeApiKey {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
  ) {}

  async execute({ actor, id }: { actor: AuditActor; id: string }): Promise<ApiKey> {
    return this.tx.run(async (tx) => {
      const apiKey = await tx.findOne(ApiKey, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!apiKey) throw IdentityErrors.API_KEY_NOT_FOUND();
      if (apiKey.revokedAt) return apiKey;
      apiKey.revokedAt = new Date();
      await tx.update(ApiKey, { id }, { revokedAt: apiKey.revokedAt });
      await this.audit.record(tx, {
        actor,
        entityType: 'api_key',
        entityId: id,
        action: 'revoked',
        after: { revokedAt: apiKey.revokedAt },
      });
      return apiKey;
    });
  }
}

import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditFacade } from '@app/audit';
import { actorOf, type Principal } from '@app/identity';
import { Clock, newId } from '@app/kernel';
import { Transactions } from '@app/platform';
import { NotificationsErrors } from '../contracts/notifications';
import { Webhook } from '../webhook.entity';

const MAX_URL_LENGTH = 2000;

function checkedUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw NotificationsErrors.INVALID_WEBHOOK_URL(undefined, { url });
  }
  if (
    url.length > MAX_URL_LENGTH ||
    !['http:', 'https:'].includes(parsed.protocol) ||
    parsed.username ||
    parsed.password ||
    !parsed.hostname
  )
    throw NotificationsErrors.INVALID_WEBHOOK_URL(undefined, { url });
  return parsed.toString();
}

@Injectable()
export class RegisterWebhook {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    private readonly clock: Clock,
  ) {}

  /** Registers a webhook of the caller's organisation; the secret is in this answer only. */
  async execute({ principal, url }: { principal: Principal; url: string }): Promise<Webhook> {
    const webhook: Webhook = {
      id: newId(),
      organisationId: principal.organisationId,
      url: checkedUrl(url),
      secret: `whsec_${randomBytes(32).toString('hex')}`,
      createdByUserId: principal.userId ?? null,
      createdAt: this.clock.now(),
    };
    return this.tx.run(async (tx) => {
      await tx.insert(Webhook, webhook);
      await this.audit.record(tx, {
        actor: actorOf(principal),
        entityType: 'webhook',
        entityId: webhook.id,
        action: 'registered',
        after: { organisationId: webhook.organisationId, url: webhook.url },
      });
      return webhook;
    });
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEvent } from './audit-event.entity';

export interface AuditActor {
  userId: string | null;
  organisationId: string | null;
}

/** The system itself (scheduled jobs, settlement) acting without a person. */
export const SYSTEM_ACTOR: AuditActor = { userId: null, organisationId: null };

export interface AuditEntry {
  actor: AuditActor;
  entityType: string;
  entityId: string;
  action: string;
  before?: object | null;
  after?: object | null;
}

export interface ChainVerification {
  valid: boolean;
  events: number;
  firstBrokenSeq: string | null;
  lastHash: string | null;
}

@Injectable()
export class AuditFacade {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Appends inside the caller's transaction. The chain trigger takes a transaction-scoped lock, so call
   * this as the last write of a use case to hold that lock as briefly as possible.
   */
  async record(tx: EntityManager, ...entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await tx
      .createQueryBuilder()
      .insert()
      .into(AuditEvent)
      .values(
        entries.map((e) => ({
          actorUserId: e.actor.userId,
          actorOrganisationId: e.actor.organisationId,
          entityType: e.entityType,
          entityId: e.entityId,
          action: e.action,
          before: e.before ?? null,
          after: e.after ?? null,
          prevHash: '',
          hash: '',
        })),
      )
      .execute();
  }

  /** Recomputes every link with the same SQL function the trigger used. */
  async verifyChain(): Promise<ChainVerification> {
    const [row] = await this.dataSource.query<
      Array<{ events: string; first_broken: string | null; last_hash: string | null }>
    >(`
      WITH chain AS (
        SELECT seq, hash, prev_hash,
               lag(hash, 1, '') OVER (ORDER BY seq) AS expected_prev,
               audit.event_hash(prev_hash, seq, occurred_at, actor_user_id, actor_organisation_id,
                                entity_type, entity_id, action, before, after) AS expected_hash
        FROM audit.events)
      SELECT count(*)::text AS events,
             min(seq) FILTER (WHERE prev_hash <> expected_prev OR hash <> expected_hash)::text AS first_broken,
             (SELECT hash FROM audit.events ORDER BY seq DESC LIMIT 1) AS last_hash
      FROM chain`);
    return {
      valid: row.first_broken === null,
      events: Number(row.events),
      firstBrokenSeq: row.first_broken,
      lastHash: row.last_hash,
    };
  }

  async history(entityType: string, entityId: string): Promise<AuditEvent[]> {
    return this.dataSource.getRepository(AuditEvent).find({ where: { entityType, entityId }, order: { seq: 'ASC' } });
  }
}

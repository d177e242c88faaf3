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
   * Appends inside the caller's transaction: the events join the hash chain when it commits (a deferred trigger moves
   * them from audit.pending into audit.events, in the order written), so the chain's lock is held only by commits.
   */
  async record(tx: EntityManager, ...entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const json = (value: object | null | undefined) => (value == null ? null : JSON.stringify(value));
    await tx.query(
      `INSERT INTO audit.pending (actor_user_id, actor_organisation_id, entity_type, entity_id, action, before, after)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::jsonb[])`,
      [
        entries.map((e) => e.actor.userId),
        entries.map((e) => e.actor.organisationId),
        entries.map((e) => e.entityType),
        entries.map((e) => e.entityId),
        entries.map((e) => e.action),
        entries.map((e) => json(e.before)),
        entries.map((e) => json(e.after)),
      ],
    );
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

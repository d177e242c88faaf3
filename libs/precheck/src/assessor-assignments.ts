import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditFacade, SYSTEM_ACTOR, type AuditActor } from '@app/audit';
import { CatalogFacade } from '@app/catalog';
import { IdentityFacade } from '@app/identity';
import { newId } from '@app/kernel';
import { jobId, Outbox } from '@app/platform';
import {
  ASSESSORS_PER_SUBMISSION,
  PRECHECK_NOTICES_QUEUE,
  PrecheckNotices,
  type AssessorReplaced,
} from './contracts/precheck';
import { Assignment, AssessorConflict, Submission } from './submission.entity';

/** Who assesses which submission: chosen round-robin, never linked to the vendor, replaced when a link appears. */
@Injectable()
export class AssessorAssignments {
  constructor(
    private readonly audit: AuditFacade,
    private readonly catalog: CatalogFacade,
    private readonly identity: IdentityFacade,
    private readonly outbox: Outbox,
  ) {}

  async pool(): Promise<string[]> {
    return (await this.assessors()).map((u) => u.id);
  }

  private assessors() {
    return this.identity.usersWithRole('ASSESSOR');
  }

  /**
   * Round-robin: the `count` eligible assessors assigned least recently; none linked to the vendor, none of
   * `exclude`. None when fewer than `count` are eligible.
   */
  async choose(
    tx: EntityManager,
    vendorOrganisationId: string,
    pool: string[],
    count = ASSESSORS_PER_SUBMISSION,
    exclude: string[] = [],
  ): Promise<string[]> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['precheck.assignment']);
    const unavailable = new Set([
      ...exclude,
      ...(await tx.findBy(AssessorConflict, { vendorOrganisationId })).map((c) => c.assessorUserId),
    ]);
    const eligible = pool.filter((id) => !unavailable.has(id));
    if (eligible.length < count) return [];
    const last = new Map(
      (
        await tx.query<Array<{ assessor: string; last: Date }>>(
          `SELECT assessor_user_id AS assessor, max(created_at) AS last FROM precheck.assignments
           WHERE assessor_user_id = ANY($1::uuid[]) GROUP BY assessor_user_id`,
          [eligible],
        )
      ).map((r) => [r.assessor, new Date(r.last).getTime()]),
    );
    return eligible
      .map((id, order) => ({ id, order, last: last.get(id) ?? -1 }))
      .sort((a, b) => a.last - b.last || a.order - b.order)
      .slice(0, count)
      .map((c) => c.id);
  }

  /** The assessors' assignments, and their right to read all the solution's documents. */
  async insert(tx: EntityManager, submission: Submission, chosen: string[]): Promise<Assignment[]> {
    if (chosen.length === 0) return [];
    const assignments = chosen.map((assessorUserId) =>
      tx.create(Assignment, { id: newId(), submissionId: submission.id, assessorUserId, scores: null, scoredAt: null }),
    );
    await tx.insert(Assignment, assignments);
    await this.catalog.grantDocumentAccess(tx, submission.solutionId, chosen);
    return assignments;
  }

  /**
   * A link declared after assignment: the linked assessor leaves every submission of that vendor still under
   * review (with any score they gave) and loses access to its documents; an unrelated assessor takes the place at
   * once, or, when none is free, the scheduler fills it later (`topUp`); the assessors' organisation is told either
   * way. Returns the submissions touched.
   */
  async replaceLinked(
    tx: EntityManager,
    actor: AuditActor,
    assessorUserId: string,
    vendorOrganisationId: string,
  ): Promise<string[]> {
    const affected = await tx.query<Array<{ id: string }>>(
      `SELECT s.id FROM precheck.submissions s JOIN precheck.assignments a ON a.submission_id = s.id
        WHERE s.status = 'UNDER_REVIEW' AND s.vendor_organisation_id = $1 AND a.assessor_user_id = $2
        ORDER BY s.created_at FOR UPDATE OF s`,
      [vendorOrganisationId, assessorUserId],
    );
    if (affected.length === 0) return [];
    const assessors = await this.assessors();
    const pool = assessors.map((u) => u.id);
    const organisationId = assessors.find((u) => u.id === assessorUserId)?.organisationId ?? actor.organisationId;
    for (const { id } of affected) {
      const submission = await tx.findOneByOrFail(Submission, { id });
      await tx.delete(Assignment, { submissionId: id, assessorUserId });
      await this.catalog.revokeDocumentAccess(tx, submission.solutionId, [assessorUserId]);
      const replacement = await this.fill(tx, submission, pool, [assessorUserId]);
      await this.audit.record(tx, {
        actor,
        entityType: 'precheck_submission',
        entityId: id,
        action: 'assessor_replaced',
        before: { assessorUserId },
        after: { assessors: replacement, awaitingAssessor: replacement.length === 0 },
      });
      if (organisationId) {
        await this.outbox.enqueue(tx, {
          queue: PRECHECK_NOTICES_QUEUE,
          name: PrecheckNotices.assessorReplaced,
          id: jobId(PrecheckNotices.assessorReplaced, id, assessorUserId),
          payload: {
            submissionId: id,
            solutionId: submission.solutionId,
            organisationId,
            removedAssessorUserId: assessorUserId,
            newAssessorUserIds: replacement,
          } satisfies AssessorReplaced,
        });
      }
    }
    return affected.map((s) => s.id);
  }

  /** Scheduled: submissions under review that lost an assessor get one as soon as an unrelated one is free. */
  async topUp(tx: EntityManager): Promise<number> {
    const short = await tx.query<Array<{ id: string }>>(
      `SELECT s.id FROM precheck.submissions s
        WHERE s.status = 'UNDER_REVIEW'
          AND (SELECT count(*) FROM precheck.assignments a WHERE a.submission_id = s.id) < $1
        ORDER BY s.created_at LIMIT 100 FOR UPDATE OF s SKIP LOCKED`,
      [ASSESSORS_PER_SUBMISSION],
    );
    if (short.length === 0) return 0;
    const pool = await this.pool();
    let filled = 0;
    for (const { id } of short) {
      const submission = await tx.findOneByOrFail(Submission, { id });
      const chosen = await this.fill(tx, submission, pool);
      if (chosen.length === 0) continue;
      filled++;
      await this.audit.record(tx, {
        actor: SYSTEM_ACTOR,
        entityType: 'precheck_submission',
        entityId: id,
        action: 'assessor_assigned',
        after: { assessors: chosen },
      });
    }
    return filled;
  }

  /** Assigns as many assessors as the submission lacks, or none when too few are eligible. */
  private async fill(tx: EntityManager, submission: Submission, pool: string[], exclude: string[] = []) {
    const current = (await tx.findBy(Assignment, { submissionId: submission.id })).map((a) => a.assessorUserId);
    const chosen = await this.choose(
      tx,
      submission.vendorOrganisationId,
      pool,
      ASSESSORS_PER_SUBMISSION - current.length,
      [...current, ...exclude],
    );
    await this.insert(tx, submission, chosen);
    return chosen;
  }
}

import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AnyOf } from '@app/platform';
import { AuditFacade, SYSTEM_ACTOR, type AuditActor } from '@app/audit';
import { CatalogErrors, CatalogEvents, TRUST_LABELS, type SolutionStatus, type TrustLabel } from './contracts/catalog';
import { ListingTransitions } from './listing-transitions';
import { Solution } from './solution.entity';

/** What the ranking's trust verdicts change on the listings, inside the ranking's transaction. */
@Injectable()
export class TrustMarks {
  constructor(
    private readonly audit: AuditFacade,
    private readonly transitions: ListingTransitions,
  ) {}

  /**
   * Stores each vendor's current trust label (called by the ranking after every recompute) and copies it onto
   * the vendor's listings, where the catalogue search filters on it.
   */
  async updateVendorTrustLabels(
    tx: EntityManager,
    labels: Array<{ vendorOrganisationId: string; label: string }>,
  ): Promise<void> {
    const latest = new Map<string, TrustLabel>();
    for (const { vendorOrganisationId, label } of labels) {
      if (!(TRUST_LABELS as readonly string[]).includes(label))
        throw CatalogErrors.UNKNOWN_TRUST_LABEL(undefined, { vendorOrganisationId, label, accepted: TRUST_LABELS });
      latest.set(vendorOrganisationId, label as TrustLabel);
    }
    if (latest.size === 0) return;
    const vendors = [...latest.keys()];
    const values = [...latest.values()];
    await tx.query(
      `INSERT INTO catalog.vendor_trust_labels AS v (vendor_organisation_id, label, updated_at)
       SELECT * , now() FROM unnest($1::uuid[], $2::text[])
       ON CONFLICT (vendor_organisation_id) DO UPDATE SET label = EXCLUDED.label, updated_at = now()
       WHERE v.label IS DISTINCT FROM EXCLUDED.label`,
      [vendors, values],
    );
    await tx.query(
      `UPDATE catalog.listings l SET trust_label = n.label
       FROM unnest($1::uuid[], $2::text[]) AS n(vendor, label)
       WHERE l.vendor_organisation_id = n.vendor AND l.trust_label IS DISTINCT FROM n.label`,
      [vendors, values],
    );
  }

  /**
   * Marks each of the vendors' solutions under a trust re-check exactly where `open` names an open, undecided re-check
   * of its vendor (scope '*' = every category) and clears the mark elsewhere; the vendor and the operators hear of
   * each solution newly marked. Called by the ranking inside its transaction.
   */
  async syncRecheck(
    tx: EntityManager,
    vendorIds: string[],
    open: Array<{ vendorOrganisationId: string; scope: string }>,
    now: Date,
  ): Promise<void> {
    if (vendorIds.length === 0) return;
    const changed = await tx.query<Array<{ id: string; flagged: boolean }>>(
      `WITH wanted AS (SELECT * FROM unnest($2::uuid[], $3::text[]) AS w(vendor, scope)),
       target AS (
         SELECT s.id, s.status IN ('LISTED', 'SUSPENDED', 'WAITING') AND EXISTS (
                  SELECT 1 FROM wanted w WHERE w.vendor = s.vendor_organisation_id
                    AND (w.scope = '*' OR w.scope = s.category_code)) AS flagged
         FROM catalog.solutions s WHERE s.vendor_organisation_id = ANY($1::uuid[])),
       changed AS (
         UPDATE catalog.solutions s SET recheck_opened_at = CASE WHEN t.flagged THEN $4::timestamptz END
         FROM target t WHERE s.id = t.id AND (s.recheck_opened_at IS NOT NULL) <> t.flagged
         RETURNING s.id, t.flagged)
       SELECT id, flagged FROM changed`,
      [vendorIds, open.map((o) => o.vendorOrganisationId), open.map((o) => o.scope), now],
    );
    if (changed.length === 0) return;
    await tx.query(
      `UPDATE catalog.listings l SET under_recheck = s.recheck_opened_at IS NOT NULL
       FROM catalog.solutions s WHERE s.id = l.solution_id AND s.id = ANY($1::uuid[])`,
      [changed.map((c) => c.id)],
    );
    const opened = changed.filter((c) => c.flagged).map((c) => c.id);
    if (opened.length > 0) {
      const solutions = await tx.findBy(Solution, { id: AnyOf(opened) });
      for (const solution of solutions) await this.transitions.notify(tx, CatalogEvents.recheckOpened, solution);
    }
    await this.audit.record(
      tx,
      ...changed.map((c) => ({
        actor: SYSTEM_ACTOR,
        entityType: 'solution',
        entityId: c.id,
        action: c.flagged ? 'recheck_opened' : 'recheck_closed',
        after: { recheckOpenedAt: c.flagged ? now.toISOString() : null },
      })),
    );
  }

  /**
   * The operator's decision on a trust re-check: suspends (until a date) or delists the vendor's solutions in the
   * scope ('*' = every category), with the reason; returns the solutions it moved.
   */
  async applyRecheckDecision(
    tx: EntityManager,
    actor: AuditActor,
    vendorOrganisationId: string,
    scope: string,
    decision: { event: 'suspend'; until: Date; reason: string } | { event: 'delist'; reason: string },
  ): Promise<string[]> {
    const from: SolutionStatus[] = decision.event === 'suspend' ? ['LISTED'] : ['LISTED', 'SUSPENDED', 'WAITING'];
    const solutions = await tx.find(Solution, {
      where: {
        vendorOrganisationId,
        status: In(from),
        ...(scope === '*' ? {} : { categoryCode: scope }),
      },
      order: { id: 'ASC' },
    });
    for (const s of solutions)
      await this.transitions.transition(tx, actor, s.id, decision.event, {
        reason: decision.reason,
        ...(decision.event === 'suspend' ? { suspendedUntil: decision.until } : {}),
      });
    return solutions.map((s) => s.id);
  }
}

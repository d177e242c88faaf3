import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditFacade, SYSTEM_ACTOR, type AuditEntry } from '@app/audit';
import { CatalogFacade, NEW_VENDOR_LABEL } from '@app/catalog';
import { Clock, newId } from '@app/kernel';
import { AppConfig, copyRows, selectFrom } from '@app/platform';
import { PrecheckFacade } from '@app/precheck';
import { allOutcomeRows, vendorOutcomeRows, type OutcomeRow } from './dashboard-reads';
import { keepVendorFacts, outcomeStatistics, replaceAllFacts } from './outcome-facts';
import { AgencyVendorLink, OVERALL, type RecheckFlag, type StoredOutcome } from './trust-snapshot.entity';
import {
  byCloseDate,
  NO_LINKS,
  scopeScores,
  storedJson,
  storedOutcomes,
  type ScopeScore,
  type VendorLinks,
} from './vendor-scores';

/** Held exclusively by the full recomputation and shared by each vendor's, so neither overwrites the other. */
const RECOMPUTE_ALL_LOCK = 'ranking-recompute-all';

/** One vendor's outcome set as a recomputation stores it. */
interface VendorBatch {
  vendorOrganisationId: string;
  stored: StoredOutcome[];
  json: string;
  hash: string;
  inputsId: string;
}

/** Vendors scored between two turns of the event loop, so a COPY in flight keeps PostgreSQL busy meanwhile. */
const SCORING_SLICE = 50;

const SNAPSHOT_COLUMNS = [
  'id',
  'vendor_organisation_id',
  'scope',
  'inputs_id',
  'alpha',
  'beta',
  'expected',
  'lower_bound',
  'effective_evidence',
  'label',
  'is_new',
  'orders',
  'excluded',
  'capped',
  'prior_mean',
  'category_orders',
  'category_median_value',
  'pseudo_orders',
  'z',
  'half_life_months',
  'floor',
  'reason',
  'computed_at',
] as const;

/**
 * Writes trust snapshots from the current outcomes and links, in the caller's transaction: one vendor's after each
 * of its outcome events, or every vendor's (nightly); raises and resolves re-check flags and hands the overall
 * labels to the catalogue.
 */
@Injectable()
export class TrustRecomputation {
  constructor(
    private readonly audit: AuditFacade,
    private readonly catalog: CatalogFacade,
    private readonly precheck: PrecheckFacade,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** One vendor, overall and per category, after one of its outcomes changed (or a link was declared). */
  async ofVendor(
    tx: EntityManager,
    vendorOrganisationId: string,
    reason: string,
    ...audit: AuditEntry[]
  ): Promise<ScopeScore[]> {
    // Concurrent events of one vendor are serialised, so the current row always reflects the newest outcomes.
    await tx.query('SELECT pg_advisory_xact_lock_shared(hashtext($1)), pg_advisory_xact_lock(hashtext($2))', [
      RECOMPUTE_ALL_LOCK,
      `trust-${vendorOrganisationId}`,
    ]);
    const outcomes = await vendorOutcomeRows(tx, vendorOrganisationId);
    await keepVendorFacts(tx, vendorOrganisationId, outcomes);
    const links = await this.linksOf(tx, vendorOrganisationId);
    const now = this.clock.now();
    const stats = await outcomeStatistics(tx, [...new Set(outcomes.map((o) => o.categoryCode))]);
    const batch = batchOf(vendorOrganisationId, outcomes, links(vendorOrganisationId));
    const scores = scopeScores(vendorOrganisationId, batch.stored, stats, now);
    await this.storeInputs(tx, [batch], now);
    await tx.query('DELETE FROM ranking.current_scores WHERE vendor_organisation_id = $1', [vendorOrganisationId]);
    await this.persist(tx, vendorOrganisationId, [batch], scores, reason, now, ...audit);
    return scores;
  }

  /**
   * Every vendor with an outcome (the nightly job, and the benchmark's full recompute), in the caller's transaction:
   * one set-based read of every outcome, the scores in memory, the snapshots written with COPY.
   */
  async all(tx: EntityManager, reason: string): Promise<number> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [RECOMPUTE_ALL_LOCK]);
    await largeAggregates(tx);
    const all = await allOutcomeRows(tx);
    const links = await this.linksOf(tx);
    const now = this.clock.now();
    await replaceAllFacts(tx, all);
    const stats = await outcomeStatistics(tx, [...new Set(all.map((o) => o.categoryCode))]);
    const byVendor = new Map<string, OutcomeRow[]>();
    for (const o of all) {
      const list = byVendor.get(o.vendorOrganisationId);
      if (list) list.push(o);
      else byVendor.set(o.vendorOrganisationId, [o]);
    }
    const batches = [...byVendor].map(([vendor, outcomes]) => batchOf(vendor, outcomes, links(vendor)));
    // PostgreSQL stores the outcome sets while the scores are computed
    const inputsStored = this.storeInputs(tx, batches, now);
    // awaited below; until then a failure must not count as an unhandled rejection
    inputsStored.catch(() => undefined);
    const scores: ScopeScore[] = [];
    for (let i = 0; i < batches.length; i += SCORING_SLICE) {
      for (const b of batches.slice(i, i + SCORING_SLICE))
        scores.push(...scopeScores(b.vendorOrganisationId, b.stored, stats, now));
      await new Promise(setImmediate);
    }
    await inputsStored;
    await tx.query('DELETE FROM ranking.current_scores');
    await this.persist(tx, null, batches, scores, reason, now);
    return byVendor.size;
  }

  /** Marks the vendors' listings under re-check where an undecided flag of theirs is open, and clears the rest. */
  async syncRecheck(tx: EntityManager, vendors: string[], now: Date): Promise<void> {
    if (vendors.length === 0) return;
    const open = await tx.query<Array<Pick<RecheckFlag, 'vendorOrganisationId' | 'scope'>>>(
      `SELECT vendor_organisation_id AS "vendorOrganisationId", scope FROM ranking.recheck_flags
       WHERE vendor_organisation_id = ANY($1) AND resolved_at IS NULL AND decided_at IS NULL`,
      [vendors],
    );
    await this.catalog.syncRecheck(tx, vendors, open, now);
  }

  /** Agencies declared linked to each vendor here, and persons declared linked to it in the pre-check. */
  private async linksOf(tx: EntityManager, vendorOrganisationId?: string): Promise<(vendor: string) => VendorLinks> {
    const all = selectFrom(tx, AgencyVendorLink, 'l');
    const agencies: AgencyVendorLink[] = vendorOrganisationId
      ? await tx.query(`${all} WHERE l.vendor_organisation_id = $1`, [vendorOrganisationId])
      : await tx.query(all);
    const people = await this.precheck.conflictsOf(tx, vendorOrganisationId ? [vendorOrganisationId] : undefined);
    const byVendor = new Map<string, { agencies: Set<string>; officers: Set<string> }>();
    const add = (vendor: string, kind: 'agencies' | 'officers', id: string) => {
      let links = byVendor.get(vendor);
      if (!links) byVendor.set(vendor, (links = { agencies: new Set(), officers: new Set() }));
      links[kind].add(id);
    };
    for (const l of agencies) add(l.vendorOrganisationId, 'agencies', l.agencyOrganisationId);
    for (const c of people) add(c.vendorOrganisationId, 'officers', c.assessorUserId);
    return (vendor) => byVendor.get(vendor) ?? NO_LINKS;
  }

  /** Stores the outcome sets not stored yet; a batch whose set is already stored takes that row's id. */
  private async storeInputs(tx: EntityManager, batches: VendorBatch[], now: Date): Promise<void> {
    const known = await tx.query<Array<{ id: string; vendor: string; hash: string }>>(
      `SELECT id, vendor_organisation_id AS vendor, hash FROM ranking.trust_inputs
       WHERE (vendor_organisation_id, hash) IN (SELECT * FROM unnest($1::uuid[], $2::text[]))`,
      [batches.map((b) => b.vendorOrganisationId), batches.map((b) => b.hash)],
    );
    const knownIds = new Map(known.map((k) => [`${k.vendor}|${k.hash}`, k.id]));
    const fresh: VendorBatch[] = [];
    for (const b of batches) {
      const id = knownIds.get(`${b.vendorOrganisationId}|${b.hash}`);
      if (id) b.inputsId = id;
      else fresh.push(b);
    }
    const at = now.toISOString();
    await copyRows(
      tx,
      'ranking.trust_inputs',
      ['id', 'vendor_organisation_id', 'hash', 'outcomes', 'created_at'],
      fresh.map((b) => [b.inputsId, b.vendorOrganisationId, b.hash, b.json, at]),
    );
  }

  /**
   * Appends the snapshots (their outcome sets stored already), inserts the current rows (the caller deleted the
   * old ones), raises or resolves re-check flags and hands the overall labels to the catalogue; the audit events
   * go last.
   */
  private async persist(
    tx: EntityManager,
    /** the one vendor recomputed, or null for all */
    vendorOrganisationId: string | null,
    batches: VendorBatch[],
    scores: ScopeScore[],
    reason: string,
    now: Date,
    ...audit: AuditEntry[]
  ): Promise<void> {
    const floor = this.config.TRUST_FLOOR;
    const at = now.toISOString();
    const inputsOf = new Map(batches.map((b) => [b.vendorOrganisationId, b.inputsId]));
    const snapshots = scores.map((s) => ({ id: newId(), inputsId: inputsOf.get(s.vendorOrganisationId)!, ...s }));
    await copyRows(
      tx,
      'ranking.trust_snapshots',
      SNAPSHOT_COLUMNS,
      snapshots.map((s) => [
        s.id,
        s.vendorOrganisationId,
        s.scope,
        s.inputsId,
        s.score.alpha,
        s.score.beta,
        s.score.expected,
        s.score.lowerBound,
        s.score.effectiveEvidence,
        s.score.label,
        s.score.isNew,
        s.orders,
        s.excluded,
        s.capped,
        s.params.priorMean,
        s.params.categoryOrders,
        s.params.categoryMedianValue,
        s.params.m,
        s.params.z,
        s.params.halfLifeMonths,
        floor,
        reason,
        at,
      ]),
    );
    await copyRows(
      tx,
      'ranking.current_scores',
      ['vendor_organisation_id', 'scope', 'snapshot_id', 'lower_bound', 'label', 'is_new'],
      snapshots.map((s) => [s.vendorOrganisationId, s.scope, s.id, s.score.lowerBound, s.score.label, s.score.isNew]),
    );
    // From the current rows just written, of this vendor or of all: isNew is exactly "evidence under 2 orders".
    const changes = await tx.query<
      Array<{
        change: 'raised' | 'resolved';
        id: string;
        vendor: string;
        scope: string;
        snapshot_id: string;
        lower_bound: number;
        evidence: number;
      }>
    >(
      `WITH scored AS (
         SELECT vendor_organisation_id, scope, snapshot_id, lower_bound, is_new FROM ranking.current_scores
         WHERE $1::uuid IS NULL OR vendor_organisation_id = $1),
       raised AS (
         INSERT INTO ranking.recheck_flags
           (id, vendor_organisation_id, scope, snapshot_id, lower_bound, effective_evidence, floor, raised_at)
         SELECT gen_random_uuid(), c.vendor_organisation_id, c.scope, c.snapshot_id, c.lower_bound,
                s.effective_evidence, $2, $3
         FROM scored c JOIN ranking.trust_snapshots s ON s.id = c.snapshot_id
         WHERE NOT c.is_new AND c.lower_bound < $2::float8
         ON CONFLICT (vendor_organisation_id, scope) WHERE resolved_at IS NULL DO NOTHING
         RETURNING id, vendor_organisation_id, scope, snapshot_id, lower_bound, effective_evidence),
       resolved AS (
         UPDATE ranking.recheck_flags f SET resolved_at = $3 FROM scored c
         WHERE f.resolved_at IS NULL AND f.vendor_organisation_id = c.vendor_organisation_id AND f.scope = c.scope
           AND (c.is_new OR c.lower_bound >= $2::float8)
         RETURNING f.id, f.vendor_organisation_id, f.scope, f.snapshot_id, f.lower_bound, f.effective_evidence)
       SELECT 'raised' AS change, id, vendor_organisation_id AS vendor, scope, snapshot_id, lower_bound,
              effective_evidence AS evidence FROM raised
       UNION ALL
       SELECT 'resolved', id, vendor_organisation_id, scope, snapshot_id, lower_bound, effective_evidence FROM resolved`,
      [vendorOrganisationId, floor, now],
    );
    const raised = changes.filter((c) => c.change === 'raised');
    const resolved = changes.filter((c) => c.change === 'resolved');
    await this.syncRecheck(tx, [...new Set(changes.map((c) => c.vendor))], now);

    await this.catalog.updateVendorTrustLabels(
      tx,
      snapshots
        .filter((s) => s.scope === OVERALL)
        .map((s) => ({
          vendorOrganisationId: s.vendorOrganisationId,
          label: s.score.isNew ? NEW_VENDOR_LABEL : s.score.label,
        })),
    );

    // One event, named by the recomputation's first snapshot, for every flag it moved: a first full recomputation
    // may raise thousands.
    const flagged: AuditEntry[] =
      raised.length + resolved.length === 0
        ? []
        : [
            {
              actor: SYSTEM_ACTOR,
              entityType: 'trust_recomputation',
              entityId: snapshots[0].id,
              action: 'recheck_flags_changed',
              after: {
                reason,
                floor,
                raised: raised.map((f) => ({
                  id: f.id,
                  vendorOrganisationId: f.vendor,
                  scope: f.scope,
                  lowerBound: f.lower_bound,
                  effectiveEvidence: f.evidence,
                  snapshotId: f.snapshot_id,
                })),
                resolved: resolved.map((f) => ({ id: f.id, vendorOrganisationId: f.vendor, scope: f.scope })),
              },
            },
          ];
    await this.audit.record(tx, ...audit, ...flagged);
  }
}

function batchOf(vendorOrganisationId: string, outcomes: OutcomeRow[], links: VendorLinks): VendorBatch {
  const stored = storedOutcomes(outcomes.sort(byCloseDate), links);
  const json = storedJson(stored);
  return {
    vendorOrganisationId,
    stored,
    json,
    hash: createHash('sha256').update(json).digest('hex'),
    inputsId: newId(),
  };
}

/**
 * Session settings for the transactions that aggregate every outcome: the per-order hash aggregate of 10^6
 * settlements fits in memory instead of spilling, and JIT compilation costs more than it saves on these plans.
 */
export async function largeAggregates(tx: EntityManager): Promise<void> {
  await tx.query(`SET LOCAL work_mem = '128MB'; SET LOCAL jit = off`);
}

import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull, MoreThan } from 'typeorm';
import {
  allOutcomeRows,
  cityFigures,
  dashboardRows,
  vendorOutcomeRows,
  type DashboardRowSet,
  type MoneyDimension,
  type OutcomeRow,
} from './dashboard-reads';
import { AuditFacade, SYSTEM_ACTOR, type AuditEntry } from '@app/audit';
import { CatalogFacade, NEW_VENDOR_LABEL } from '@app/catalog';
import { actorOf, IdentityFacade, type Principal } from '@app/identity';
import { Clock, newId, type Page } from '@app/kernel';
import { AppConfig, copyRows, keysetPage, Transactions } from '@app/platform';
import { PrecheckFacade } from '@app/precheck';
import { RankingErrors } from './contracts/ranking';
import { cityDashboard, type CityDashboard } from './dashboard';
import { keepVendorFacts, outcomeStatistics, replaceAllFacts } from './outcome-facts';
import { NEW_SUPPLIER_VI, TRUST_LABELS_VI } from './trust-score';
import {
  AgencyVendorLink,
  CurrentTrustScore,
  DashboardSummary,
  OVERALL,
  RecheckFlag,
  type RecheckDecision,
  TrustInputs,
  TrustSnapshot,
  type LastOutcome,
  type StoredOutcome,
} from './trust-snapshot.entity';
import {
  auditedInputs,
  byCloseDate,
  explain,
  lastOutcomes,
  newVendorScore,
  NO_LINKS,
  scopeScores,
  storedJson,
  storedOutcomes,
  type ScopeScore,
  type VendorLinks,
} from './vendor-scores';

const DEFAULT_RANKING_LIMIT = 100;
/** Held exclusively by the full recomputation and shared by each vendor's, so neither overwrites the other. */
const RECOMPUTE_ALL_LOCK = 'ranking-recompute-all';
const DASHBOARD_LOCK = 'ranking-dashboard-refresh';

export interface RankingEntry {
  rank: number;
  vendorOrganisationId: string;
  vendorName: string;
  scope: string;
  expected: number;
  lowerBound: number;
  effectiveEvidence: number;
  label: string;
  labelVi: string;
  isNew: boolean;
  orders: number;
  lastOutcomes: LastOutcome[];
  explanationVi: string;
  explanationEn: string;
  snapshotId: string;
  computedAt: Date;
}

export interface RankingFilter {
  scope?: string;
  label?: string;
  limit?: number;
}

export interface TrustLowerBound {
  lowerBound: number;
  expected: number;
  isNew: boolean;
  /** null when the vendor has no outcome in the scope and gets the scope's prior */
  snapshotId: string | null;
}

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

@Injectable()
export class RankingFacade {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    private readonly identity: IdentityFacade,
    private readonly catalog: CatalogFacade,
    private readonly precheck: PrecheckFacade,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** Incremental: one vendor, overall and per category, after one of its outcomes changed. */
  async recompute(vendorOrganisationId: string, reason: string): Promise<ScopeScore[]> {
    return this.tx.run((tx) => this.recomputeIn(tx, vendorOrganisationId, reason));
  }

  /**
   * Every vendor with an outcome, in one transaction (the nightly job, and the benchmark's full recompute): one
   * set-based read of every outcome, the scores in memory, the snapshots written with COPY.
   */
  async recomputeAll(reason: string): Promise<number> {
    return this.tx.run(async (tx) => {
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
    });
  }

  /** Tier-2 scoring reads this: the vendor's L in the category, or the category prior's L for a new vendor. */
  async trustLowerBound(vendorOrganisationId: string, categoryCode: string): Promise<TrustLowerBound> {
    return this.tx.run(async (tx) => {
      const [current] = await tx.query<Array<{ lower_bound: number; expected: number; is_new: boolean; id: string }>>(
        `SELECT s.lower_bound, s.expected, s.is_new, s.id FROM ranking.current_scores c
         JOIN ranking.trust_snapshots s ON s.id = c.snapshot_id
         WHERE c.vendor_organisation_id = $1 AND c.scope = $2`,
        [vendorOrganisationId, categoryCode],
      );
      if (current)
        return {
          lowerBound: current.lower_bound,
          expected: current.expected,
          isNew: current.is_new,
          snapshotId: current.id,
        };
      const now = this.clock.now();
      const stats = await outcomeStatistics(tx, [categoryCode]);
      const score = newVendorScore(
        stats.find((s) => s.scope === categoryCode),
        now,
      );
      return { lowerBound: score.lowerBound, expected: score.expected, isNew: true, snapshotId: null };
    });
  }

  /** Latest score per vendor in a scope (overall by default), ranked by the lower bound L; one page from the top. */
  async rankings(filter: RankingFilter = {}): Promise<RankingEntry[]> {
    const label = filter.label ?? null;
    return this.tx.run(async (tx) => {
      // the rank is over the whole scope, so a label filter applies to the ranked rows
      const rows = await tx.query<Array<{ snapshot_id: string; rank: string }>>(
        label === null
          ? `SELECT snapshot_id, row_number() OVER (ORDER BY lower_bound DESC, vendor_organisation_id) AS rank
             FROM (SELECT snapshot_id, lower_bound, vendor_organisation_id FROM ranking.current_scores WHERE scope = $1
                   ORDER BY lower_bound DESC, vendor_organisation_id LIMIT $2) top`
          : `WITH ranked AS (
               SELECT snapshot_id, is_new, label,
                      row_number() OVER (ORDER BY lower_bound DESC, vendor_organisation_id ASC) AS rank
               FROM ranking.current_scores WHERE scope = $1)
             SELECT snapshot_id, rank FROM ranked
             WHERE ($3 = $4 AND is_new) OR (NOT is_new AND label = $3)
             ORDER BY rank LIMIT $2`,
        label === null
          ? [filter.scope ?? OVERALL, filter.limit ?? DEFAULT_RANKING_LIMIT]
          : [filter.scope ?? OVERALL, filter.limit ?? DEFAULT_RANKING_LIMIT, label, NEW_VENDOR_LABEL],
      );
      const entries = await this.entries(
        tx,
        rows.map((r) => r.snapshot_id),
      );
      return rows.map((r, i) => ({ ...entries[i], rank: Number(r.rank) }));
    });
  }

  /** A vendor's current scores in every scope and its snapshot history (newest first). */
  async vendor(vendorOrganisationId: string, historyLimit = 50) {
    return this.tx.run(async (tx) => {
      const current = await tx.find(CurrentTrustScore, { where: { vendorOrganisationId }, order: { scope: 'ASC' } });
      const history = await tx.find(TrustSnapshot, {
        where: { vendorOrganisationId },
        order: { computedAt: 'DESC', id: 'DESC' },
        take: historyLimit,
        select: {
          id: true,
          scope: true,
          expected: true,
          lowerBound: true,
          effectiveEvidence: true,
          label: true,
          isNew: true,
          reason: true,
          computedAt: true,
        },
      });
      const entries = await this.entries(
        tx,
        current.map((c) => c.snapshotId),
      );
      const names = await this.identity.organisationNames([vendorOrganisationId]);
      return {
        vendorOrganisationId,
        vendorName: names.get(vendorOrganisationId) ?? '',
        current: entries.map((e) => ({ ...e, rank: 0 })),
        history,
      };
    });
  }

  /** One snapshot with its inputs (the outcome set and every parameter) and the weights they give. */
  /** One snapshot with its inputs; with `ofVendor`, only one of that vendor's (any other is not found). */
  async snapshot(id: string, ofVendor?: string) {
    return this.tx.run(async (tx) => {
      const found = await tx.findOneBy(TrustSnapshot, { id, ...(ofVendor && { vendorOrganisationId: ofVendor }) });
      if (!found) throw RankingErrors.SNAPSHOT_NOT_FOUND(undefined, { id });
      const inputs = await tx.findOneByOrFail(TrustInputs, { id: found.inputsId });
      const text = explanationOf(found);
      return {
        ...found,
        inputs: auditedInputs(
          inputs.outcomes,
          found.scope,
          {
            priorMean: found.priorMean,
            categoryOrders: found.categoryOrders,
            categoryMedianValue: found.categoryMedianValue,
            m: found.pseudoOrders,
            z: found.z,
            halfLifeMonths: found.halfLifeMonths,
            floor: found.floor,
          },
          found.computedAt,
        ),
        outcomeSet: { id: inputs.id, hash: inputs.hash, outcomes: inputs.outcomes },
        lastOutcomes: lastOutcomes(inputs.outcomes, found.scope),
        explanationVi: text.vi,
        explanationEn: text.en,
      };
    });
  }

  /** Operator: the agency is linked to the vendor; its orders stop counting for the vendor's trust at once. */
  async declareLink(
    principal: Principal,
    dto: { agencyOrganisationId: string; vendorOrganisationId: string; reason: string },
  ): Promise<AgencyVendorLink> {
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
      await this.recomputeIn(tx, dto.vendorOrganisationId, 'agency-vendor-link', {
        actor: actorOf(principal),
        entityType: 'agency_vendor_link',
        entityId: link.id,
        action: 'declared',
        after: dto,
      });
      return link;
    });
  }

  /** One page of the declared agency–vendor links, newest first. */
  async links(page: PageRequest): Promise<Page<AgencyVendorLink>> {
    return this.tx.run((tx) =>
      keysetPage(tx.createQueryBuilder(AgencyVendorLink, 'l'), {
        timeColumn: 'l.declared_at',
        timeOf: (l) => l.declaredAt,
        ...newestFirst(page),
      }),
    );
  }

  /**
   * The city dashboard as of its last refresh (after every outcome event and nightly); the first read of a new
   * installation builds it. Every figure names the drill-down that lists its rows.
   */
  async dashboard(): Promise<CityDashboard & { asOf: Date }> {
    const latest = await this.tx.run((tx) => tx.find(DashboardSummary, { order: { computedAt: 'DESC' }, take: 1 }));
    const summary = latest[0] ?? (await this.refreshDashboard('first-read'));
    return { asOf: summary.computedAt, ...(summary.figures as CityDashboard) };
  }

  /**
   * Recomputes the dashboard figures with set-based queries and appends them. Refreshes are serialised; one that
   * waited for another refresh which started after it was requested has nothing left to do.
   */
  async refreshDashboard(reason: string): Promise<DashboardSummary> {
    const requestedAt = this.clock.now();
    return this.tx.run(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [DASHBOARD_LOCK]);
      const [newer] = await tx.find(DashboardSummary, {
        where: { computedAt: MoreThan(requestedAt) },
        order: { computedAt: 'DESC' },
        take: 1,
      });
      if (newer) return newer;
      await largeAggregates(tx);
      const computedAt = this.clock.now();
      const summary = tx.create(DashboardSummary, {
        id: newId(),
        figures: cityDashboard(await cityFigures(tx)),
        reason,
        computedAt,
      });
      await tx.insert(DashboardSummary, summary);
      return summary;
    });
  }

  /** The ids a dashboard figure counts, one page after the cursor. */
  async dashboardRows(
    set: DashboardRowSet,
    filter: { dimension?: MoneyDimension; key?: string; status?: string },
    after = '',
    limit = 100,
  ): Promise<{ ids: string[]; next: string | null }> {
    const ids = await this.tx.run((tx) => dashboardRows(tx, set, filter, after, limit));
    return { ids, next: ids.length === limit ? ids[ids.length - 1] : null };
  }

  /** Re-check flags awaiting the operator's decision (lower bound under the floor), newest first. */
  /** One page of the re-checks waiting for the operator's decision, newest first. */
  async openFlags(page: PageRequest): Promise<Page<RecheckFlag>> {
    return this.tx.run((tx) =>
      keysetPage(tx.createQueryBuilder(RecheckFlag, 'f').where('f.resolved_at IS NULL AND f.decided_at IS NULL'), {
        timeColumn: 'f.raised_at',
        timeOf: (f) => f.raisedAt,
        ...newestFirst(page),
      }),
    );
  }

  /**
   * The operator keeps, suspends (until a date) or delists the vendor's listings in the flag's scope, with a reason;
   * the listings stop showing "đang xem xét lại". The flag stays until the lower bound is back at the floor, so
   * the same shortfall does not open a new re-check after each recomputation.
   */
  async decideRecheck(
    principal: Principal,
    flagId: string,
    dto: { decision: RecheckDecision; reason: string; suspendedUntil?: string },
  ): Promise<RecheckFlag> {
    return this.tx.run(async (tx) => {
      const flag = await tx.findOne(RecheckFlag, { where: { id: flagId }, lock: { mode: 'pessimistic_write' } });
      if (!flag) throw RankingErrors.FLAG_NOT_FOUND(undefined, { id: flagId });
      if (flag.decidedAt || flag.resolvedAt)
        throw RankingErrors.FLAG_NOT_OPEN(undefined, { id: flagId, decision: flag.decision });
      const now = this.clock.now();
      const until = dto.suspendedUntil === undefined ? null : new Date(dto.suspendedUntil);
      if ((dto.decision === 'SUSPEND') !== (until !== null) || (until && !(until > now)))
        throw RankingErrors.SUSPENSION_END_REQUIRED(undefined, { suspendedUntil: dto.suspendedUntil ?? null });
      const actor = actorOf(principal);
      const moved =
        dto.decision === 'KEEP'
          ? []
          : await this.catalog.applyRecheckDecision(
              tx,
              actor,
              flag.vendorOrganisationId,
              flag.scope,
              until ? { event: 'suspend', until, reason: dto.reason } : { event: 'delist', reason: dto.reason },
            );
      const decided = {
        decision: dto.decision,
        decisionReason: dto.reason,
        decidedByUserId: principal.userId ?? null,
        decidedAt: now,
      };
      await tx.update(RecheckFlag, { id: flagId }, decided);
      await this.syncRecheck(tx, [flag.vendorOrganisationId], now);
      await this.audit.record(tx, {
        actor,
        entityType: 'recheck_flag',
        entityId: flagId,
        action: 'decided',
        before: { decision: null },
        after: { ...decided, decidedAt: now.toISOString(), suspendedUntil: until?.toISOString(), solutions: moved },
      });
      return { ...flag, ...decided };
    });
  }

  /** Marks the vendors' listings under re-check where an undecided flag of theirs is open, and clears the rest. */
  private async syncRecheck(tx: EntityManager, vendors: string[], now: Date): Promise<void> {
    if (vendors.length === 0) return;
    const open = await tx.find(RecheckFlag, {
      where: { vendorOrganisationId: In(vendors), resolvedAt: IsNull(), decidedAt: IsNull() },
      select: { vendorOrganisationId: true, scope: true },
    });
    await this.catalog.syncRecheck(tx, vendors, open, now);
  }

  private async recomputeIn(
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
    await tx.delete(CurrentTrustScore, { vendorOrganisationId });
    await this.persist(tx, vendorOrganisationId, [batch], scores, reason, now, ...audit);
    return scores;
  }

  /** Agencies declared linked to each vendor here, and persons declared linked to it in the pre-check. */
  private async linksOf(tx: EntityManager, vendorOrganisationId?: string): Promise<(vendor: string) => VendorLinks> {
    const where = vendorOrganisationId ? { vendorOrganisationId } : {};
    const agencies = await tx.find(AgencyVendorLink, { where });
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

  /** Ranking entries of the given snapshots, in the same order, with names, last outcomes and explanations. */
  private async entries(tx: EntityManager, snapshotIds: string[]): Promise<RankingEntry[]> {
    if (snapshotIds.length === 0) return [];
    const snapshots = new Map((await tx.findBy(TrustSnapshot, { id: In(snapshotIds) })).map((s) => [s.id, s] as const));
    const inputIds = [...new Set([...snapshots.values()].map((s) => s.inputsId))];
    const inputs = new Map(
      (await tx.findBy(TrustInputs, { id: In(inputIds) })).map((i) => [i.id, i.outcomes] as const),
    );
    const names = await this.identity.organisationNames([
      ...new Set([...snapshots.values()].map((s) => s.vendorOrganisationId)),
    ]);
    return snapshotIds.map((id) => {
      const s = snapshots.get(id)!;
      const text = explanationOf(s);
      return {
        rank: 0,
        vendorOrganisationId: s.vendorOrganisationId,
        vendorName: names.get(s.vendorOrganisationId) ?? '',
        scope: s.scope,
        expected: s.expected,
        lowerBound: s.lowerBound,
        effectiveEvidence: s.effectiveEvidence,
        label: s.isNew ? NEW_VENDOR_LABEL : s.label,
        labelVi: s.isNew ? NEW_SUPPLIER_VI : TRUST_LABELS_VI[s.label],
        isNew: s.isNew,
        orders: s.orders,
        lastOutcomes: lastOutcomes(inputs.get(s.inputsId) ?? [], s.scope),
        explanationVi: text.vi,
        explanationEn: text.en,
        snapshotId: s.id,
        computedAt: s.computedAt,
      };
    });
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
async function largeAggregates(tx: EntityManager): Promise<void> {
  await tx.query(`SET LOCAL work_mem = '128MB'; SET LOCAL jit = off`);
}

const explanationOf = (s: TrustSnapshot) => explain(s, s.priorMean, s.orders, s.excluded, s.categoryOrders);

interface PageRequest {
  cursor?: string;
  limit: number;
}

function newestFirst(page: PageRequest) {
  return {
    direction: 'DESC' as const,
    cursor: page.cursor,
    limit: page.limit,
    invalidCursor: () => RankingErrors.INVALID_CURSOR(undefined, { cursor: page.cursor }),
  };
}

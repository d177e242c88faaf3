import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull, MoreThan } from 'typeorm';
import { categorisedOutcomes, cityFacts, outcomeStatistics, type OutcomeStatistics } from '@app/acceptance';
import { AuditFacade, SYSTEM_ACTOR, type AuditEntry } from '@app/audit';
import { actorOf, IdentityFacade, type Principal } from '@app/identity';
import { Clock, newId } from '@app/kernel';
import { AppConfig, Transactions } from '@app/platform';
import { RankingErrors } from './contracts/ranking';
import { cityDashboard, type CityDashboard } from './dashboard';
import { NEW_SUPPLIER_VI, TRUST_LABELS_VI } from './trust-score';
import {
  AgencyVendorLink,
  CategoryStatistics,
  CurrentTrustScore,
  OVERALL,
  RecheckFlag,
  TrustSnapshot,
  type LastOutcome,
} from './trust-snapshot.entity';
import { newVendorScore, statisticsOf, vendorScores, type ScopeScore } from './vendor-scores';

/** Shown instead of a label while effective evidence Σw < 2. */
export const NEW_SUPPLIER = 'NHA_CUNG_CAP_MOI';
const INSERT_CHUNK = 1000;
const STATS_MAX_AGE_MS = 3600_000;
const DEFAULT_RANKING_LIMIT = 100;

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

@Injectable()
export class RankingFacade {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    private readonly identity: IdentityFacade,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** Incremental: one vendor, overall and per category, after one of its outcomes changed. */
  async recompute(vendorOrganisationId: string, reason: string): Promise<ScopeScore[]> {
    return this.tx.run((tx) => this.recomputeIn(tx, vendorOrganisationId, reason));
  }

  /** Every vendor with an outcome, in one transaction: the nightly job, and the benchmark's full recompute. */
  async recomputeAll(reason: string): Promise<number> {
    return this.tx.run(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['ranking-recompute-all']);
      const all = await categorisedOutcomes(tx);
      const links = await tx.find(AgencyVendorLink);
      const stats = statisticsOf(all);
      await this.storeStatistics(tx, stats, this.clock.now());
      const byVendor = new Map<string, typeof all>();
      for (const o of all) {
        const list = byVendor.get(o.vendorOrganisationId);
        if (list) list.push(o);
        else byVendor.set(o.vendorOrganisationId, [o]);
      }
      const now = this.clock.now();
      const scores = [...byVendor].flatMap(([vendor, outcomes]) =>
        vendorScores(vendor, outcomes, linkedAgencies(links, vendor), stats, now),
      );
      await this.persist(tx, scores, reason, now);
      return byVendor.size;
    });
  }

  /** Tier-2 scoring reads this: the vendor's L in the category, or the category prior's L for a new vendor. */
  async trustLowerBound(vendorOrganisationId: string, categoryCode: string): Promise<TrustLowerBound> {
    return this.tx.run(async (tx) => {
      const current = await tx.findOneBy(CurrentTrustScore, { vendorOrganisationId, scope: categoryCode });
      if (current)
        return {
          lowerBound: current.lowerBound,
          expected: current.expected,
          isNew: current.isNew,
          snapshotId: current.snapshotId,
        };
      const now = this.clock.now();
      const stats = await this.statistics(tx, [categoryCode], now);
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
    // the rank is over the whole scope, so the label filter applies to the ranked rows
    const rows = await this.tx.run((tx) =>
      tx.query<Array<Record<string, unknown>>>(
        `WITH ranked AS (
           SELECT vendor_organisation_id, is_new, label,
                  row_number() OVER (ORDER BY lower_bound DESC, vendor_organisation_id ASC) AS rank
           FROM ranking.current_scores WHERE scope = $1)
         SELECT s.*, r.rank FROM ranked r
         JOIN ranking.current_scores s ON s.vendor_organisation_id = r.vendor_organisation_id AND s.scope = $1
         WHERE $2::text IS NULL OR ($2 = $3 AND r.is_new) OR (NOT r.is_new AND r.label = $2)
         ORDER BY r.rank LIMIT $4`,
        [filter.scope ?? OVERALL, label, NEW_SUPPLIER, filter.limit ?? DEFAULT_RANKING_LIMIT],
      ),
    );
    const scores = rows.map((r) => ({ rank: Number(r.rank), score: fromRaw(r) }));
    const names = await this.identity.organisationNames(scores.map((s) => s.score.vendorOrganisationId));
    return scores.map(({ rank, score }) => entryOf(score, rank, names.get(score.vendorOrganisationId) ?? ''));
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
      const names = await this.identity.organisationNames([vendorOrganisationId]);
      const vendorName = names.get(vendorOrganisationId) ?? '';
      return { vendorOrganisationId, vendorName, current: current.map((s) => entryOf(s, 0, vendorName)), history };
    });
  }

  /** One snapshot with its inputs, so anyone can recompute it. */
  async snapshot(id: string): Promise<TrustSnapshot> {
    const found = await this.tx.run((tx) => tx.findOneBy(TrustSnapshot, { id }));
    if (!found) throw RankingErrors.SNAPSHOT_NOT_FOUND(undefined, { id });
    return found;
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

  async links(): Promise<AgencyVendorLink[]> {
    return this.tx.run((tx) => tx.find(AgencyVendorLink, { order: { declaredAt: 'DESC', id: 'ASC' } }));
  }

  /** Plan targets, money and flow for city viewers; every figure carries the ids of the rows it counts. */
  async dashboard(): Promise<CityDashboard & { asOf: Date }> {
    const facts = await this.tx.run((tx) => cityFacts(tx));
    return { asOf: this.clock.now(), ...cityDashboard(facts) };
  }

  /** Open re-check flags (lower bound under the floor), newest first. */
  async openFlags(): Promise<RecheckFlag[]> {
    return this.tx.run((tx) => tx.find(RecheckFlag, { where: { resolvedAt: IsNull() }, order: { raisedAt: 'DESC' } }));
  }

  private async recomputeIn(
    tx: EntityManager,
    vendorOrganisationId: string,
    reason: string,
    ...audit: AuditEntry[]
  ): Promise<ScopeScore[]> {
    // Concurrent events of one vendor are serialised, so the current row always reflects the newest outcomes.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`trust-${vendorOrganisationId}`]);
    const outcomes = await categorisedOutcomes(tx, vendorOrganisationId);
    const links = await tx.findBy(AgencyVendorLink, { vendorOrganisationId });
    const categories = [...new Set(outcomes.map((o) => o.categoryCode))];
    const now = this.clock.now();
    const stats = await this.statistics(tx, categories, now);
    const scores = vendorScores(
      vendorOrganisationId,
      outcomes,
      linkedAgencies(links, vendorOrganisationId),
      stats,
      now,
    );
    await this.persist(tx, scores, reason, now, ...audit);
    return scores;
  }

  /**
   * μ0 and the median move slowly with the whole category, so one vendor's recomputation reuses statistics up
   * to STATS_MAX_AGE_MS old (refreshed nightly by the full recomputation); the snapshot records the ones used.
   */
  private async statistics(tx: EntityManager, categories: string[], now: Date): Promise<OutcomeStatistics[]> {
    const scopes = [OVERALL, ...categories];
    const cached = await tx.findBy(CategoryStatistics, {
      scope: In(scopes),
      computedAt: MoreThan(new Date(now.getTime() - STATS_MAX_AGE_MS)),
    });
    if (cached.length === scopes.length) return cached;
    const computed = await outcomeStatistics(tx, categories);
    // a scope without orders is stored too, so it is not recomputed on every call
    const fresh = scopes.map(
      (scope) => computed.find((c) => c.scope === scope) ?? { scope, orders: 0, meanX: 0, medianValue: 0 },
    );
    await this.storeStatistics(tx, fresh, now);
    return fresh;
  }

  private async storeStatistics(tx: EntityManager, stats: OutcomeStatistics[], now: Date): Promise<void> {
    if (stats.length === 0) return;
    await tx
      .createQueryBuilder()
      .insert()
      .into(CategoryStatistics)
      .values(stats.map((s) => ({ ...s, computedAt: now })))
      .orUpdate(['orders', 'mean_x', 'median_value', 'computed_at'], ['scope'])
      .execute();
  }

  /** Appends snapshots, moves the current rows, raises or resolves re-check flags; the audit events go last. */
  private async persist(
    tx: EntityManager,
    scores: ScopeScore[],
    reason: string,
    now: Date,
    ...audit: AuditEntry[]
  ): Promise<void> {
    const floor = this.config.TRUST_FLOOR;
    const snapshots = scores.map((s) => ({
      id: newId(),
      vendorOrganisationId: s.vendorOrganisationId,
      scope: s.scope,
      alpha: s.score.alpha,
      beta: s.score.beta,
      expected: s.score.expected,
      lowerBound: s.score.lowerBound,
      effectiveEvidence: s.score.effectiveEvidence,
      label: s.score.label,
      isNew: s.score.isNew,
      inputs: { ...s.inputs, floor },
      lastOutcomes: s.lastOutcomes,
      explanationVi: s.explanationVi,
      explanationEn: s.explanationEn,
      reason,
      computedAt: now,
    }));
    // One JSON parameter per chunk: thousands of rows per statement without thousands of bind parameters.
    for (let i = 0; i < snapshots.length; i += INSERT_CHUNK) {
      const chunk = snapshots.slice(i, i + INSERT_CHUNK).map((s, j) => ({
        id: s.id,
        vendor_organisation_id: s.vendorOrganisationId,
        scope: s.scope,
        alpha: s.alpha,
        beta: s.beta,
        expected: s.expected,
        lower_bound: s.lowerBound,
        effective_evidence: s.effectiveEvidence,
        label: s.label,
        is_new: s.isNew,
        inputs: s.inputs,
        last_outcomes: s.lastOutcomes,
        explanation_vi: s.explanationVi,
        explanation_en: s.explanationEn,
        reason: s.reason,
        computed_at: now.toISOString(),
        orders: scores[i + j].orders,
      }));
      await tx.query(
        `INSERT INTO ranking.trust_snapshots (id, vendor_organisation_id, scope, alpha, beta, expected, lower_bound,
           effective_evidence, label, is_new, inputs, last_outcomes, explanation_vi, explanation_en, reason, computed_at)
         SELECT id, vendor_organisation_id, scope, alpha, beta, expected, lower_bound, effective_evidence, label, is_new,
                inputs, last_outcomes, explanation_vi, explanation_en, reason, computed_at
         FROM jsonb_populate_recordset(NULL::ranking.trust_snapshots, $1::jsonb)`,
        [JSON.stringify(chunk)],
      );
      await tx.query(
        `INSERT INTO ranking.current_scores (vendor_organisation_id, scope, snapshot_id, expected, lower_bound,
           effective_evidence, label, is_new, orders, last_outcomes, explanation_vi, explanation_en, computed_at)
         SELECT r.vendor_organisation_id, r.scope, r.id, r.expected, r.lower_bound, r.effective_evidence, r.label,
                r.is_new, r.orders, r.last_outcomes, r.explanation_vi, r.explanation_en, r.computed_at
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, vendor_organisation_id uuid, scope text, expected float8,
           lower_bound float8, effective_evidence float8, label text, is_new boolean, orders int, last_outcomes jsonb,
           explanation_vi text, explanation_en text, computed_at timestamptz)
         ON CONFLICT (vendor_organisation_id, scope) DO UPDATE SET snapshot_id = excluded.snapshot_id,
           expected = excluded.expected, lower_bound = excluded.lower_bound,
           effective_evidence = excluded.effective_evidence, label = excluded.label, is_new = excluded.is_new,
           orders = excluded.orders, last_outcomes = excluded.last_outcomes, explanation_vi = excluded.explanation_vi,
           explanation_en = excluded.explanation_en, computed_at = excluded.computed_at`,
        [JSON.stringify(chunk)],
      );
    }

    // isNew is exactly "effective evidence under 2 orders"
    const below = snapshots.filter((s) => !s.isNew && s.lowerBound < floor);
    const belowIds = new Set(below.map((s) => s.id));
    const above = snapshots.filter((s) => !belowIds.has(s.id));
    const raised: RecheckFlag[] = [];
    for (let i = 0; i < below.length; i += INSERT_CHUNK) {
      const flags = below.slice(i, i + INSERT_CHUNK).map((s) => ({
        id: newId(),
        vendorOrganisationId: s.vendorOrganisationId,
        scope: s.scope,
        snapshotId: s.id,
        lowerBound: s.lowerBound,
        effectiveEvidence: s.effectiveEvidence,
        floor,
        raisedAt: now,
        resolvedAt: null,
      }));
      const inserted = await tx.query<Array<{ id: string }>>(
        `INSERT INTO ranking.recheck_flags
           (id, vendor_organisation_id, scope, snapshot_id, lower_bound, effective_evidence, floor, raised_at)
         SELECT r.id, r.vendor_organisation_id, r.scope, r.snapshot_id, r.lower_bound, r.effective_evidence, r.floor, $2
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, vendor_organisation_id uuid, scope text, snapshot_id uuid,
           lower_bound float8, effective_evidence float8, floor float8)
         ON CONFLICT (vendor_organisation_id, scope) WHERE resolved_at IS NULL DO NOTHING RETURNING id`,
        [
          JSON.stringify(
            flags.map((f) => ({
              id: f.id,
              vendor_organisation_id: f.vendorOrganisationId,
              scope: f.scope,
              snapshot_id: f.snapshotId,
              lower_bound: f.lowerBound,
              effective_evidence: f.effectiveEvidence,
              floor,
            })),
          ),
          now,
        ],
      );
      const ids = new Set(inserted.map((r) => r.id));
      raised.push(...flags.filter((f) => ids.has(f.id)));
    }
    const resolved: Array<{ id: string; vendor_organisation_id: string; scope: string }> = [];
    if (above.length > 0) {
      const aboveKeys = new Set(above.map((s) => `${s.vendorOrganisationId}|${s.scope}`));
      const vendors = [...new Set(above.map((s) => s.vendorOrganisationId))];
      const open = await tx.find(RecheckFlag, { where: { resolvedAt: IsNull(), vendorOrganisationId: In(vendors) } });
      for (const flag of open) {
        if (!aboveKeys.has(`${flag.vendorOrganisationId}|${flag.scope}`)) continue;
        await tx.update(RecheckFlag, { id: flag.id }, { resolvedAt: now });
        resolved.push({ id: flag.id, vendor_organisation_id: flag.vendorOrganisationId, scope: flag.scope });
      }
    }
    const entries: AuditEntry[] = [
      ...audit,
      ...raised.map((f) => ({
        actor: SYSTEM_ACTOR,
        entityType: 'recheck_flag',
        entityId: f.id,
        action: 'raised',
        after: {
          vendorOrganisationId: f.vendorOrganisationId,
          scope: f.scope,
          lowerBound: f.lowerBound,
          effectiveEvidence: f.effectiveEvidence,
          floor,
          snapshotId: f.snapshotId,
        },
      })),
      ...resolved.map((f) => ({
        actor: SYSTEM_ACTOR,
        entityType: 'recheck_flag',
        entityId: f.id,
        action: 'resolved',
        after: { vendorOrganisationId: f.vendor_organisation_id, scope: f.scope },
      })),
    ];
    // chunked: a first full recomputation may raise thousands of flags, beyond one statement's bind parameters
    for (let i = 0; i < entries.length; i += INSERT_CHUNK)
      await this.audit.record(tx, ...entries.slice(i, i + INSERT_CHUNK));
  }
}

function linkedAgencies(links: AgencyVendorLink[], vendorOrganisationId: string): Set<string> {
  return new Set(
    links.filter((l) => l.vendorOrganisationId === vendorOrganisationId).map((l) => l.agencyOrganisationId),
  );
}

function entryOf(s: CurrentTrustScore, rank: number, vendorName: string): RankingEntry {
  return {
    rank,
    vendorOrganisationId: s.vendorOrganisationId,
    vendorName,
    scope: s.scope,
    expected: s.expected,
    lowerBound: s.lowerBound,
    effectiveEvidence: s.effectiveEvidence,
    label: s.isNew ? NEW_SUPPLIER : s.label,
    labelVi: s.isNew ? NEW_SUPPLIER_VI : TRUST_LABELS_VI[s.label],
    isNew: s.isNew,
    orders: s.orders,
    lastOutcomes: s.lastOutcomes,
    explanationVi: s.explanationVi,
    explanationEn: s.explanationEn,
    snapshotId: s.snapshotId,
    computedAt: s.computedAt,
  };
}

/** A ranking.current_scores row as the driver returns it. */
function fromRaw(r: Record<string, unknown>): CurrentTrustScore {
  return {
    vendorOrganisationId: r.vendor_organisation_id as string,
    scope: r.scope as string,
    snapshotId: r.snapshot_id as string,
    expected: Number(r.expected),
    lowerBound: Number(r.lower_bound),
    effectiveEvidence: Number(r.effective_evidence),
    label: r.label as CurrentTrustScore['label'],
    isNew: r.is_new as boolean,
    orders: Number(r.orders),
    lastOutcomes: r.last_outcomes as CurrentTrustScore['lastOutcomes'],
    explanationVi: r.explanation_vi as string,
    explanationEn: r.explanation_en as string,
    computedAt: r.computed_at as Date,
  };
}

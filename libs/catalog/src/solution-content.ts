import { EntityManager } from 'typeorm';
import type { AuditActor } from '@app/audit';
import { newId } from '@app/kernel';
import type { CreateSolutionDto, SolutionKpiDto } from './catalog.dto';
import { CatalogErrors } from './contracts/catalog';
import { SolutionKpi } from './solution.entity';

/** A vendor's person or machine client, acting for its organisation. */
export type VendorActor = AuditActor & { organisationId: string };

export interface Confidentiality {
  confidential: boolean;
  reason?: string | null;
}

export function kpiRows(tx: EntityManager, solutionId: string, kpis: SolutionKpiDto[]): SolutionKpi[] {
  return kpis.map((kpi) =>
    tx.create(SolutionKpi, {
      id: newId(),
      solutionId,
      metric: kpi.metric.trim(),
      unit: kpi.unit ?? null,
      direction: kpi.direction ?? null,
      dataSource: kpi.dataSource ?? null,
      dataOwner: kpi.dataOwner ?? null,
      measurementMethod: kpi.measurementMethod ?? null,
      aggregation: kpi.aggregation ?? null,
      frequency: kpi.frequency ?? null,
      baselineMethod: kpi.baselineMethod ?? null,
      minimumSample: kpi.minimumSample ?? null,
      evidenceFormat: kpi.evidenceFormat ?? null,
    }),
  );
}

export function standardFields(dto: CreateSolutionDto) {
  return {
    name: dto.name.trim(),
    summary: dto.summary.trim(),
    categoryCode: dto.categoryCode,
    description: dto.description?.trim() ?? null,
    deploymentModel: dto.deploymentModel ?? null,
    makeInVietnam: dto.makeInVietnam ?? false,
    localisationShare: dto.localisationShare ?? null,
    priceMin: dto.priceMin ?? null,
    priceMax: dto.priceMax ?? null,
  };
}

export function checkPriceRange(dto: { priceMin?: string; priceMax?: string }): void {
  if (dto.priceMin !== undefined && dto.priceMax !== undefined && BigInt(dto.priceMin) > BigInt(dto.priceMax))
    throw CatalogErrors.INVALID_PRICE_RANGE(undefined, {
      field: 'priceMax',
      priceMin: dto.priceMin,
      priceMax: dto.priceMax,
    });
}

export function checkConfidentiality({ confidential, reason }: Confidentiality): {
  confidential: boolean;
  confidentialReason: string | null;
} {
  const trimmed = reason?.trim() ?? '';
  if (confidential ? trimmed.length < 3 || trimmed.length > 1000 : trimmed.length > 0)
    throw CatalogErrors.CONFIDENTIAL_REASON_REQUIRED(undefined, { field: 'confidentialReason' });
  return { confidential, confidentialReason: confidential ? trimmed : null };
}

import { DataSource } from 'typeorm';
import { AcceptanceRecord, Dispute, Measurement, MeasurementBatch } from '@app/acceptance';
import { AuditEvent } from '@app/audit';
import {
  Category,
  DocumentReviewer,
  Listing,
  Solution,
  SolutionDocument,
  SolutionKpi,
  VendorTrustLabel,
} from '@app/catalog';
import { Call, Clarification, Offer, OfferScore, PocTrial } from '@app/competition';
import { ApiKey, LoginThrottle, Organisation, User } from '@app/identity';
import { Account, Posting, Transfer } from '@app/ledger';
import { Order, Signature } from '@app/ordering';
import { Notification, Webhook, WebhookAttempt, WebhookDelivery } from '@app/notifications';
import { dataSourceOptions, OutboxMessage, OutboxPending } from '@app/platform';
import { Assignment, AssessorConflict, RequirementSet, Submission } from '@app/precheck';
import { Problem, ProblemKpi, Proposal } from '@app/problems';
import {
  AgencyVendorLink,
  CurrentTrustScore,
  DashboardSummary,
  RecheckFlag,
  TrustInputs,
  TrustSnapshot,
} from '@app/ranking';
import { Settlement } from '@app/settlement';
import { migrations } from '../../migrations';

/** Every entity of every module: what the migrations must produce exactly. */
export const ENTITIES = [
  OutboxMessage,
  OutboxPending,
  AuditEvent,
  Organisation,
  User,
  ApiKey,
  LoginThrottle,
  Account,
  Transfer,
  Posting,
  Category,
  Solution,
  SolutionKpi,
  SolutionDocument,
  DocumentReviewer,
  Listing,
  VendorTrustLabel,
  Submission,
  RequirementSet,
  Assignment,
  AssessorConflict,
  Problem,
  ProblemKpi,
  Proposal,
  Call,
  Offer,
  OfferScore,
  Clarification,
  PocTrial,
  Order,
  Signature,
  MeasurementBatch,
  Measurement,
  AcceptanceRecord,
  Dispute,
  Settlement,
  TrustSnapshot,
  CurrentTrustScore,
  AgencyVendorLink,
  RecheckFlag,
  TrustInputs,
  DashboardSummary,
  Notification,
  Webhook,
  WebhookDelivery,
  WebhookAttempt,
];

export function schemaDataSource(url: string, poolSize = 2): DataSource {
  return new DataSource({ ...dataSourceOptions(url, poolSize), entities: ENTITIES, migrations });
}

/** SQL that would bring the database in line with the entities; empty when migrations and entities agree. */
export async function schemaDrift(dataSource: DataSource): Promise<{ up: string[]; down: string[] }> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return { up: log.upQueries.map((q) => q.query), down: log.downQueries.map((q) => q.query) };
}

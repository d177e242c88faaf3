import { DataSource } from 'typeorm';
import { AcceptanceRecord, Measurement, MeasurementBatch, Settlement } from '@app/acceptance';
import { AuditEvent } from '@app/audit';
import { Category, Solution, SolutionKpi } from '@app/catalog';
import { Call, Offer } from '@app/competition';
import { ApiKey, Organisation, User } from '@app/identity';
import { Account, Posting, Transfer } from '@app/ledger';
import { Order, Signature } from '@app/ordering';
import { dataSourceOptions, OutboxMessage } from '@app/platform';
import { Submission } from '@app/precheck';
import { Problem, ProblemKpi } from '@app/problems';
import { TrustSnapshot } from '@app/ranking';
import { migrations } from '../../migrations';

/** Every entity of every module: what the migrations must produce exactly. */
export const ENTITIES = [
  OutboxMessage,
  AuditEvent,
  Organisation,
  User,
  ApiKey,
  Account,
  Transfer,
  Posting,
  Category,
  Solution,
  SolutionKpi,
  Submission,
  Problem,
  ProblemKpi,
  Call,
  Offer,
  Order,
  Signature,
  MeasurementBatch,
  Measurement,
  AcceptanceRecord,
  Settlement,
  TrustSnapshot,
];

export function schemaDataSource(url: string, poolSize = 2): DataSource {
  return new DataSource({ ...dataSourceOptions(url, poolSize), entities: ENTITIES, migrations });
}

/** SQL that would bring the database in line with the entities; empty when migrations and entities agree. */
export async function schemaDrift(dataSource: DataSource): Promise<{ up: string[]; down: string[] }> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return { up: log.upQueries.map((q) => q.query), down: log.downQueries.map((q) => q.query) };
}

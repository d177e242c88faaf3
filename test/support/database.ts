import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';
import * as argon2 from 'argon2';
import { v7 as newId } from 'uuid';

export const TEMPLATE_DB = 'marketplace_template';

export function adminUrl(): string {
  const url = process.env.PG_ADMIN_URL;
  if (!url) throw new Error('PG_ADMIN_URL is not set: run tests through `npm test` (scripts/with-infra.ts)');
  return url;
}

export function urlFor(database: string, server = adminUrl()): string {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(work: (client: Client) => Promise<T>, server = adminUrl()): Promise<T> {
  const client = new Client({ connectionString: server });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  pool: Pool;
  drop(): Promise<void>;
}

/** A fresh database cloned from the migrated template: each test file gets its own (on `server`, an admin URL). */
export async function createTestDatabase(server = adminUrl()): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`), server);
  const url = urlFor(name, server);
  const pool = new Pool({ connectionString: url, max: 4 });
  // An idle connection cut by a test that restarts the server is dropped; the next query opens a new one.
  pool.on('error', () => undefined);
  return {
    name,
    url,
    pool,
    drop: async () => {
      await pool.end();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`), server);
    },
  };
}

export const OPERATOR_EMAIL = 'quantri@sokhcn.hanoi.gov.vn';

/** The first operator admin cannot be created through the API (someone must hold the keys first). */
export async function bootstrapOperator(
  pool: Pool,
  email = OPERATOR_EMAIL,
  password = 'mat-khau-quan-tri-2026',
): Promise<{ email: string; password: string; organisationId: string }> {
  const existing = await pool.query<{ organisation_id: string }>(
    'SELECT organisation_id FROM identity.users WHERE email = $1',
    [email],
  );
  if (existing.rows[0]) return { email, password, organisationId: existing.rows[0].organisation_id };
  const organisationId = newId();
  const hash = await argon2.hash(password, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  await pool.query(
    `INSERT INTO identity.organisations (id, type, name, tax_code) VALUES ($1, 'OPERATOR', 'Sở Khoa học và Công nghệ Hà Nội', NULL)`,
    [organisationId],
  );
  await pool.query(
    `INSERT INTO identity.users (id, organisation_id, email, full_name, password_hash, roles) VALUES ($1, $2, $3, 'Quản trị Chợ', $4, '{OPERATOR_ADMIN}')`,
    [newId(), organisationId, email, hash],
  );
  return { email, password, organisationId };
}

import { execFileSync } from 'node:child_process';
import { Client } from 'pg';
import { distPath } from '../../scripts/infra/processes';
import { adminUrl, TEMPLATE_DB, urlFor } from './database';

/** (Re)creates the template database on `server` (an admin URL) with the built migration runner. */
export async function migrateTemplate(server: string): Promise<void> {
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  execFileSync(process.execPath, [distPath('scripts', 'migrate.js')], {
    env: { ...process.env, DATABASE_URL: urlFor(TEMPLATE_DB, server) },
    stdio: 'inherit',
  });
}

/**
 * Migrates one template database per test run with the built migration runner (the one deployments use);
 * every test file clones it with CREATE DATABASE … TEMPLATE.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEMPLATE_DB_READY) return;
  await migrateTemplate(adminUrl());
  process.env.TEMPLATE_DB_READY = '1';
}

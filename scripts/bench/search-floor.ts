/**
 * The floor `catalog-search` measures the API against: a catalogue search served by bare Node.js HTTP. Fastify, a
 * pool of the API's size and client, the catalogue's own `searchPage`, the page as JSON — and no framework,
 * validation, authentication, logging, metrics or load shedding. Not a server to run: a yardstick for how much of
 * the distance to raw SQL is HTTP on the machine and how much is the API's own.
 */
import Fastify from 'fastify';
import { Pool } from 'pg';
import { searchPage, type TrustLabel } from '@app/catalog';
import { PreparingClient, withReads } from '@app/platform';

interface Query {
  q?: string;
  category?: string;
  makeInVietnam?: string;
  trustLabel?: TrustLabel | TrustLabel[];
  limit?: string;
}

const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DB_POOL_SIZE),
  Client: PreparingClient,
});
const server = Fastify();
server.get('/health', () => ({ status: 'ok' }));
server.get<{ Querystring: Query }>('/catalog/search', async ({ query }) => {
  return withReads(pool, (read) =>
    searchPage(read, {
      q: query.q,
      category: query.category,
      makeInVietnam: query.makeInVietnam === undefined ? undefined : query.makeInVietnam === 'true',
      trustLabels: query.trustLabel === undefined ? undefined : [query.trustLabel].flat(),
      limit: query.limit === undefined ? undefined : Number(query.limit),
    }),
  );
});
process.once('SIGTERM', () => void server.close().then(() => pool.end()));
void server.listen({ port: Number(process.env.API_PORT), host: '127.0.0.1' });

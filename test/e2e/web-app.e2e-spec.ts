import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { distPath } from '../../scripts/infra';
import { type TestSystem, startSystem } from '@app/test-support';

jest.setTimeout(120_000);

/** The API serves the built web app (npm run build) at `/` without changing any API answer. */
describe('the web application served by the API', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(() => system?.stop());

  it('serves the app at / and its files with a long cache', async () => {
    const index = await request(system.url).get('/').expect(200);
    expect(index.headers['content-type']).toMatch(/^text\/html/);
    expect(index.text).toContain('<div id="root">');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(index.text)?.[1];
    expect(script).toBeDefined();
    const asset = await request(system.url).get(script!).expect(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect(asset.text).toBe(fs.readFileSync(path.join(distPath('web'), script!), 'utf8'));
  });

  it('answers a page address with the app when a browser asks for a page', async () => {
    for (const page of ['/giai-phap', '/lanh-dao/nha-cung-cap/x', '/khong-co-trang-nay']) {
      const answer = await request(system.url).get(page).set('accept', 'text/html,application/xhtml+xml').expect(200);
      expect(answer.text).toContain('<div id="root">');
    }
  });

  it('keeps the API: JSON 404s for unknown routes, API routes, docs, health', async () => {
    const missing = await request(system.url).get('/giai-phap').set('accept', 'application/json').expect(404);
    expect(missing.body).toMatchObject({ code: 'HTTP.ROUTE_NOT_FOUND' });
    await request(system.url).post('/khong-co').set('accept', 'text/html').expect(404);
    const refused = await request(system.url).get('/orders/xyz').set('accept', 'text/html').expect(401);
    expect(refused.body).toMatchObject({ code: 'IDENTITY.UNAUTHENTICATED' });
    const problems = await request(system.url).get('/problems').set('accept', 'text/html').expect(200);
    expect(problems.headers['content-type']).toMatch(/^application\/json/);
    await request(system.url).get('/health').set('accept', 'text/html').expect(200).expect('content-type', /json/);
    await request(system.url).get('/openapi.json').expect(200).expect('content-type', /json/);
    await request(system.url).get('/docs').expect(200);
  });

  it('documents the call weights and the pre-check weights as two schemas', async () => {
    const { body } = await request(system.url).get('/openapi.json').expect(200);
    const schemas = body.components.schemas;
    expect(Object.keys(schemas.CallWeightsDto.properties).sort()).toEqual(['effect', 'price', 'trust']);
    expect(Object.keys(schemas.PrecheckWeightsDto.properties).sort()).toEqual(['capability', 'kpi', 'security']);
    expect(schemas.WeightsDto).toBeUndefined();
  });
});

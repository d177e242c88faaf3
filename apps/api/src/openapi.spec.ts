import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import pino from 'pino';
import { logRequests, OkResponse } from '@app/platform';
import { ErrorFilter } from './error.filter';
import { buildOpenApi, shareOpenApiSchemas } from './openapi';

class Line {
  @ApiProperty() name: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) at: Date | null;
}

class Sheet {
  @ApiProperty({ type: Line, isArray: true }) lines: Line[];
  @ApiProperty() total: number;
}

const at = new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6));
let answer: object;

@Controller()
class SheetController {
  @Get('sheet')
  @OkResponse(Sheet)
  sheet(): object {
    return answer;
  }
}

@Module({ controllers: [SheetController] })
class SheetModule {}

describe('a 200 answer declared with OkResponse', () => {
  let app: NestFastifyApplication;
  const logLines: string[] = [];

  beforeAll(async () => {
    app = await NestFactory.create<NestFastifyApplication>(SheetModule, new FastifyAdapter(), { logger: false });
    logRequests(app.getHttpAdapter().getInstance(), pino({ level: 'error' }, { write: (line) => logLines.push(line) }));
    app.useGlobalFilters(new ErrorFilter());
    shareOpenApiSchemas(app.getHttpAdapter().getInstance(), buildOpenApi(app));
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app.close());

  const get = () => app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/sheet' });

  it('is published in the OpenAPI document', () => {
    const operation = buildOpenApi(app).paths['/sheet'].get;
    expect(operation?.responses['200']).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Sheet' } } },
    });
  });

  it('is written by the declared schema: declared fields only, dates in ISO 8601, nested classes resolved', async () => {
    answer = {
      lines: [
        { name: 'Đèn "tín hiệu"', at, secret: 'x' },
        { name: 'b', at: null },
      ],
      total: 2,
      internal: 1,
    };
    const response = await get();
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      lines: [
        { name: 'Đèn "tín hiệu"', at: '2026-01-02T03:04:05.006Z' },
        { name: 'b', at: null },
      ],
      total: 2,
    });
  });

  it('fails as an internal error, logged, rather than being sent short of a required field', async () => {
    answer = { lines: [{ at }], total: 1 };
    const response = await get();
    expect(response.statusCode).toBe(500);
    expect(response.json()).toMatchObject({ code: 'PLATFORM.INTERNAL' });
    expect(logLines.map((line) => JSON.parse(line) as { err?: { message?: string } })).toEqual([
      expect.objectContaining({ err: expect.objectContaining({ message: '"name" is required!' }) }),
    ]);
  });
});

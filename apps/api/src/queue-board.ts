import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccessTickets, CurrentPrincipal, IdentityErrors, Roles, type Principal } from '@app/identity';
import { JobQueues, requestIdOf } from '@app/platform';
import { DECLARED_JOBS } from '../../declared-jobs';
import { describeError } from './error.filter';

/** Where the job queues' board (bull-board) answers; its ticket cookie is sent to this path only. */
export const QUEUE_BOARD_PATH = '/ops/queues';
const TICKET_COOKIE = 'ccds_queue_board';
const TICKET_AUDIENCE = 'queue-board';
const TICKET_TTL_SECONDS = 600;

function ticketOf(request: FastifyRequest): string | undefined {
  for (const pair of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = pair.trim().split('=');
    if (name === TICKET_COOKIE) return value.join('=');
  }
  return undefined;
}

export class QueueBoardTicketView {
  @ApiProperty({ example: QUEUE_BOARD_PATH, description: 'where the board answers' }) path: string;
  @ApiProperty({ format: 'date-time', description: 'when the ticket cookie stops working' }) expiresAt: string;
}

/**
 * A browser opens the board by navigation, which cannot carry the Bearer token: an operator's authenticated POST
 * sets a short-lived ticket in an HttpOnly, SameSite=Strict cookie scoped to the board's path instead.
 */
@ApiTags('oversight')
@ApiBearerAuth()
@Controller()
export class QueueBoardController {
  constructor(private readonly tickets: AccessTickets) {}

  @Post('ops/queues/session')
  @HttpCode(200)
  @Roles('OPERATOR_ADMIN')
  @ApiOperation({
    summary:
      'Mở bảng hàng đợi công việc / Open the job queues’ board: sets a 10-minute HttpOnly ticket cookie for /ops/queues',
  })
  @ApiOkResponse({ type: QueueBoardTicketView })
  async open(
    @CurrentPrincipal() p: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<QueueBoardTicketView> {
    const ticket = await this.tickets.issue(p, TICKET_AUDIENCE, TICKET_TTL_SECONDS);
    const secure = request.protocol === 'https' ? '; Secure' : '';
    void reply.header(
      'set-cookie',
      `${TICKET_COOKIE}=${ticket}; Path=${QUEUE_BOARD_PATH}; Max-Age=${TICKET_TTL_SECONDS}; HttpOnly; SameSite=Strict${secure}`,
    );
    return { path: QUEUE_BOARD_PATH, expiresAt: new Date(Date.now() + TICKET_TTL_SECONDS * 1000).toISOString() };
  }
}

/**
 * Mounts bull-board (every declared queue: waiting, active, failed, retries) at QUEUE_BOARD_PATH. Every request,
 * the page's and its API calls alike, must carry a ticket of a user who is still an active operator admin, so a
 * disabled operator loses the board at once. Mount before the web app's static files: both register
 * @fastify/static, and the board's copy must be decorated first, inside its own scope.
 */
export async function mountQueueBoard(app: NestFastifyApplication): Promise<void> {
  const tickets = app.get(AccessTickets);
  const queues = app.get(JobQueues);
  const board = new FastifyAdapter();
  board.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: DECLARED_JOBS.map(({ queue }) => new BullMQAdapter(queues.queue(queue))),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'Hàng đợi công việc' } },
  });
  await app
    .getHttpAdapter()
    .getInstance()
    .register(async (scope) => {
      scope.addHook('onRequest', async (request, reply) => {
        try {
          const ticket = ticketOf(request);
          if (!ticket) throw IdentityErrors.UNAUTHENTICATED();
          const roles = await tickets.rolesOf(ticket, TICKET_AUDIENCE);
          if (!roles.includes('OPERATOR_ADMIN')) throw IdentityErrors.FORBIDDEN_ROLE();
        } catch (error) {
          const body = { ...describeError(error, request), requestId: requestIdOf(request.raw) };
          return reply.status(body.statusCode).header('cache-control', 'no-store').send(body);
        }
      });
      await scope.register(board.registerPlugin(), { prefix: QUEUE_BOARD_PATH });
    });
}

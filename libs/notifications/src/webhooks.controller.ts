import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { CurrentPrincipal, Roles, type Principal } from '@app/identity';
import { DEFAULT_PAGE_SIZE, PageQueryDto, PageView } from '@app/platform';
import { DELIVERY_STATUSES, type DeliveryStatus } from './webhook.entity';
import { WebhooksFacade } from './webhooks.facade';

/** The roles that act for their organisation (not its officers, assessors or viewers). */
const WEBHOOK_ROLES = ['VENDOR', 'BUYER', 'FUNDER', 'OPERATOR_ADMIN'] as const;

class RegisterWebhookDto {
  @ApiProperty({ example: 'https://he-thong.soyte.hanoi.gov.vn/cho-cds/webhook', maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  url: string;
}

class WebhookView {
  @ApiProperty() id: string;
  @ApiProperty() organisationId: string;
  @ApiProperty() url: string;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

class RegisteredWebhookView extends WebhookView {
  @ApiProperty({
    description:
      'Khóa ký, chỉ hiển thị một lần / The signing secret, shown once: x-cds-signature = t=<x-cds-timestamp>,v1=hex(HMAC-SHA256(secret, "<timestamp>.<body>"))',
  })
  secret: string;
}

class WebhookAttemptView {
  @ApiProperty() id: string;
  @ApiPropertyOptional({ nullable: true, type: Number }) statusCode: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) error: string | null;
  @ApiProperty() durationMs: number;
  @ApiProperty({ format: 'date-time' }) attemptedAt: Date;
}

class WebhookDeliveryView {
  @ApiProperty() id: string;
  @ApiProperty() webhookId: string;
  @ApiProperty() notificationId: string;
  @ApiProperty() event: string;
  @ApiProperty({ description: 'the exact JSON body sent' }) body: string;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status: DeliveryStatus;
  @ApiProperty() replays: number;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) deliveredAt: Date | null;
  @ApiProperty({ type: WebhookAttemptView, isArray: true }) attempts: WebhookAttemptView[];
}

class WebhookDeliveryPageView extends PageView(WebhookDeliveryView) {}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksFacade) {}

  @Post()
  @Roles(...WEBHOOK_ROLES)
  @ApiOperation({
    summary: 'Đăng ký webhook nhận thông báo của tổ chức / Register a webhook for my organisation’s notifications',
  })
  @ApiOkResponse({ type: RegisteredWebhookView })
  async register(@CurrentPrincipal() p: Principal, @Body() dto: RegisterWebhookDto): Promise<RegisteredWebhookView> {
    const { id, organisationId, url, secret, createdAt } = await this.webhooks.register(p, dto.url);
    return { id, organisationId, url, secret, createdAt };
  }

  @Get()
  @Roles(...WEBHOOK_ROLES)
  @ApiOperation({ summary: 'Webhook của tổ chức / My organisation’s webhooks' })
  @ApiOkResponse({ type: WebhookView, isArray: true })
  list(@CurrentPrincipal() p: Principal): Promise<WebhookView[]> {
    return this.webhooks.list(p);
  }

  @Get(':id/deliveries')
  @Roles(...WEBHOOK_ROLES)
  @ApiOperation({
    summary:
      'Nhật ký gửi webhook, mới nhất trước, phân trang / A webhook’s deliveries with every attempt, newest first, paged',
  })
  @ApiOkResponse({ type: WebhookDeliveryPageView })
  deliveries(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() q: PageQueryDto,
  ): Promise<WebhookDeliveryPageView> {
    return this.webhooks.deliveries(p, id, { cursor: q.cursor, limit: q.limit ?? DEFAULT_PAGE_SIZE });
  }

  @Post(':id/deliveries/:deliveryId/replay')
  @Roles(...WEBHOOK_ROLES)
  @ApiOperation({ summary: 'Gửi lại một lần gửi webhook / Send a delivery again' })
  @ApiOkResponse({ type: WebhookDeliveryView })
  async replay(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('deliveryId', ParseUUIDPipe) deliveryId: string,
  ): Promise<Omit<WebhookDeliveryView, 'attempts'>> {
    return this.webhooks.replay(p, id, deliveryId);
  }
}

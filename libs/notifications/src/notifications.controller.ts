import { Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ANY_ROLE, CurrentPrincipal, Roles, type Principal } from '@app/identity';
import { DEFAULT_PAGE_SIZE, PageQueryDto, PageView } from '@app/platform';
import { NotificationsFacade } from './notifications.facade';

class NotificationView {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'call-opened' }) kind: string;
  @ApiProperty() subjectId: string;
  @ApiProperty() messageVi: string;
  @ApiProperty() messageEn: string;
  @ApiProperty({ type: Object }) data: object;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) readAt: Date | null;
}

class NotificationPageView extends PageView(NotificationView) {}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsFacade) {}

  @Get()
  @Roles(ANY_ROLE)
  @ApiOperation({ summary: 'Thông báo của tổ chức / My organisation’s notifications, newest first, cursor pages' })
  @ApiOkResponse({ type: NotificationPageView })
  list(@CurrentPrincipal() p: Principal, @Query() q: PageQueryDto): Promise<NotificationPageView> {
    return this.notifications.list(p.organisationId, { cursor: q.cursor, limit: q.limit ?? DEFAULT_PAGE_SIZE });
  }

  @Post(':id/read')
  @Roles(ANY_ROLE)
  @ApiOperation({ summary: 'Đánh dấu đã đọc / Mark a notification read' })
  @ApiOkResponse({ type: NotificationView })
  read(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<NotificationView> {
    return this.notifications.markRead(p.organisationId, id);
  }
}

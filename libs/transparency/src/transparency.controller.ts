import { Readable } from 'node:stream';
import { Controller, Get, Header, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '@app/identity';
import { RankingEntryView } from '@app/ranking';
import { PublicPageQueryDto, PublicPageView, PublicRankingQueryDto } from './transparency.dto';
import { TransparencyFacade, type PublicList } from './transparency.facade';

const DEFAULT_LIMIT = 100;

/** Open data, no login: nothing here may carry a confidential field (test/e2e/transparency.e2e-spec.ts). */
@ApiTags('public')
@Controller('public')
export class TransparencyController {
  constructor(private readonly transparency: TransparencyFacade) {}

  private page(name: PublicList, q: PublicPageQueryDto) {
    return this.transparency.list(name, q.cursor, q.limit ?? DEFAULT_LIMIT);
  }

  @Get('problems')
  @Public()
  @ApiOperation({ summary: 'Bài toán đã công bố / Published problems with KPIs and budget envelopes' })
  @ApiOkResponse({ type: PublicPageView })
  problems(@Query() q: PublicPageQueryDto) {
    return this.page('problems', q);
  }

  @Get('calls')
  @Public()
  @ApiOperation({ summary: 'Lời mời chào giá / Calls for offers (offers counted only after the deadline)' })
  @ApiOkResponse({ type: PublicPageView })
  calls(@Query() q: PublicPageQueryDto) {
    return this.page('calls', q);
  }

  @Get('awards')
  @Public()
  @ApiOperation({ summary: 'Kết quả lựa chọn / Awards with every offer’s price and the justification' })
  @ApiOkResponse({ type: PublicPageView })
  awards(@Query() q: PublicPageQueryDto) {
    return this.page('awards', q);
  }

  @Get('orders')
  @Public()
  @ApiOperation({ summary: 'Đơn đặt hàng đã ký / Signed orders and their public terms' })
  @ApiOkResponse({ type: PublicPageView })
  orders(@Query() q: PublicPageQueryDto) {
    return this.page('orders', q);
  }

  @Get('acceptance-results')
  @Public()
  @ApiOperation({ summary: 'Kết quả nghiệm thu theo kỳ / Acceptance results per round' })
  @ApiOkResponse({ type: PublicPageView })
  acceptance(@Query() q: PublicPageQueryDto) {
    return this.page('acceptance-results', q);
  }

  @Get('payments')
  @Public()
  @ApiOperation({ summary: 'Thanh toán và hoàn trả ký quỹ / Payments and escrow releases' })
  @ApiOkResponse({ type: PublicPageView })
  payments(@Query() q: PublicPageQueryDto) {
    return this.page('payments', q);
  }

  @Get('rankings')
  @Public()
  @ApiOperation({ summary: 'Xếp hạng tín nhiệm / Supplier trust ranking' })
  @ApiOkResponse({ type: RankingEntryView, isArray: true })
  rankings(@Query() q: PublicRankingQueryDto) {
    return this.transparency.rankings(q.category);
  }

  @Get('changes')
  @Public()
  @ApiOperation({
    summary:
      'Mọi thay đổi sau con trỏ X (nhật ký kiểm toán, không kèm dữ liệu cá nhân) / Everything changed since cursor X',
  })
  @ApiOkResponse({ type: PublicPageView })
  changes(@Query() q: PublicPageQueryDto) {
    return this.transparency.changes(q.cursor, q.limit ?? DEFAULT_LIMIT);
  }

  @Get('ocds/packages')
  @Public()
  @Header('content-type', 'application/x-ndjson; charset=utf-8')
  @ApiProduces('application/x-ndjson')
  @ApiOperation({ summary: 'Xuất toàn bộ gói OCDS 1.1.5 (mỗi dòng một gói) / Bulk OCDS export, one package per line' })
  exportAll(): StreamableFile {
    const packages = this.transparency.allPackages();
    return new StreamableFile(
      Readable.from(
        (async function* () {
          for await (const p of packages) yield `${JSON.stringify(p)}\n`;
        })(),
      ),
    );
  }

  @Get('ocds/packages/:ocid')
  @Public()
  @ApiOperation({ summary: 'Gói phát hành OCDS 1.1.5 của một quy trình / OCDS release package of one process' })
  @ApiOkResponse({ schema: { type: 'object' } })
  ocds(@Param('ocid') ocid: string) {
    return this.transparency.ocdsPackage(ocid);
  }
}

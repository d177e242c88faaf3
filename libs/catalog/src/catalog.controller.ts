import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOf, CurrentPrincipal, IdentityFacade, Public, Roles, type Principal } from '@app/identity';
import { DEFAULT_PAGE_SIZE, OkResponse, PageQueryDto } from '@app/platform';
import {
  CatalogQueryDto,
  CategoryDto,
  ConfidentialityDto,
  CategoryView,
  CreateCategoryDto,
  CreateSolutionDto,
  DelistDto,
  DocumentPageView,
  DocumentReviewDto,
  DocumentView,
  ListingPage,
  SearchQueryDto,
  SolutionPageView,
  SolutionView,
  SuspendDto,
} from './catalog.dto';
import { CatalogFacade } from './catalog.facade';
import { CatalogErrors } from './contracts/catalog';
import type { DocumentViewer } from './document-access';
import { DOCUMENT_TYPES } from './document-store';
import { soleDocument } from './document-upload';

function viewerOf(p: Principal | undefined): DocumentViewer | undefined {
  if (!p) return undefined;
  const operatorAdmin = p.organisationType === 'OPERATOR' && p.roles.includes('OPERATOR_ADMIN');
  return { userId: p.userId ?? null, organisationId: p.organisationId, operatorAdmin };
}

/** RFC 6266: an ASCII fallback plus the exact (Vietnamese) name in UTF-8. */
function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  const utf8 = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}
@ApiTags('catalog')
@ApiBearerAuth()
@Controller()
export class CatalogController {
  constructor(
    private readonly catalog: CatalogFacade,
    private readonly identity: IdentityFacade,
  ) {}

  @Get('categories')
  @Public()
  @ApiOperation({ summary: 'Danh mục lĩnh vực / Solution categories' })
  @ApiOkResponse({ type: CategoryView, isArray: true })
  categories(): Promise<CategoryView[]> {
    return this.catalog.categoriesList();
  }

  @Post('categories')
  @Roles('OPERATOR_ADMIN')
  @ApiOperation({ summary: 'Thêm lĩnh vực / Add a category' })
  @ApiOkResponse({ type: CategoryView })
  createCategory(@CurrentPrincipal() p: Principal, @Body() dto: CreateCategoryDto): Promise<CategoryView> {
    return this.catalog.createCategory(actorOf(p), dto);
  }

  @Put('categories/:code')
  @Roles('OPERATOR_ADMIN')
  @ApiOperation({ summary: 'Sửa lĩnh vực, sức chứa / Rename a category or set its capacity' })
  @ApiOkResponse({ type: CategoryView })
  updateCategory(
    @CurrentPrincipal() p: Principal,
    @Param('code') code: string,
    @Body() dto: CategoryDto,
  ): Promise<CategoryView> {
    return this.catalog.updateCategory(actorOf(p), code, dto);
  }

  @Put('solutions/:id')
  @Roles('VENDOR')
  @ApiOperation({
    summary: 'Sửa bản nháp, hoặc tạo phiên bản mới sau khi bị từ chối / Edit a draft, or revise a rejected solution',
  })
  @ApiOkResponse({ type: SolutionView })
  edit(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateSolutionDto,
  ): Promise<SolutionView> {
    return this.catalog.editSolution(actorOf(p), id, dto);
  }

  @Post('solutions/:id/documents')
  @Roles('VENDOR')
  @ApiOperation({
    summary:
      'Tải tài liệu (PDF/PNG/JPEG, ≤ 10 MB), có thể đánh dấu mật / Upload a document, streamed, typed by its bytes, stored by SHA-256; optionally confidential (fields before the file)',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        confidential: { type: 'boolean', description: 'never shown to the public' },
        confidentialReason: { type: 'string', description: 'required when confidential' },
        file: { type: 'string', format: 'binary' },
      },
    },
  })
  @ApiOkResponse({ type: DocumentView })
  async upload(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() request: FastifyRequest,
  ): Promise<DocumentView> {
    await this.catalog.solution(id);
    const upload = await soleDocument(request);
    const confidential = upload.field('confidential');
    if (confidential !== undefined && confidential !== 'true' && confidential !== 'false')
      throw CatalogErrors.CONFIDENTIAL_REASON_REQUIRED(undefined, { field: 'confidential' });
    return this.catalog.uploadDocument(actorOf(p), id, upload.fileName, upload.content, {
      confidential: confidential === 'true',
      reason: upload.field('confidentialReason'),
    });
  }

  @Put('solutions/:id/documents/:documentId/confidentiality')
  @Roles('VENDOR')
  @ApiOperation({
    summary: 'Đánh dấu tài liệu mật hoặc công khai / Mark a document confidential (with a reason) or not',
  })
  @ApiOkResponse({ type: DocumentView })
  setConfidentiality(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('documentId', ParseUUIDPipe) documentId: string,
    @Body() dto: ConfidentialityDto,
  ): Promise<DocumentView> {
    return this.catalog.setConfidentiality(actorOf(p), id, documentId, dto);
  }

  @Get('documents/pending-review')
  @Roles('OPERATOR_ADMIN')
  @ApiOperation({
    summary:
      'Tài liệu chờ duyệt / Documents added to checked solutions, not public until accepted (oldest first, paged)',
  })
  @ApiOkResponse({ type: DocumentPageView })
  pendingDocuments(@Query() q: PageQueryDto): Promise<DocumentPageView> {
    return this.catalog.pendingDocuments(q.cursor, q.limit ?? DEFAULT_PAGE_SIZE);
  }

  @Post('solutions/:id/documents/:documentId/review')
  @HttpCode(200)
  @Roles('OPERATOR_ADMIN')
  @ApiOperation({
    summary: 'Duyệt tài liệu bổ sung / Accept (make public) or reject (with a reason) a document awaiting review',
  })
  @ApiOkResponse({ type: DocumentView })
  reviewDocument(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('documentId', ParseUUIDPipe) documentId: string,
    @Body() dto: DocumentReviewDto,
  ): Promise<DocumentView> {
    return this.catalog.reviewDocument(actorOf(p), id, documentId, dto.decision, dto.reason?.trim());
  }

  @Get('solutions/:id/documents')
  @Public()
  @ApiOperation({
    summary:
      'Tài liệu của giải pháp / A solution’s documents: all for its vendor, operators and assigned assessors; the public sees the non-confidential ones of a listed solution',
  })
  @ApiOkResponse({ type: DocumentView, isArray: true })
  documents(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal({ optional: true }) p?: Principal,
  ): Promise<DocumentView[]> {
    return this.catalog.visibleDocuments(viewerOf(p), id);
  }

  @Get('solutions/:id/documents/:documentId/content')
  @Public()
  @ApiOperation({
    summary:
      'Tải xuống tài liệu / Download a document (same access as the list), with its type, length and SHA-256 ETag',
  })
  @ApiProduces(...DOCUMENT_TYPES)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async download(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('documentId', ParseUUIDPipe) documentId: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentPrincipal({ optional: true }) p?: Principal,
  ): Promise<StreamableFile | undefined> {
    const { document, open } = await this.catalog.openDocument(viewerOf(p), id, documentId);
    const etag = `"${document.sha256}"`;
    reply.header('etag', etag);
    reply.header('cache-control', document.confidential ? 'private, no-store' : 'private, max-age=0, must-revalidate');
    reply.header('x-content-type-options', 'nosniff');
    if (request.headers['if-none-match'] === etag) {
      reply.status(304);
      return undefined;
    }
    return new StreamableFile(open(), {
      type: document.mediaType,
      length: Number(document.bytes),
      disposition: contentDisposition(document.fileName),
    });
  }

  @Post('solutions/:id/suspend')
  @Roles('OPERATOR_ADMIN')
  @ApiOperation({ summary: 'Đình chỉ niêm yết đến một ngày / Suspend a listing until a date' })
  @ApiOkResponse({ type: SolutionView })
  suspend(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SuspendDto,
  ): Promise<SolutionView> {
    return this.catalog.suspend(actorOf(p), id, new Date(dto.until), dto.reason);
  }

  @Post('solutions/:id/delist')
  @Roles('OPERATOR_ADMIN')
  @ApiOperation({ summary: 'Huỷ niêm yết / Delist a solution' })
  @ApiOkResponse({ type: SolutionView })
  delist(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DelistDto,
  ): Promise<SolutionView> {
    return this.catalog.delist(actorOf(p), id, dto.reason);
  }

  @Post('solutions')
  @Roles('VENDOR')
  @ApiOperation({ summary: 'Tạo giải pháp (bản nháp) / Create a solution draft' })
  @ApiOkResponse({ type: SolutionView })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateSolutionDto): Promise<SolutionView> {
    return this.catalog.createSolution(actorOf(p), dto);
  }

  @Get('solutions')
  @Public()
  @ApiOperation({
    summary: 'Giải pháp đã niêm yết / Listed solutions (public), best quality score first, cursor pages',
  })
  @ApiOkResponse({ type: SolutionPageView })
  async listed(@Query() query: CatalogQueryDto): Promise<SolutionPageView> {
    const page = await this.catalog.listed({ ...query, limit: query.limit ?? DEFAULT_PAGE_SIZE });
    return { ...page, items: await this.identity.withVendors(page.items) };
  }

  @Get('catalog/search')
  @Public()
  @ApiOperation({
    summary:
      'Tìm kiếm danh mục (có hoặc không dấu), lọc, sắp theo điểm chất lượng / Catalogue search, filters, quality order, cursor pages',
  })
  @OkResponse(ListingPage)
  search(@Query() query: SearchQueryDto, @CurrentPrincipal({ optional: true }) p?: Principal): Promise<ListingPage> {
    const operator = p?.organisationType === 'OPERATOR';
    return this.catalog.search({
      q: query.q,
      category: query.category,
      status: operator ? query.status : 'LISTED',
      makeInVietnam: query.makeInVietnam === undefined ? undefined : query.makeInVietnam === 'true',
      deploymentModel: query.deploymentModel,
      priceMin: query.priceMin,
      priceMax: query.priceMax,
      trustLabels: query.trustLabel,
      cursor: query.cursor,
      limit: query.limit,
    });
  }

  @Get('vendor/solutions')
  @Roles('VENDOR')
  @ApiOperation({ summary: 'Giải pháp của tôi / My organisation’s solutions, every status' })
  @ApiOkResponse({ type: SolutionView, isArray: true })
  async mine(@CurrentPrincipal() p: Principal): Promise<SolutionView[]> {
    return this.identity.withVendors(await this.catalog.ownedBy(p.organisationId));
  }

  @Get('solutions/:id')
  @Public()
  @ApiOperation({ summary: 'Chi tiết giải pháp / A solution (listed: public; otherwise its vendor and operators)' })
  @ApiOkResponse({ type: SolutionView })
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal({ optional: true }) p?: Principal,
  ): Promise<SolutionView> {
    const solution = await this.catalog.solution(id);
    const insider = p?.organisationId === solution.vendorOrganisationId || p?.organisationType === 'OPERATOR';
    if (!insider && solution.status !== 'LISTED') throw CatalogErrors.SOLUTION_NOT_FOUND(undefined, { id });
    const [view] = await this.identity.withVendors([insider ? solution : this.catalog.publicView(solution)]);
    return view;
  }
}

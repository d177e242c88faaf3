import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { actorOf, CurrentPrincipal, Public, Roles, type Principal } from '@app/identity';
import {
  CatalogQueryDto,
  CategoryDto,
  CategoryView,
  CreateCategoryDto,
  CreateSolutionDto,
  DelistDto,
  DocumentView,
  ListingPage,
  SearchQueryDto,
  SolutionView,
  SuspendDto,
} from './catalog.dto';
import { CatalogFacade } from './catalog.facade';
import { CatalogErrors } from './contracts/catalog';
import { MAX_DOCUMENT_BYTES } from './document-store';

@ApiTags('catalog')
@ApiBearerAuth()
@Controller()
export class CatalogController {
  constructor(private readonly catalog: CatalogFacade) {}

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
      'Tải tài liệu (PDF/PNG/JPEG, ≤ 10 MB) / Upload a document, streamed, typed by its bytes, stored by SHA-256',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse({ type: DocumentView })
  async upload(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() request: FastifyRequest,
  ): Promise<DocumentView> {
    await this.catalog.getSolution(id);
    if (!request.isMultipart()) throw CatalogErrors.DOCUMENT_MISSING();
    const part = await request.file({ limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1 } });
    if (!part || part.fieldname !== 'file') throw CatalogErrors.DOCUMENT_MISSING();
    return this.catalog.uploadDocument(actorOf(p), id, part.filename, part.file);
  }

  @Get('solutions/:id/documents')
  @Roles('VENDOR', 'ASSESSOR', 'OPERATOR_ADMIN')
  @ApiOperation({ summary: 'Tài liệu của giải pháp / A solution’s documents (its vendor and operators)' })
  @ApiOkResponse({ type: DocumentView, isArray: true })
  async documents(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<DocumentView[]> {
    const solution = await this.catalog.getSolution(id);
    if (p.organisationType !== 'OPERATOR' && p.organisationId !== solution.vendorOrganisationId)
      throw CatalogErrors.SOLUTION_NOT_FOUND(undefined, { id });
    return this.catalog.documentsOf(id);
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
  @ApiOperation({ summary: 'Giải pháp đã niêm yết / Listed solutions (public)' })
  @ApiOkResponse({ type: SolutionView, isArray: true })
  listed(@Query() query: CatalogQueryDto): Promise<SolutionView[]> {
    return this.catalog.listed(query);
  }

  @Get('catalog/search')
  @Public()
  @ApiOperation({
    summary:
      'Tìm kiếm danh mục (có hoặc không dấu), lọc, sắp theo điểm chất lượng / Catalogue search, filters, quality order, cursor pages',
  })
  @ApiOkResponse({ type: ListingPage })
  search(@Query() query: SearchQueryDto, @CurrentPrincipal({ optional: true }) p?: Principal): Promise<ListingPage> {
    const operator = p?.organisationType === 'OPERATOR';
    return this.catalog.search({
      ...query,
      status: operator ? query.status : 'LISTED',
      makeInVietnam: query.makeInVietnam === undefined ? undefined : query.makeInVietnam === 'true',
    });
  }

  @Get('vendor/solutions')
  @Roles('VENDOR')
  @ApiOperation({ summary: 'Giải pháp của tôi / My organisation’s solutions, every status' })
  @ApiOkResponse({ type: SolutionView, isArray: true })
  mine(@CurrentPrincipal() p: Principal): Promise<SolutionView[]> {
    return this.catalog.ownedBy(p.organisationId);
  }

  @Get('solutions/:id')
  @Public()
  @ApiOperation({ summary: 'Chi tiết giải pháp / A solution (listed: public; otherwise its vendor and operators)' })
  @ApiOkResponse({ type: SolutionView })
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal({ optional: true }) p?: Principal,
  ): Promise<SolutionView> {
    const solution = await this.catalog.getSolution(id);
    const insider = p?.organisationId === solution.vendorOrganisationId || p?.organisationType === 'OPERATOR';
    if (insider) return solution;
    if (solution.status !== 'LISTED') throw CatalogErrors.SOLUTION_NOT_FOUND(undefined, { id });
    return this.catalog.publicView(solution);
  }
}

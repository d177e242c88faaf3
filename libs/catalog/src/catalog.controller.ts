import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, Public, Roles, type Principal } from '@app/identity';
import { CatalogQueryDto, CategoryView, CreateSolutionDto, SolutionView } from './catalog.dto';
import { CatalogFacade } from './catalog.facade';
import { CatalogErrors } from './contracts/catalog';

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
    const visible =
      solution.status === 'LISTED' ||
      p?.organisationId === solution.vendorOrganisationId ||
      p?.organisationType === 'OPERATOR';
    if (!visible) throw CatalogErrors.SOLUTION_NOT_FOUND(undefined, { id });
    return solution;
  }
}

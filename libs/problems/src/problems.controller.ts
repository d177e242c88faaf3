import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Public, Roles, type Principal } from '@app/identity';
import { DEFAULT_PAGE_SIZE, PageQueryDto } from '@app/platform';
import {
  CloseProblemDto,
  CreateProblemDto,
  CreateProposalDto,
  ProblemListQueryDto,
  ProblemPageView,
  ProblemView,
  ProposalPageView,
  ProposalView,
} from './problems.dto';
import { ProblemsFacade } from './problems.facade';

@ApiTags('problems')
@ApiBearerAuth()
@Controller('problems')
export class ProblemsController {
  constructor(private readonly problems: ProblemsFacade) {}

  @Post('proposals')
  @Roles('BUYER')
  @ApiOperation({ summary: 'Đề xuất bài toán (Mẫu 01) / Propose a problem: the need only, no technology, no budget' })
  @ApiOkResponse({ type: ProposalView })
  propose(@CurrentPrincipal() p: Principal, @Body() dto: CreateProposalDto): Promise<ProposalView> {
    return this.problems.submitProposal(p, dto);
  }

  @Get('proposals')
  @Roles('BUYER', 'OPERATOR_ADMIN')
  @ApiOperation({ summary: 'Đề xuất bài toán / Proposals, newest first, paged (operators: all; agencies: their own)' })
  @ApiOkResponse({ type: ProposalPageView })
  proposals(@CurrentPrincipal() p: Principal, @Query() q: PageQueryDto): Promise<ProposalPageView> {
    return this.problems.listProposals(p, { ...q, limit: q.limit ?? DEFAULT_PAGE_SIZE });
  }

  @Post()
  @Roles('BUYER', 'OPERATOR_ADMIN')
  @ApiOperation({ summary: 'Tạo bài toán / Create a catalogue problem with KPIs and budget envelope' })
  @ApiOkResponse({ type: ProblemView })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateProblemDto): Promise<ProblemView> {
    return this.problems.create(p, dto);
  }

  @Post(':id/publish')
  @Roles('BUYER', 'OPERATOR_ADMIN')
  @ApiOperation({ summary: 'Công bố bài toán / Publish a problem' })
  @ApiOkResponse({ type: ProblemView })
  publish(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<ProblemView> {
    return this.problems.publish(p, id);
  }

  @Put(':id')
  @Roles('BUYER', 'OPERATOR_ADMIN')
  @ApiOperation({ summary: 'Sửa bài toán nháp / Rewrite a draft problem (KPIs included); published ones are frozen' })
  @ApiOkResponse({ type: ProblemView })
  edit(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateProblemDto,
  ): Promise<ProblemView> {
    return this.problems.editDraft(p, id, dto);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('BUYER', 'OPERATOR_ADMIN')
  @ApiOperation({
    summary: 'Đóng bài toán / Close a published problem with a reason: no new calls; open calls run to their end',
  })
  @ApiOkResponse({ type: ProblemView })
  close(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CloseProblemDto,
  ): Promise<ProblemView> {
    return this.problems.close(p, id, dto.reason.trim());
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'Bài toán đã công bố / Published problems (public), newest first, paged, by category' })
  @ApiOkResponse({ type: ProblemPageView })
  list(@Query() q: ProblemListQueryDto): Promise<ProblemPageView> {
    return this.problems.listPublished({ ...q, limit: q.limit ?? DEFAULT_PAGE_SIZE });
  }

  @Get('drafts')
  @Roles('BUYER', 'OPERATOR_ADMIN')
  @ApiOperation({
    summary:
      'Bài toán nháp / Draft problems (operators: all; agencies: their own and those their proposals were merged into)',
  })
  @ApiOkResponse({ type: ProblemPageView })
  drafts(@CurrentPrincipal() p: Principal, @Query() q: PageQueryDto): Promise<ProblemPageView> {
    return this.problems.listDrafts(p, { ...q, limit: q.limit ?? DEFAULT_PAGE_SIZE });
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'Chi tiết bài toán / A problem (drafts: its agency and operators only)' })
  @ApiOkResponse({ type: ProblemView })
  get(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal({ optional: true }) p?: Principal,
  ): Promise<ProblemView> {
    return this.problems.getVisible(id, p);
  }
}

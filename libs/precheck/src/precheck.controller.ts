import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@app/identity';
import { DEFAULT_PAGE_SIZE } from '@app/platform';
import {
  ConflictDto,
  CreateRequirementSetDto,
  RequirementSetListQueryDto,
  RequirementSetPageView,
  RequirementSetView,
  ScoreDto,
  SubmissionListQueryDto,
  SubmissionPageView,
  SubmissionView,
  SubmitSolutionDto,
} from './precheck.dto';
import { PrecheckFacade } from './precheck.facade';

@ApiTags('precheck')
@ApiBearerAuth()
@Controller('precheck')
export class PrecheckController {
  constructor(private readonly precheck: PrecheckFacade) {}

  @Post('requirement-sets')
  @Roles('OPERATOR_ADMIN')
  @ApiOperation({ summary: 'Ban hành phiên bản bộ tiêu chí của lĩnh vực / Publish a new requirement set version' })
  @ApiOkResponse({ type: RequirementSetView })
  createRequirementSet(
    @CurrentPrincipal() p: Principal,
    @Body() dto: CreateRequirementSetDto,
  ): Promise<RequirementSetView> {
    return this.precheck.createRequirementSet(p, dto);
  }

  @Get('requirement-sets')
  @Roles('VENDOR', 'ASSESSOR', 'OPERATOR_ADMIN')
  @ApiOperation({
    summary: 'Bộ tiêu chí theo lĩnh vực / Requirement sets, newest version first, paged by cursor',
  })
  @ApiOkResponse({ type: RequirementSetPageView })
  requirementSets(@Query() q: RequirementSetListQueryDto): Promise<RequirementSetPageView> {
    return this.precheck.requirementSetsOf({ ...q, limit: q.limit ?? DEFAULT_PAGE_SIZE });
  }

  @Post('conflicts')
  @Roles('OPERATOR_ADMIN', 'ASSESSOR')
  @ApiOperation({
    summary:
      'Ghi nhận quan hệ lợi ích với nhà cung cấp / Declare an assessor’s or acceptance officer’s conflict of interest with a vendor (an assessor: their own)',
  })
  @ApiOkResponse({ type: ConflictDto })
  declareConflict(@CurrentPrincipal() p: Principal, @Body() dto: ConflictDto): Promise<ConflictDto> {
    return this.precheck.declareConflict(p, dto);
  }

  @Post('submissions')
  @Roles('VENDOR')
  @ApiOperation({ summary: 'Nộp hồ sơ tiền kiểm / Submit a solution with its answers for pre-check' })
  @ApiOkResponse({ type: SubmissionView })
  submit(@CurrentPrincipal() p: Principal, @Body() dto: SubmitSolutionDto): Promise<SubmissionView> {
    return this.precheck.submit(p, dto);
  }

  @Get('submissions')
  @Roles('VENDOR', 'ASSESSOR', 'OPERATOR_ADMIN')
  @ApiOperation({
    summary:
      'Hồ sơ tiền kiểm / Submissions, newest first, paged by cursor (vendor: its own; assessor: assigned queue; operator: all)',
  })
  @ApiOkResponse({ type: SubmissionPageView })
  list(@CurrentPrincipal() p: Principal, @Query() q: SubmissionListQueryDto): Promise<SubmissionPageView> {
    return this.precheck.list(p, { ...q, limit: q.limit ?? DEFAULT_PAGE_SIZE });
  }

  @Get('submissions/:id')
  @Roles('VENDOR', 'ASSESSOR', 'OPERATOR_ADMIN')
  @ApiOperation({ summary: 'Một hồ sơ tiền kiểm / One submission, as the caller may see it' })
  @ApiOkResponse({ type: SubmissionView })
  get(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<SubmissionView> {
    return this.precheck.get(p, id);
  }

  @Post('submissions/:id/scores')
  @Roles('ASSESSOR')
  @ApiOperation({
    summary: 'Chấm điểm ba nhóm tiêu chí / Score each group 0–100 with a reason (decided when both assessors scored)',
  })
  @ApiOkResponse({ type: SubmissionView })
  score(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ScoreDto,
  ): Promise<SubmissionView> {
    return this.precheck.score(p, id, dto);
  }
}

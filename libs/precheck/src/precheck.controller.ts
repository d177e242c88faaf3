import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@app/identity';
import { DecisionDto, SubmissionView, SubmitSolutionDto } from './precheck.dto';
import { PrecheckFacade } from './precheck.facade';

@ApiTags('precheck')
@ApiBearerAuth()
@Controller('precheck/submissions')
export class PrecheckController {
  constructor(private readonly precheck: PrecheckFacade) {}

  @Post()
  @Roles('VENDOR')
  @ApiOperation({ summary: 'Nộp hồ sơ tiền kiểm / Submit a solution for pre-check' })
  @ApiOkResponse({ type: SubmissionView })
  submit(@CurrentPrincipal() p: Principal, @Body() dto: SubmitSolutionDto): Promise<SubmissionView> {
    return this.precheck.submit(p, dto.solutionId);
  }

  @Get()
  @Roles('VENDOR', 'ASSESSOR', 'OPERATOR_ADMIN')
  @ApiOperation({ summary: 'Hồ sơ tiền kiểm / Pre-check submissions (vendors: their own)' })
  @ApiOkResponse({ type: SubmissionView, isArray: true })
  list(@CurrentPrincipal() p: Principal): Promise<SubmissionView[]> {
    return this.precheck.list(p);
  }

  @Post(':id/decision')
  @Roles('ASSESSOR')
  @ApiOperation({ summary: 'Chấm điểm tiền kiểm / Score a submission (≥ 70 lists the solution)' })
  @ApiOkResponse({ type: SubmissionView })
  decide(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DecisionDto,
  ): Promise<SubmissionView> {
    return this.precheck.decide(p, id, dto);
  }
}

import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Public, Roles, type Principal } from '@app/identity';
import { CallView, OfferView, OpenCallDto, SubmitOfferDto } from './competition.dto';
import { CompetitionFacade } from './competition.facade';

@ApiTags('competition')
@ApiBearerAuth()
@Controller('calls')
export class CompetitionController {
  constructor(private readonly competition: CompetitionFacade) {}

  @Post()
  @Roles('BUYER')
  @ApiOperation({ summary: 'Mở lời mời chào giá / Open a call on a published problem (freezes the eligible pool)' })
  @ApiOkResponse({ type: CallView })
  open(@CurrentPrincipal() p: Principal, @Body() dto: OpenCallDto): Promise<CallView> {
    return this.competition.openCall(p, dto);
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'Lời mời chào giá / Calls (public)' })
  @ApiOkResponse({ type: CallView, isArray: true })
  list(): Promise<CallView[]> {
    return this.competition.listCalls();
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'Chi tiết lời mời / A call (public)' })
  @ApiOkResponse({ type: CallView })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<CallView> {
    return this.competition.getCall(id);
  }

  @Post(':id/offers')
  @Roles('VENDOR')
  @ApiOperation({ summary: 'Nộp hồ sơ chào (Mẫu 02) / Submit an offer' })
  @ApiOkResponse({ type: OfferView })
  submit(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SubmitOfferDto,
  ): Promise<OfferView> {
    return this.competition.submitOffer(p, id, dto);
  }

  @Get(':id/offers')
  @Roles('VENDOR', 'BUYER', 'OPERATOR_ADMIN')
  @ApiOperation({ summary: 'Hồ sơ chào / Offers (sealed until the deadline; vendors see only their own)' })
  @ApiOkResponse({ type: OfferView, isArray: true })
  offers(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<OfferView[]> {
    return this.competition.listOffers(p, id);
  }
}

import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@app/identity';
import { ReferencedAmountDto } from './ordering.dto';
import { OrderingFacade, type VendorBalances } from './ordering.facade';

export class VendorBalancesView {
  @ApiProperty({ description: 'đồng the city owes the vendor for outcomes, not yet paid out' }) payable: string;
  @ApiProperty({ description: 'đồng paid out to the vendor’s bank account' }) disbursed: string;
  @ApiProperty({ description: 'đồng the vendor owes back after clawbacks beyond its payable balance' }) owed: string;
}

const view = (b: VendorBalances): VendorBalancesView => ({
  payable: b.payable.toString(),
  disbursed: b.disbursed.toString(),
  owed: b.owed.toString(),
});

/** A vendor's outcome money: payable, disbursed by the treasury, and owed back after clawbacks. */
@ApiTags('ordering')
@ApiBearerAuth()
@Controller('vendors/:vendorId')
export class VendorAccountsController {
  constructor(private readonly ordering: OrderingFacade) {}

  @Get('balances')
  @Roles('VENDOR', 'OPERATOR_ADMIN', 'CITY_VIEWER')
  @ApiOperation({ summary: 'Số dư của nhà cung cấp / A vendor’s payable, disbursed and owed amounts' })
  @ApiOkResponse({ type: VendorBalancesView })
  async balances(
    @CurrentPrincipal() p: Principal,
    @Param('vendorId', ParseUUIDPipe) vendorId: string,
  ): Promise<VendorBalancesView> {
    return view(await this.ordering.vendorBalances(p, vendorId));
  }

  @Post('disbursements')
  @Roles('OPERATOR_ADMIN')
  @ApiOperation({
    summary:
      'Ghi nhận chi trả cho nhà cung cấp / Record the treasury’s payment of a vendor’s payable (once per reference)',
  })
  @ApiOkResponse({ type: VendorBalancesView })
  async disburse(
    @CurrentPrincipal() p: Principal,
    @Param('vendorId', ParseUUIDPipe) vendorId: string,
    @Body() dto: ReferencedAmountDto,
  ): Promise<VendorBalancesView> {
    return view(await this.ordering.disburse(p, vendorId, BigInt(dto.amount), dto.reference));
  }
}

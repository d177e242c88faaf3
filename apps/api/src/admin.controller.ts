import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditFacade, type ChainVerification } from '@app/audit';
import { Roles } from '@app/identity';
import { LedgerFacade, type Reconciliation } from '@app/ledger';

/** Cross-module checks for those with oversight rights. */
@ApiTags('oversight')
@ApiBearerAuth()
@Controller()
export class AdminController {
  constructor(
    private readonly audit: AuditFacade,
    private readonly ledger: LedgerFacade,
  ) {}

  @Get('audit/verify')
  @Roles('OPERATOR_ADMIN', 'CITY_VIEWER')
  @ApiOperation({ summary: 'Kiểm tra chuỗi băm nhật ký / Verify the audit log’s hash chain' })
  verify(): Promise<ChainVerification> {
    return this.audit.verifyChain();
  }

  @Get('audit/:entityType/:entityId')
  @Roles('OPERATOR_ADMIN')
  @ApiOperation({ summary: 'Lịch sử thay đổi của một đối tượng / Audit history of one entity' })
  history(@Param('entityType') entityType: string, @Param('entityId') entityId: string) {
    return this.audit.history(entityType, entityId);
  }

  @Get('ledger/reconciliation')
  @Roles('OPERATOR_ADMIN', 'CITY_VIEWER')
  @ApiOperation({ summary: 'Đối soát sổ cái / Ledger reconciliation: balances sum to zero and match their postings' })
  reconcile(): Promise<Reconciliation> {
    return this.ledger.reconcile();
  }
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateIf } from 'class-validator';
import { AwardDto } from '@app/competition';
import { PageQueryDto } from '@app/platform';
import { IsDongAmount } from '@app/platform';
import { ORDER_STATUSES, type OrderStatus, type OrderTerms } from './contracts/ordering';
import type { OrderDetails } from './order-reads';
import { DEFAULT_DISPUTE_WINDOW_SECONDS, fundingOf, MAX_DISPUTE_WINDOW_SECONDS } from './order-terms';

export class AwardOrderDto extends AwardDto {
  @ApiPropertyOptional({
    default: DEFAULT_DISPUTE_WINDOW_SECONDS,
    minimum: 0,
    maximum: MAX_DISPUTE_WINDOW_SECONDS,
    description: 'How long the vendor may dispute a signed acceptance record, in seconds; part of the signed terms',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_DISPUTE_WINDOW_SECONDS)
  disputeWindowSeconds?: number;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'An independent validator organisation (type VALIDATOR) whose acceptance officers may upload and sign for the order, besides the agency’s; part of the signed terms',
  })
  @IsOptional()
  @IsUUID()
  validatorOrganisationId?: string;
}

export class NameValidatorDto {
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The VALIDATOR organisation to name, or null to name none; only while the order is a draft',
  })
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  validatorOrganisationId: string | null;
}

export class SignOrderDto {
  @ApiProperty({ description: 'SHA-256 of the canonical terms the signer reviewed (GET /orders/:id → termsHash)' })
  @Matches(/^[0-9a-f]{64}$/, { message: 'termsHash must be a lowercase hex SHA-256' })
  termsHash: string;
}

export class CancelOrderDto {
  @ApiProperty({ example: 'Nhà cung cấp không ký đơn hàng. / The vendor did not sign.', minLength: 3, maxLength: 1000 })
  @IsString()
  @Length(3, 1000)
  reason: string;
}

/** An amount moved once per reference: a budget allocation, a co-funder's deposit, a disbursement to a vendor. */
export class ReferencedAmountDto {
  @ApiProperty({ example: '5000000000', description: 'đồng' })
  @IsDongAmount({ positive: true })
  amount: string;
  @ApiProperty({
    example: 'QĐ-123/2026 ngân sách KH&CN',
    description: 'Reference of the decision, transfer or payment order; the same reference is applied once',
  })
  @IsString()
  @Length(3, 200)
  reference: string;
}

export class SignatureView {
  @ApiProperty({ enum: ['AGENCY', 'VENDOR'] }) party: string;
  @ApiProperty() organisationId: string;
  @ApiProperty() termsHash: string;
  @ApiProperty({ format: 'date-time' }) signedAt: Date;
}

export class OrderListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ORDER_STATUSES })
  @IsOptional()
  @IsIn(ORDER_STATUSES)
  status?: OrderStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  problemId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  vendorOrganisationId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  agencyOrganisationId?: string;
}

export class OrderSummaryView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ORDER_STATUSES }) status: OrderStatus;
  @ApiProperty() agencyOrganisationId: string;
  @ApiProperty() vendorOrganisationId: string;
  @ApiProperty() maxAmount: string;
  @ApiProperty({ description: 'Canonical terms both parties sign', type: Object }) terms: OrderTerms;
  @ApiProperty() termsHash: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) closedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) cancelledAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String }) cancellationReason: string | null;
}

export class OrderPageView {
  @ApiProperty({ type: OrderSummaryView, isArray: true }) items: OrderSummaryView[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'pass as ?cursor= for the next page' })
  nextCursor: string | null;
}

export class CofunderShareView {
  @ApiProperty() funderOrganisationId: string;
  @ApiProperty({ description: 'đồng' }) amount: string;
}

export class FundingView {
  @ApiProperty({ description: 'The agency budget’s share of the max amount (seed capital), đồng' }) city: string;
  @ApiProperty({ type: CofunderShareView, isArray: true, description: 'Co-funders’ pledges (vốn mồi)' })
  cofunders: CofunderShareView[];
}

export class OrderView extends OrderSummaryView {
  @ApiProperty({ type: SignatureView, isArray: true }) signatures: SignatureView[];
  @ApiProperty({ description: 'Escrow balance, đồng' }) escrowBalance: string;
  @ApiProperty({ type: FundingView, description: 'Who funds the escrow: the agency budget and the co-funders' })
  funding: FundingView;
}

export function orderView(o: OrderDetails): OrderView {
  const { city, cofunders } = fundingOf(o.order.terms);
  return {
    ...o.order,
    signatures: o.signatures,
    escrowBalance: o.escrowBalance.toString(),
    funding: {
      city: city.toString(),
      cofunders: cofunders.map((c) => ({ funderOrganisationId: c.funderOrganisationId, amount: c.amount.toString() })),
    },
  };
}

export class BudgetView {
  @ApiProperty() agencyOrganisationId: string;
  @ApiProperty({ description: 'Available budget, đồng' }) available: string;
}

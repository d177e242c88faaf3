import { ApiProperty } from '@nestjs/swagger';

export class SettlementView {
  @ApiProperty() orderId: string;
  @ApiProperty() roundNo: number;
  @ApiProperty({ description: 'The record version settled' }) recordVersion: number;
  @ApiProperty({ description: 'đồng; negative for a clawback after a correction' }) amount: string;
  @ApiProperty() paidCumulative: string;
  @ApiProperty({ format: 'date-time' }) settledAt: Date;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DEFAULT_DISPUTE_WINDOW_SECONDS, MAX_DISPUTE_WINDOW_SECONDS } from './order-terms';

export const DEFAULT_TRIAL_DAYS = 30;
export const DEFAULT_SIGN_WITHIN_DAYS = 14;

export class StartBakeOffDto {
  @ApiPropertyOptional({
    default: DEFAULT_TRIAL_DAYS,
    minimum: 1,
    maximum: 180,
    description: 'Length of each finalist’s trial order, in days (one measurement round)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(180)
  trialDays?: number;

  @ApiPropertyOptional({
    default: DEFAULT_SIGN_WITHIN_DAYS,
    minimum: 1,
    maximum: 60,
    description:
      'Days both parties have to sign each trial order; an order still unsigned then is cancelled and its finalist withdrawn',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  signWithinDays?: number;

  @ApiPropertyOptional({
    default: DEFAULT_DISPUTE_WINDOW_SECONDS,
    minimum: 0,
    maximum: MAX_DISPUTE_WINDOW_SECONDS,
    description: 'How long a finalist may dispute its signed acceptance record, in seconds',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_DISPUTE_WINDOW_SECONDS)
  disputeWindowSeconds?: number;
}

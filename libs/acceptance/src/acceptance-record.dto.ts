import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsString, Length, Matches, ValidateNested } from 'class-validator';
import {
  DISPUTE_KINDS,
  DISPUTE_STATUSES,
  type DisputeKind,
  type DisputeOutcome,
  type DisputeStatus,
  type EvidenceFile,
} from './contracts/acceptance';

const RESOLUTIONS = ['UPHOLD', 'CORRECT'] as const;
type Resolution = (typeof RESOLUTIONS)[number];
export const outcomeOf = (resolution: Resolution): DisputeOutcome =>
  resolution === 'CORRECT' ? 'CORRECTED' : 'UPHELD';

const SHA256 = /^[0-9a-f]{64}$/;

export class SignRecordDto {
  @ApiProperty({ description: 'SHA-256 of the record the officer reviewed (GET …/acceptance-records → recordHash)' })
  @Matches(SHA256, { message: 'recordHash must be a lowercase hex SHA-256' })
  recordHash: string;
}

export class ConfirmDeliveryDto {
  @ApiProperty({
    example: 'Đã bàn giao hệ thống điều khiển đèn tín hiệu tại 12 nút giao, kèm biên bản lắp đặt và đào tạo.',
    description: 'What was delivered (biên bản bàn giao)',
  })
  @IsString()
  @Length(10, 4000)
  note: string;
}

export class EvidenceFileDto implements EvidenceFile {
  @ApiProperty({ example: 'nhat-ky-camera-thang-10.csv' }) @IsString() @Length(1, 200) name: string;
  @ApiProperty({ description: 'SHA-256 of the file, lowercase hex' })
  @Matches(SHA256, { message: 'sha256 must be a lowercase hex SHA-256' })
  sha256: string;
}

export class OpenDisputeDto {
  @ApiProperty({ example: 'Camera nút giao Kim Mã mất tín hiệu 3 ngày; số liệu thiếu.' })
  @IsString()
  @Length(10, 4000)
  reason: string;

  @ApiProperty({ type: EvidenceFileDto, isArray: true, description: 'Evidence files named by their SHA-256' })
  @ValidateNested({ each: true })
  @Type(() => EvidenceFileDto)
  @ArrayMaxSize(50)
  evidence: EvidenceFileDto[];
}

export class ResolveDisputeDto {
  @ApiProperty({
    enum: RESOLUTIONS,
    description:
      'UPHOLD keeps the record (a disputed round returns to its window, a re-checked one to settled); CORRECT ' +
      're-evaluates the round from the data the acceptance officer uploaded for the correction, as a new record ' +
      'version to sign',
  })
  @IsIn(RESOLUTIONS, { message: `outcome must be one of ${RESOLUTIONS.join(', ')}` })
  outcome: Resolution;

  @ApiProperty({ example: 'Số liệu camera đã được đối chiếu; giữ nguyên biên bản.' })
  @IsString()
  @Length(3, 4000)
  note: string;
}

export class RecheckDto {
  @ApiProperty({ example: 'Hậu kiểm phát hiện số liệu camera tháng 10 bị ghi trùng.' })
  @IsString()
  @Length(10, 4000)
  reason: string;
}

export class DisputeView {
  @ApiProperty() id: string;
  @ApiProperty() orderId: string;
  @ApiProperty() roundNo: number;
  @ApiProperty() recordId: string;
  @ApiProperty({ enum: DISPUTE_STATUSES }) status: DisputeStatus;
  @ApiProperty({ enum: DISPUTE_KINDS, description: 'VENDOR: a dispute of a signed record; AUDIT: a re-check' })
  kind: DisputeKind;
  @ApiProperty() reason: string;
  @ApiProperty({ type: EvidenceFileDto, isArray: true }) evidence: EvidenceFile[];
  @ApiProperty() recordHash: string;
  @ApiProperty({ format: 'date-time' }) openedAt: Date;
  @ApiPropertyOptional({ nullable: true, type: String }) resolutionNote: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) resolvedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The record version a correction produced' })
  correctionRecordId: string | null;
}

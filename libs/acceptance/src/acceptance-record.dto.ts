import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { DISPUTE_STATUSES, type DisputeStatus, type EvidenceFile } from './contracts/acceptance';

const SHA256 = /^[0-9a-f]{64}$/;

export class SignRecordDto {
  @ApiProperty({ description: 'SHA-256 of the record the officer reviewed (GET …/acceptance-records → recordHash)' })
  @Matches(SHA256, { message: 'recordHash must be a lowercase hex SHA-256' })
  recordHash: string;
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
  @ApiProperty({ enum: ['UPHOLD'], description: 'UPHOLD keeps the signed record; the round becomes payable' })
  @Matches(/^UPHOLD$/, { message: 'outcome must be UPHOLD' })
  outcome: 'UPHOLD';

  @ApiProperty({ example: 'Số liệu camera đã được đối chiếu; giữ nguyên biên bản.' })
  @IsString()
  @Length(3, 4000)
  note: string;
}

export class DisputeView {
  @ApiProperty() id: string;
  @ApiProperty() orderId: string;
  @ApiProperty() roundNo: number;
  @ApiProperty() recordId: string;
  @ApiProperty({ enum: DISPUTE_STATUSES }) status: DisputeStatus;
  @ApiProperty() reason: string;
  @ApiProperty({ type: EvidenceFileDto, isArray: true }) evidence: EvidenceFile[];
  @ApiProperty() recordHash: string;
  @ApiProperty({ format: 'date-time' }) openedAt: Date;
  @ApiPropertyOptional({ nullable: true, type: String }) resolutionNote: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) resolvedAt: Date | null;
}

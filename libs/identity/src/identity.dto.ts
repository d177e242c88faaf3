import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayNotEmpty, IsEmail, IsIn, IsOptional, IsString, Length, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '@app/platform';
import { ORGANISATION_TYPES, ROLES, type OrganisationType, type Role } from './contracts/roles';

export class LoginDto {
  @ApiProperty({ example: 'admin@sokhcn.hanoi.gov.vn' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password: string;
}

export class CreateOrganisationDto {
  @ApiProperty({ enum: ORGANISATION_TYPES })
  @IsIn(ORGANISATION_TYPES)
  type: OrganisationType;

  @ApiProperty({ example: 'Sở Khoa học và Công nghệ' })
  @IsString()
  @Length(2, 300)
  name: string;

  @ApiPropertyOptional({ description: 'Mã số thuế: 10 digits, or 10 + 3-digit branch suffix', example: '0100109106' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  taxCode?: string;
}

export class CreateUserDto {
  @ApiProperty()
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Nguyễn Văn An' })
  @IsString()
  @Length(2, 200)
  fullName: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @Length(12, 256)
  password: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @ArrayNotEmpty()
  @IsIn(ROLES, { each: true })
  roles: Role[];
}

export class DisableUserDto {
  @ApiProperty({ example: 'Nghỉ việc từ ngày 01/12' })
  @IsString()
  @Length(3, 500)
  reason: string;
}

export class UserRolesDto {
  @ApiProperty({ enum: ROLES, isArray: true })
  @ArrayNotEmpty()
  @IsIn(ROLES, { each: true })
  roles: Role[];
}

export class ResetPasswordDto {
  @ApiProperty({ minLength: 12, description: 'The new password, handed to the user out of band' })
  @IsString()
  @Length(12, 256)
  password: string;
}

export class CreateApiKeyDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiProperty({ example: 'Hệ thống giám sát giao thông' })
  @IsString()
  @Length(2, 200)
  name: string;
}

export class OrganisationView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ORGANISATION_TYPES }) type: OrganisationType;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ nullable: true, type: String }) taxCode: string | null;
}

export class UserView {
  @ApiProperty() id: string;
  @ApiProperty() organisationId: string;
  @ApiProperty() email: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) disabledAt: Date | null;
}

export class OrganisationListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ORGANISATION_TYPES })
  @IsOptional()
  @IsIn(ORGANISATION_TYPES)
  type?: OrganisationType;

  @ApiPropertyOptional({ description: 'part of the name, any case' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;
}

export class OrganisationPageView {
  @ApiProperty({ type: OrganisationView, isArray: true }) items: OrganisationView[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'pass as ?cursor= for the next page' })
  nextCursor: string | null;
}

export class UserListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}

export class UserPageView {
  @ApiProperty({ type: UserView, isArray: true }) items: UserView[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'pass as ?cursor= for the next page' })
  nextCursor: string | null;
}

export class PrincipalView {
  @ApiPropertyOptional({ nullable: true, type: String }) userId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) apiKeyId: string | null;
  @ApiProperty() organisationId: string;
  @ApiProperty({ enum: ORGANISATION_TYPES }) organisationType: OrganisationType;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty() name: string;
}

export class LoginView {
  @ApiProperty() accessToken: string;
  @ApiProperty() tokenType: 'Bearer';
  @ApiProperty() expiresIn: number;
  @ApiProperty({ type: PrincipalView }) principal: PrincipalView;
}

export class ApiKeyView {
  @ApiProperty() id: string;
  @ApiProperty() organisationId: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty() name: string;
  @ApiProperty() prefix: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) revokedAt: Date | null;
}

export class IssuedApiKeyView extends ApiKeyView {
  @ApiProperty({ description: 'Shown once; store it now.' }) key: string;
}

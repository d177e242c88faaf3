import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AppConfig, DEFAULT_PAGE_SIZE } from '@app/platform';
import { ANY_ROLE, CurrentPrincipal, Public, Roles } from './auth.decorators';
import { Authenticator } from './authenticator';
import type { Principal } from './contracts/roles';
import { ApiKey } from './api-key.entity';
import {
  ApiKeyView,
  CreateApiKeyDto,
  CreateOrganisationDto,
  CreateUserDto,
  DisableUserDto,
  IssuedApiKeyView,
  LoginDto,
  LoginView,
  OrganisationListQueryDto,
  OrganisationPageView,
  OrganisationView,
  PrincipalView,
  ResetPasswordDto,
  UserListQueryDto,
  UserPageView,
  UserRolesDto,
  UserView,
} from './identity.dto';
import { actorOf, IdentityFacade } from './identity.facade';
import { Organisation } from './organisation.entity';
import { UserAdministration } from './user-administration';
import { User } from './user.entity';

const userView = (u: User): UserView => ({
  id: u.id,
  organisationId: u.organisationId,
  email: u.email,
  fullName: u.fullName,
  roles: u.roles,
  disabledAt: u.disabledAt,
});
const organisationView = (o: Organisation): OrganisationView => ({
  id: o.id,
  type: o.type,
  name: o.name,
  taxCode: o.taxCode,
});
const apiKeyView = (k: ApiKey): ApiKeyView => ({
  id: k.id,
  organisationId: k.organisationId,
  role: k.role,
  name: k.name,
  prefix: k.prefix,
  revokedAt: k.revokedAt,
});

@ApiTags('identity')
@ApiBearerAuth()
@Controller()
export class IdentityController {
  constructor(
    private readonly identity: IdentityFacade,
    private readonly authenticator: Authenticator,
    private readonly administration: UserAdministration,
    private readonly config: AppConfig,
  ) {}

  @Post('auth/login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Đăng nhập / Log in with email and password (failed logins throttled per account and per address)',
  })
  @ApiOkResponse({ type: LoginView })
  async login(@Body() dto: LoginDto, @Req() request: FastifyRequest): Promise<LoginView> {
    const { accessToken, principal } = await this.authenticator.login(dto.email, dto.password, request.ip);
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.JWT_TTL_SECONDS, principal };
  }

  @Get('me')
  @Roles(ANY_ROLE)
  @ApiOperation({ summary: 'Người đang gọi / The calling user or API key' })
  @ApiOkResponse({ type: PrincipalView })
  me(@CurrentPrincipal() principal: Principal): PrincipalView {
    return principal;
  }

  @Post('organisations')
  @Roles('OPERATOR_ADMIN')
  @ApiOperation({ summary: 'Đăng ký tổ chức / Register an organisation' })
  @ApiOkResponse({ type: OrganisationView })
  createOrganisation(@CurrentPrincipal() p: Principal, @Body() dto: CreateOrganisationDto): Promise<OrganisationView> {
    return this.identity.registerOrganisation(actorOf(p), dto);
  }

  @Get('organisations')
  @Roles(ANY_ROLE)
  @ApiOperation({
    summary: 'Tổ chức / Organisations, oldest first, paged by cursor (operators: all; others: their own)',
  })
  @ApiOkResponse({ type: OrganisationPageView })
  async listOrganisations(
    @CurrentPrincipal() p: Principal,
    @Query() q: OrganisationListQueryDto,
  ): Promise<OrganisationPageView> {
    const page = await this.identity.listOrganisations(p, { ...q, limit: q.limit ?? DEFAULT_PAGE_SIZE });
    return { items: page.items.map(organisationView), nextCursor: page.nextCursor };
  }

  @Post('organisations/:id/users')
  @Roles('OPERATOR_ADMIN')
  @ApiOperation({ summary: 'Tạo người dùng / Create a user in an organisation' })
  @ApiOkResponse({ type: UserView })
  async createUser(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) organisationId: string,
    @Body() dto: CreateUserDto,
  ): Promise<UserView> {
    return userView(await this.identity.createUser(actorOf(p), organisationId, dto));
  }

  @Get('organisations/:id/users')
  @Roles(ANY_ROLE)
  @ApiOperation({
    summary:
      'Người dùng của tổ chức / Users of an organisation, oldest first, paged by cursor (own organisation or operator)',
  })
  @ApiOkResponse({ type: UserPageView })
  async listUsers(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) organisationId: string,
    @Query() q: UserListQueryDto,
  ): Promise<UserPageView> {
    const page = await this.identity.listUsers(p, organisationId, { ...q, limit: q.limit ?? DEFAULT_PAGE_SIZE });
    return { items: page.items.map(userView), nextCursor: page.nextCursor };
  }

  @Post('users/:id/disable')
  @HttpCode(200)
  @Roles('OPERATOR_ADMIN')
  @ApiOperation({ summary: 'Khoá người dùng / Disable a user (their tokens stop working at once)' })
  @ApiOkResponse({ type: UserView })
  async disableUser(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DisableUserDto,
  ): Promise<UserView> {
    return userView(await this.administration.disable(p, id, dto.reason.trim()));
  }

  @Post('users/:id/enable')
  @HttpCode(200)
  @Roles('OPERATOR_ADMIN')
  @ApiOperation({ summary: 'Mở khoá người dùng / Enable a disabled user' })
  @ApiOkResponse({ type: UserView })
  async enableUser(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<UserView> {
    return userView(await this.administration.enable(p, id));
  }

  @Put('users/:id/roles')
  @Roles('OPERATOR_ADMIN')
  @ApiOperation({ summary: "Đổi vai trò / Change a user's roles (their current tokens stop working)" })
  @ApiOkResponse({ type: UserView })
  async changeRoles(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UserRolesDto,
  ): Promise<UserView> {
    return userView(await this.administration.changeRoles(p, id, dto.roles));
  }

  @Post('users/:id/password')
  @HttpCode(200)
  @Roles('OPERATOR_ADMIN')
  @ApiOperation({ summary: "Đặt lại mật khẩu / Reset a user's password (their current tokens stop working)" })
  @ApiOkResponse({ type: UserView })
  async resetPassword(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ResetPasswordDto,
  ): Promise<UserView> {
    return userView(await this.administration.resetPassword(p, id, dto.password));
  }

  @Post('organisations/:id/api-keys')
  @Roles('OPERATOR_ADMIN')
  @ApiOperation({ summary: 'Cấp khoá API cho hệ thống máy / Issue an API key (shown once)' })
  @ApiOkResponse({ type: IssuedApiKeyView })
  async issueApiKey(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) organisationId: string,
    @Body() dto: CreateApiKeyDto,
  ): Promise<IssuedApiKeyView> {
    const { apiKey, key } = await this.identity.issueApiKey(actorOf(p), organisationId, dto);
    return { ...apiKeyView(apiKey), key };
  }

  @Get('organisations/:id/api-keys')
  @Roles('OPERATOR_ADMIN')
  @ApiOperation({ summary: 'Khoá API của tổ chức / API keys of an organisation' })
  @ApiOkResponse({ type: ApiKeyView, isArray: true })
  async listApiKeys(@Param('id', ParseUUIDPipe) organisationId: string): Promise<ApiKeyView[]> {
    return (await this.identity.listApiKeys(organisationId)).map(apiKeyView);
  }

  @Delete('api-keys/:id')
  @Roles('OPERATOR_ADMIN')
  @ApiOperation({ summary: 'Thu hồi khoá API / Revoke an API key' })
  @ApiOkResponse({ type: ApiKeyView })
  async revokeApiKey(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<ApiKeyView> {
    return apiKeyView(await this.identity.revokeApiKey(actorOf(p), id));
  }
}

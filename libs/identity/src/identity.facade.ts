import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository, type SelectQueryBuilder } from 'typeorm';
import type { AuditActor } from '@app/audit';
import type { Page } from '@app/kernel';
import { keysetPage } from '@app/platform';
import { ApiKey } from './api-key.entity';
import { IdentityErrors } from './contracts/errors';
import { type OrganisationType, type Principal, type Role } from './contracts/roles';
import { CreateApiKeyDto, CreateOrganisationDto, CreateUserDto } from './identity.dto';
import { loadOrganisation } from './organisation-lookup';
import { Organisation } from './organisation.entity';
import { CreateUser } from './use-cases/create-user';
import { IssueApiKey } from './use-cases/issue-api-key';
import { RegisterOrganisation } from './use-cases/register-organisation';
import { RevokeApiKey } from './use-cases/revoke-api-key';
import { User } from './user.entity';

export interface VendorIdentity {
  vendorName: string;
  vendorTaxCode: string | null;
}

export const actorOf = (p: Principal) => ({ userId: p.userId ?? p.apiKeyId, organisationId: p.organisationId });

/** Organisations, users and API keys; the only identity class other modules call. */
@Injectable()
export class IdentityFacade {
  constructor(
    private readonly registerOrganisationCase: RegisterOrganisation,
    private readonly createUserCase: CreateUser,
    private readonly issueApiKeyCase: IssueApiKey,
    private readonly revokeApiKeyCase: RevokeApiKey,
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(ApiKey) private readonly apiKeys: Repository<ApiKey>,
  ) {}

  registerOrganisation(actor: AuditActor, dto: CreateOrganisationDto): Promise<Organisation> {
    return this.registerOrganisationCase.execute({ actor, organisation: dto });
  }

  createUser(actor: AuditActor, organisationId: string, dto: CreateUserDto): Promise<User> {
    return this.createUserCase.execute({ actor, organisationId, user: dto });
  }

  issueApiKey(
    actor: AuditActor,
    organisationId: string,
    dto: CreateApiKeyDto,
  ): Promise<{ apiKey: ApiKey; key: string }> {
    return this.issueApiKeyCase.execute({ actor, organisationId, apiKey: dto });
  }

  revokeApiKey(actor: AuditActor, id: string): Promise<ApiKey> {
    return this.revokeApiKeyCase.execute({ actor, id });
  }

  getOrganisation(id: string, tx: EntityManager): Promise<Organisation> {
    return loadOrganisation(tx, id);
  }

  async requireOrganisationType(id: string, ...types: OrganisationType[]): Promise<Organisation> {
    const organisation = await loadOrganisation(this.organisations.manager, id);
    if (!types.includes(organisation.type)) {
      throw IdentityErrors.ROLE_NOT_ALLOWED_FOR_ORGANISATION(
        `Tổ chức phải thuộc loại ${types.join('/')}. / Organisation must be ${types.join('/')}.`,
      );
    }
    return organisation;
  }

  /** Operators page through every organisation; anyone else sees only their own. Oldest first. */
  listOrganisations(principal: Principal, filter: OrganisationListFilter): Promise<Page<Organisation>> {
    const query = this.organisations.createQueryBuilder('o');
    if (principal.organisationType !== 'OPERATOR') query.where('o.id = :own', { own: principal.organisationId });
    if (filter.type) query.andWhere('o.type = :type', { type: filter.type });
    if (filter.name)
      query.andWhere(`o.name ILIKE :name ESCAPE '\\'`, { name: `%${filter.name.replace(/[\\%_]/g, '\\$&')}%` });
    return oldestFirst(query, filter);
  }

  async organisationNames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.organisations.findBy({ id: In([...new Set(ids)]) });
    return new Map(rows.map((o) => [o.id, o.name]));
  }

  /** Name and e-mail of users (e.g. who signed a record), by id. */
  async userNames(ids: string[]): Promise<Map<string, { fullName: string; email: string }>> {
    if (ids.length === 0) return new Map();
    const rows = await this.users.findBy({ id: In([...new Set(ids)]) });
    return new Map(rows.map((u) => [u.id, { fullName: u.fullName, email: u.email }]));
  }

  /** Each row with its vendor's registered name and tax code (public facts of a business), as buyers see it. */
  async withVendors<T extends { vendorOrganisationId: string }>(rows: T[]): Promise<Array<T & VendorIdentity>> {
    if (rows.length === 0) return [];
    const vendors = await this.organisations.findBy({ id: In([...new Set(rows.map((r) => r.vendorOrganisationId))]) });
    const byId = new Map(vendors.map((o) => [o.id, o]));
    return rows.map((row) => {
      const vendor = byId.get(row.vendorOrganisationId);
      return { ...row, vendorName: vendor?.name ?? '', vendorTaxCode: vendor?.taxCode ?? null };
    });
  }

  listUsers(principal: Principal, organisationId: string, filter: UserListFilter): Promise<Page<User>> {
    assertSameOrganisationOrOperator(principal, organisationId);
    const query = this.users.createQueryBuilder('u').where('u.organisation_id = :organisationId', { organisationId });
    if (filter.role) query.andWhere(':role = ANY(u.roles)', { role: filter.role });
    return oldestFirst(query, filter);
  }

  async listApiKeys(organisationId: string): Promise<ApiKey[]> {
    return this.apiKeys.find({ where: { organisationId }, order: { createdAt: 'ASC' } });
  }

  async usersWithRole(role: Role): Promise<User[]> {
    return this.users.createQueryBuilder('u').where(':role = ANY(u.roles)', { role }).orderBy('u.created_at').getMany();
  }
}

export interface OrganisationListFilter {
  cursor?: string;
  limit: number;
  type?: OrganisationType;
  name?: string;
}

export interface UserListFilter {
  cursor?: string;
  limit: number;
  role?: Role;
}

/** One page of identity rows in the order they were created. */
function oldestFirst<T extends { id: string; createdAt: Date }>(
  query: SelectQueryBuilder<T>,
  page: { cursor?: string; limit: number },
): Promise<Page<T>> {
  return keysetPage(query, {
    timeColumn: `${query.alias}.created_at`,
    timeOf: (row) => row.createdAt,
    direction: 'ASC',
    cursor: page.cursor,
    limit: page.limit,
    invalidCursor: () => IdentityErrors.INVALID_CURSOR(undefined, { cursor: page.cursor }),
  });
}

export function assertSameOrganisationOrOperator(principal: Principal, organisationId: string): void {
  if (principal.organisationType !== 'OPERATOR' && principal.organisationId !== organisationId) {
    throw IdentityErrors.FORBIDDEN_ORGANISATION();
  }
}

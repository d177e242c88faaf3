import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository, type SelectQueryBuilder } from 'typeorm';
import { AuditActor, AuditFacade } from '@app/audit';
import { newId, type Page } from '@app/kernel';
import { keysetPage } from '@app/platform';
import { ApiKey } from './api-key.entity';
import { generateApiKey, hashApiKey, hashPassword } from './authenticator';
import { IdentityErrors } from './contracts/errors';
import { ROLE_ORGANISATION_TYPES, type OrganisationType, type Principal, type Role } from './contracts/roles';
import { CreateApiKeyDto, CreateOrganisationDto, CreateUserDto } from './identity.dto';
import { Organisation } from './organisation.entity';
import { normaliseTaxCode } from './tax-code';
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
    private readonly audit: AuditFacade,
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(ApiKey) private readonly apiKeys: Repository<ApiKey>,
  ) {}

  async registerOrganisation(actor: AuditActor, dto: CreateOrganisationDto): Promise<Organisation> {
    let taxCode: string | null = null;
    if (dto.type === 'VENDOR' && dto.taxCode == null)
      throw IdentityErrors.TAX_CODE_REQUIRED(undefined, { field: 'taxCode' });
    if (dto.taxCode != null) {
      taxCode = normaliseTaxCode(dto.taxCode);
      if (!taxCode) throw IdentityErrors.INVALID_TAX_CODE(undefined, { field: 'taxCode', value: dto.taxCode });
    }
    return this.organisations.manager.transaction(async (tx) => {
      if (taxCode && (await tx.existsBy(Organisation, { taxCode }))) throw IdentityErrors.TAX_CODE_TAKEN();
      const organisation = tx.create(Organisation, { id: newId(), type: dto.type, name: dto.name.trim(), taxCode });
      await tx.insert(Organisation, organisation);
      await this.audit.record(tx, {
        actor,
        entityType: 'organisation',
        entityId: organisation.id,
        action: 'created',
        after: organisation,
      });
      return organisation;
    });
  }

  async createUser(actor: AuditActor, organisationId: string, dto: CreateUserDto): Promise<User> {
    const organisation = await this.getOrganisation(organisationId, this.organisations.manager);
    const misfit = dto.roles.find((role) => !ROLE_ORGANISATION_TYPES[role].includes(organisation.type));
    if (misfit) {
      throw IdentityErrors.ROLE_NOT_ALLOWED_FOR_ORGANISATION(undefined, {
        role: misfit,
        organisationType: organisation.type,
      });
    }
    const passwordHash = await hashPassword(dto.password);
    return this.users.manager.transaction(async (tx) => {
      const email = dto.email.trim().toLowerCase();
      if (await tx.existsBy(User, { email })) throw IdentityErrors.EMAIL_TAKEN();
      const user = tx.create(User, {
        id: newId(),
        organisationId,
        email,
        fullName: dto.fullName.trim(),
        passwordHash,
        roles: [...new Set(dto.roles)],
      });
      await tx.insert(User, user);
      const { passwordHash: _secret, ...visible } = user;
      await this.audit.record(tx, { actor, entityType: 'user', entityId: user.id, action: 'created', after: visible });
      return user;
    });
  }

  async issueApiKey(
    actor: AuditActor,
    organisationId: string,
    dto: CreateApiKeyDto,
  ): Promise<{ apiKey: ApiKey; key: string }> {
    const organisation = await this.getOrganisation(organisationId, this.organisations.manager);
    if (!ROLE_ORGANISATION_TYPES[dto.role].includes(organisation.type)) {
      throw IdentityErrors.ROLE_NOT_ALLOWED_FOR_ORGANISATION(undefined, {
        role: dto.role,
        organisationType: organisation.type,
      });
    }
    const key = generateApiKey();
    return this.apiKeys.manager.transaction(async (tx) => {
      const apiKey = tx.create(ApiKey, {
        id: newId(),
        organisationId,
        role: dto.role,
        name: dto.name,
        keyHash: hashApiKey(key),
        prefix: key.slice(0, 12),
        createdBy: actor.userId,
        revokedAt: null,
      });
      await tx.insert(ApiKey, apiKey);
      const { keyHash: _secret, ...visible } = apiKey;
      await this.audit.record(tx, {
        actor,
        entityType: 'api_key',
        entityId: apiKey.id,
        action: 'issued',
        after: visible,
      });
      return { apiKey, key };
    });
  }

  async revokeApiKey(actor: AuditActor, id: string): Promise<ApiKey> {
    return this.apiKeys.manager.transaction(async (tx) => {
      const apiKey = await tx.findOne(ApiKey, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!apiKey) throw IdentityErrors.API_KEY_NOT_FOUND();
      if (apiKey.revokedAt) return apiKey;
      apiKey.revokedAt = new Date();
      await tx.update(ApiKey, { id }, { revokedAt: apiKey.revokedAt });
      await this.audit.record(tx, {
        actor,
        entityType: 'api_key',
        entityId: id,
        action: 'revoked',
        after: { revokedAt: apiKey.revokedAt },
      });
      return apiKey;
    });
  }

  async getOrganisation(id: string, tx: EntityManager): Promise<Organisation> {
    const organisation = await tx.findOneBy(Organisation, { id });
    if (!organisation) throw IdentityErrors.ORGANISATION_NOT_FOUND(undefined, { id });
    return organisation;
  }

  async requireOrganisationType(id: string, ...types: OrganisationType[]): Promise<Organisation> {
    const organisation = await this.getOrganisation(id, this.organisations.manager);
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

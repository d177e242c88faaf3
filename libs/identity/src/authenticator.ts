import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { IsNull, Repository } from 'typeorm';
import { ApiKey } from './api-key.entity';
import { IdentityErrors } from './contracts/errors';
import { LoginThrottling } from './login-throttling';
import type { Principal, Role } from './contracts/roles';
import { Organisation } from './organisation.entity';
import { User } from './user.entity';

interface TokenClaims {
  sub: string;
  org: string;
  orgType: Principal['organisationType'];
  roles: Role[];
  name: string;
  /** The user's token version when the token was issued; a later bump revokes it. */
  ver: number;
}

export const API_KEY_PREFIX = 'ccds_';

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function generateApiKey(): string {
  return API_KEY_PREFIX + randomBytes(32).toString('base64url');
}

/** argon2id with OWASP's recommended minimum cost (19 MiB, t=2). */
export const hashPassword = (password: string) =>
  argon2.hash(password, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });

@Injectable()
export class Authenticator {
  /** Verifying against this keeps a wrong email as slow as a wrong password. */
  private readonly decoyHash = hashPassword(randomBytes(16).toString('hex'));

  constructor(
    private readonly jwt: JwtService,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    @InjectRepository(ApiKey) private readonly apiKeys: Repository<ApiKey>,
    private readonly throttle: LoginThrottling,
  ) {}

  /** `address` is the client's network address, throttled alongside the account. */
  async login(
    email: string,
    password: string,
    address: string,
  ): Promise<{ accessToken: string; principal: Principal }> {
    const normalised = email.trim().toLowerCase();
    await this.throttle.assertAllowed(address, normalised);
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: normalised })
      .getOne();
    const valid = await argon2.verify(user?.passwordHash ?? (await this.decoyHash), password);
    if (!user || !valid) {
      await this.throttle.recordFailure(address, normalised);
      throw IdentityErrors.INVALID_CREDENTIALS();
    }
    await this.throttle.recordSuccess(normalised);
    if (user.disabledAt) throw IdentityErrors.USER_DISABLED();
    const organisation = await this.organisations.findOneByOrFail({ id: user.organisationId });
    const principal: Principal = {
      userId: user.id,
      apiKeyId: null,
      organisationId: organisation.id,
      organisationType: organisation.type,
      roles: user.roles,
      name: user.fullName,
    };
    const claims: TokenClaims = {
      sub: user.id,
      org: organisation.id,
      orgType: organisation.type,
      roles: user.roles,
      name: user.fullName,
      ver: user.tokenVersion,
    };
    return { accessToken: await this.jwt.signAsync(claims), principal };
  }

  async fromAccessToken(token: string): Promise<Principal> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
      // A ticket (AccessTickets) names its one purpose in `aud`; it is never a way into the API.
      if ((claims as { aud?: unknown }).aud !== undefined) throw new Error('a ticket is not an access token');
    } catch {
      throw IdentityErrors.UNAUTHENTICATED('Phiên đăng nhập không hợp lệ hoặc đã hết hạn. / Invalid or expired token.');
    }
    // One primary-key read per request, like an API key's: a disabled user or a changed role takes effect at once.
    // Plain SQL: it runs on every authenticated request, and building it through the ORM cost more than running it.
    const [current] = await this.users.query<Array<{ roles: Role[] }>>(
      `SELECT roles FROM identity.users WHERE id = $1 AND token_version = $2 AND disabled_at IS NULL`,
      [claims.sub, claims.ver],
    );
    if (!current) throw IdentityErrors.SESSION_REVOKED();
    return {
      userId: claims.sub,
      apiKeyId: null,
      organisationId: claims.org,
      organisationType: claims.orgType,
      roles: current.roles,
      name: claims.name,
    };
  }

  async fromApiKey(key: string): Promise<Principal> {
    const apiKey = await this.apiKeys.findOneBy({ keyHash: hashApiKey(key), revokedAt: IsNull() });
    if (!apiKey) throw IdentityErrors.INVALID_API_KEY();
    const organisation = await this.organisations.findOneByOrFail({ id: apiKey.organisationId });
    return {
      userId: null,
      apiKeyId: apiKey.id,
      organisationId: organisation.id,
      organisationType: organisation.type,
      roles: [apiKey.role],
      name: apiKey.name,
    };
  }
}

import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ANY_ROLE, OWN_CREDENTIALS_KEY, PUBLIC_KEY, ROLES_KEY } from './auth.decorators';
import { Authenticator } from './authenticator';
import { IdentityErrors } from './contracts/errors';
import type { Principal, Role } from './contracts/roles';

interface AuthRequest {
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
}

/** Global guard: a route without @Roles or @Public is closed to everyone (fail closed). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(OWN_CREDENTIALS_KEY, targets)) return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets);
    const roles = this.reflector.getAllAndOverride<Array<Role | typeof ANY_ROLE>>(ROLES_KEY, targets);
    const request = context.switchToHttp().getRequest<AuthRequest>();
    const principal = await this.authenticate(request);
    if (principal) request.principal = principal;
    if (isPublic) return true;
    if (!roles) throw IdentityErrors.FORBIDDEN_ROLE('Route has no access rule. / Route has no access rule.');
    if (!principal) throw IdentityErrors.UNAUTHENTICATED();
    if (roles.includes(ANY_ROLE) || principal.roles.some((r) => roles.includes(r))) return true;
    throw IdentityErrors.FORBIDDEN_ROLE(undefined, { required: roles });
  }

  private async authenticate(request: AuthRequest): Promise<Principal | undefined> {
    const apiKey = request.headers['x-api-key'];
    if (typeof apiKey === 'string') return this.authenticator.fromApiKey(apiKey);
    const authorization = request.headers.authorization;
    if (typeof authorization === 'string') {
      const [scheme, token] = authorization.split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !token) throw IdentityErrors.UNAUTHENTICATED();
      return this.authenticator.fromAccessToken(token);
    }
    return undefined;
  }
}

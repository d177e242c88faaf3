import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Principal, Role } from './contracts/roles';

export const ROLES_KEY = 'identity:roles';
export const PUBLIC_KEY = 'identity:public';
export const OWN_CREDENTIALS_KEY = 'identity:own-credentials';
export const ANY_ROLE = 'ANY' as const;

/**
 * Who may call this route; every route carries either @Roles(...) or @Public(). The rule is also published in
 * the OpenAPI document as `x-access`, which the route × role test walks.
 */
export const Roles = (...roles: Array<Role | typeof ANY_ROLE>) =>
  applyDecorators(SetMetadata(ROLES_KEY, roles), ApiExtension('x-access', roles));
export const Public = () => applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiExtension('x-access', ['PUBLIC']));
/** A route that checks a credential of its own (e.g. the metrics scraper's token): the user guard ignores it. */
export const OwnCredentials = () =>
  applyDecorators(SetMetadata(OWN_CREDENTIALS_KEY, true), ApiExtension('x-access', ['OWN_CREDENTIALS']));

/** The authenticated caller; `{ optional: true }` on public routes that show more to some callers. */
export const CurrentPrincipal = createParamDecorator(
  (options: { optional?: boolean } | undefined, ctx: ExecutionContext) => {
    const request = ctx.switchToHttp().getRequest<{ principal?: Principal }>();
    if (!request.principal && !options?.optional)
      throw new Error('CurrentPrincipal used on a route without authentication');
    return request.principal;
  },
);

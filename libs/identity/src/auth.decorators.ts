import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Principal, Role } from './contracts/roles';

export const ROLES_KEY = 'identity:roles';
export const PUBLIC_KEY = 'identity:public';
export const ANY_ROLE = 'ANY' as const;

/** Who may call this route; every route carries either @Roles(...) or @Public(). */
export const Roles = (...roles: Array<Role | typeof ANY_ROLE>) => SetMetadata(ROLES_KEY, roles);
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The authenticated caller; `{ optional: true }` on public routes that show more to some callers. */
export const CurrentPrincipal = createParamDecorator((options: { optional?: boolean } | undefined, ctx: ExecutionContext) => {
  const request = ctx.switchToHttp().getRequest<{ principal?: Principal }>();
  if (!request.principal && !options?.optional) throw new Error('CurrentPrincipal used on a route without authentication');
  return request.principal;
});

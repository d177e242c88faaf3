import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { IdentityErrors } from './contracts/errors';
import type { Principal, Role } from './contracts/roles';
import { User } from './user.entity';

interface TicketClaims {
  sub: string;
  ver: number;
}

/**
 * Short-lived tickets for one purpose (an audience), for pages a browser opens by navigation and so cannot send the
 * Bearer token to (kept in an HttpOnly cookie). Each use re-reads the user: a disabled user, a changed role or a reset
 * password ends the ticket at once, as it ends the user's access tokens.
 */
@Injectable()
export class AccessTickets {
  constructor(
    private readonly jwt: JwtService,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  async issue(principal: Principal, audience: string, ttlSeconds: number): Promise<string> {
    const user = await this.activeUser(principal.userId ?? '');
    const claims: TicketClaims = { sub: user.id, ver: user.tokenVersion };
    return this.jwt.signAsync(claims, { audience, expiresIn: ttlSeconds });
  }

  /** The roles of the ticket's user now; refused when the ticket is invalid, expired or revoked. */
  async rolesOf(ticket: string, audience: string): Promise<Role[]> {
    let claims: TicketClaims;
    try {
      claims = await this.jwt.verifyAsync<TicketClaims>(ticket, { audience });
    } catch {
      throw IdentityErrors.UNAUTHENTICATED('Vé truy cập không hợp lệ hoặc đã hết hạn. / Invalid or expired ticket.');
    }
    const user = await this.activeUser(claims.sub);
    if (user.tokenVersion !== claims.ver) throw IdentityErrors.SESSION_REVOKED();
    return user.roles;
  }

  private async activeUser(id: string): Promise<User> {
    const user = id
      ? await this.users.findOne({
          where: { id },
          select: { id: true, tokenVersion: true, disabledAt: true, roles: true },
        })
      : null;
    if (!user || user.disabledAt) throw IdentityErrors.SESSION_REVOKED();
    return user;
  }
}

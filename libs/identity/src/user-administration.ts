import { Injectable } from '@nestjs/common';
import { AuditFacade } from '@app/audit';
import { Transactions } from '@app/platform';
import { hashPassword } from './authenticator';
import { IdentityErrors } from './contracts/errors';
import { ROLE_ORGANISATION_TYPES, type Principal, type Role } from './contracts/roles';
import { actorOf } from './identity.facade';
import { Organisation } from './organisation.entity';
import { User } from './user.entity';

type UserChange = Partial<Pick<User, 'disabledAt' | 'roles' | 'passwordHash'>>;

interface Change {
  action: string;
  /** What to write, or null when the user is already in the asked state (the call is then a no-op). */
  decide(user: User, organisation: Organisation): UserChange | null;
  /** What the audit event shows beyond the changed fields (never a password hash). */
  note?: object;
}

/**
 * The operator's hold over people: disable or enable a user, change their roles, reset their password. Each
 * change bumps the user's token version, so tokens issued before it stop working on their very next request.
 */
@Injectable()
export class UserAdministration {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
  ) {}

  disable(operator: Principal, userId: string, reason: string): Promise<User> {
    this.refuseSelf(operator, userId);
    return this.apply(operator, userId, {
      action: 'disabled',
      decide: (user) => (user.disabledAt ? null : { disabledAt: new Date() }),
      note: { reason },
    });
  }

  enable(operator: Principal, userId: string): Promise<User> {
    return this.apply(operator, userId, {
      action: 'enabled',
      decide: (user) => (user.disabledAt ? { disabledAt: null } : null),
    });
  }

  changeRoles(operator: Principal, userId: string, requested: Role[]): Promise<User> {
    this.refuseSelf(operator, userId);
    const roles = [...new Set(requested)].sort();
    return this.apply(operator, userId, {
      action: 'roles_changed',
      decide: (user, organisation) => {
        const misfit = roles.find((role) => !ROLE_ORGANISATION_TYPES[role].includes(organisation.type));
        if (misfit) {
          throw IdentityErrors.ROLE_NOT_ALLOWED_FOR_ORGANISATION(undefined, {
            role: misfit,
            organisationType: organisation.type,
          });
        }
        return [...user.roles].sort().join() === roles.join() ? null : { roles };
      },
    });
  }

  async resetPassword(operator: Principal, userId: string, password: string): Promise<User> {
    const passwordHash = await hashPassword(password);
    return this.apply(operator, userId, { action: 'password_reset', decide: () => ({ passwordHash }) });
  }

  /** An operator who locks themselves out needs another operator to let them back in: refuse it up front. */
  private refuseSelf(operator: Principal, userId: string): void {
    if (operator.userId === userId) throw IdentityErrors.CANNOT_CHANGE_OWN_ACCESS();
  }

  private apply(operator: Principal, userId: string, change: Change): Promise<User> {
    return this.tx.run(async (tx) => {
      const user = await tx.findOne(User, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw IdentityErrors.USER_NOT_FOUND(undefined, { id: userId });
      const organisation = await tx.findOneByOrFail(Organisation, { id: user.organisationId });
      const update = change.decide(user, organisation);
      if (!update) return user;
      const { passwordHash: _secret, ...visible } = update;
      const before = Object.fromEntries(Object.keys(visible).map((field) => [field, user[field as keyof User]]));
      Object.assign(user, update, { tokenVersion: user.tokenVersion + 1 });
      await tx.update(User, { id: userId }, { ...update, tokenVersion: user.tokenVersion });
      await this.audit.record(tx, {
        actor: actorOf(operator),
        entityType: 'user',
        entityId: userId,
        action: change.action,
        before,
        after: { ...visible, ...change.note, tokenVersion: user.tokenVersion },
      });
      return user;
    });
  }
}

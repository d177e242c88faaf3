import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditActor, AuditFacade } from '@app/audit';
import { newId } from '@app/kernel';
import { Transactions } from '@app/platform';
import { hashPassword } from '../authenticator';
import { IdentityErrors } from '../contracts/errors';
import { ROLE_ORGANISATION_TYPES } from '../contracts/roles';
import { CreateUserDto } from '../identity.dto';
import { loadOrganisation } from '../organisation-lookup';
import { Organisation } from '../organisation.entity';
import { User } from '../user.entity';

/** A user of an organisation, with roles its type allows and an e-mail nobody else has. */
@Injectable()
export class CreateUser {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
  ) {}

  async execute({
    actor,
    organisationId,
    user: dto,
  }: {
    actor: AuditActor;
    organisationId: string;
    user: CreateUserDto;
  }): Promise<User> {
    const organisation = await loadOrganisation(this.organisations.manager, organisationId);
    const misfit = dto.roles.find((role) => !ROLE_ORGANISATION_TYPES[role].includes(organisation.type));
    if (misfit) {
      throw IdentityErrors.ROLE_NOT_ALLOWED_FOR_ORGANISATION(undefined, {
        role: misfit,
        organisationType: organisation.type,
      });
    }
    const passwordHash = await hashPassword(dto.password);
    return this.tx.run(async (tx) => {
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
}

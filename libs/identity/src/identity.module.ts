import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { AppConfig } from '@app/platform';
import { AccessTickets } from './access-tickets';
import { ApiKey } from './api-key.entity';
import { AuthGuard } from './auth.guard';
import { Authenticator } from './authenticator';
import { IdentityController } from './identity.controller';
import { IdentityFacade } from './identity.facade';
import { LoginThrottle } from './login-throttle.entity';
import { LoginThrottling } from './login-throttling';
import { Organisation } from './organisation.entity';
import { CreateUser } from './use-cases/create-user';
import { IssueApiKey } from './use-cases/issue-api-key';
import { RegisterOrganisation } from './use-cases/register-organisation';
import { RevokeApiKey } from './use-cases/revoke-api-key';
import { UserAdministration } from './user-administration';
import { User } from './user.entity';

@Module({
  imports: [
    AuditModule,
    TypeOrmModule.forFeature([Organisation, User, ApiKey, LoginThrottle]),
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // A key object, made once: given the string, jsonwebtoken re-parses it (first as a public key) per token.
        secret: createSecretKey(Buffer.from(config.JWT_SECRET)),
        signOptions: { expiresIn: config.JWT_TTL_SECONDS, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [IdentityController],
  providers: [
    IdentityFacade,
    RegisterOrganisation,
    CreateUser,
    IssueApiKey,
    RevokeApiKey,
    Authenticator,
    AuthGuard,
    LoginThrottling,
    UserAdministration,
    AccessTickets,
  ],
  exports: [IdentityFacade, AuthGuard, Authenticator, AccessTickets],
})
export class IdentityModule {}

import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { AppConfig } from '@app/platform';
import { ApiKey } from './api-key.entity';
import { AuthGuard } from './auth.guard';
import { Authenticator } from './authenticator';
import { IdentityController } from './identity.controller';
import { IdentityFacade } from './identity.facade';
import { Organisation } from './organisation.entity';
import { User } from './user.entity';

@Module({
  imports: [
    AuditModule,
    TypeOrmModule.forFeature([Organisation, User, ApiKey]),
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // A key object, made once: given the string, jsonwebtoken re-parses it (first as a public key) per token.
        secret: createSecretKey(Buffer.from(config.JWT_SECRET)),
        signOptions: { expiresIn: config.JWT_TTL_SECONDS, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => [{ name: 'auth', ttl: 60_000, limit: config.AUTH_RATE_LIMIT_PER_MINUTE }],
    }),
  ],
  controllers: [IdentityController],
  providers: [IdentityFacade, Authenticator, AuthGuard],
  exports: [IdentityFacade, AuthGuard, Authenticator],
})
export class IdentityModule {}

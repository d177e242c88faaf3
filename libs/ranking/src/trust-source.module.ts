import { Global, Module } from '@nestjs/common';
import { TRUST_SOURCE, type TrustSource } from '@app/competition';
import { RankingFacade } from './ranking.facade';
import { RankingModule } from './ranking.module';

/** Binds competition's trust port to the ranking (ranking sits above competition, so the port points up). */
@Global()
@Module({
  imports: [RankingModule],
  providers: [
    {
      provide: TRUST_SOURCE,
      inject: [RankingFacade],
      useFactory: (ranking: RankingFacade): TrustSource => ({
        async lowerBound(tx, vendorOrganisationId, categoryCode) {
          const trust = await ranking.trustLowerBoundIn(tx, vendorOrganisationId, categoryCode);
          return { value: trust.lowerBound, source: trust.snapshotId ? 'history' : 'prior' };
        },
      }),
    },
  ],
  exports: [TRUST_SOURCE],
})
export class TrustSourceModule {}

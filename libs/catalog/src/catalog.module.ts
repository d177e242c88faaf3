import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { IdentityModule } from '@app/identity';
import { CatalogController } from './catalog.controller';
import { CatalogFacade } from './catalog.facade';
import { Category } from './category.entity';
import { DocumentReview } from './document-review';
import { DocumentReviewer, SolutionDocument } from './document.entity';
import { DocumentStore } from './document-store';
import { Listing, VendorTrustLabel } from './listing.entity';
import { Solution, SolutionKpi } from './solution.entity';

@Module({
  imports: [
    AuditModule,
    IdentityModule,
    TypeOrmModule.forFeature([
      Category,
      Solution,
      SolutionKpi,
      SolutionDocument,
      DocumentReviewer,
      Listing,
      VendorTrustLabel,
    ]),
  ],
  controllers: [CatalogController],
  providers: [CatalogFacade, DocumentStore, DocumentReview],
  exports: [CatalogFacade],
})
export class CatalogModule {}

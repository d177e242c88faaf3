import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { IdentityModule } from '@app/identity';
import { CatalogController } from './catalog.controller';
import { Capacity } from './capacity';
import { CatalogFacade } from './catalog.facade';
import { CatalogReads } from './catalog-reads';
import { Category } from './category.entity';
import { DocumentReviewer, SolutionDocument } from './document.entity';
import { DocumentAccess } from './document-access';
import { DocumentStore } from './document-store';
import { Listing, VendorTrustLabel } from './listing.entity';
import { ListingSweep } from './listing-sweep';
import { ListingTransitions } from './listing-transitions';
import { Solution, SolutionKpi } from './solution.entity';
import { TrustMarks } from './trust-marks';
import { CreateCategory } from './use-cases/create-category';
import { CreateSolution } from './use-cases/create-solution';
import { EditSolution } from './use-cases/edit-solution';
import { DelistSolution, SuspendSolution } from './use-cases/moderate-solution';
import { ReviewDocument } from './use-cases/review-document';
import { ApplyScheduledTransition, RemindListingExpiry } from './use-cases/scheduled-listing-moves';
import { SetDocumentConfidentiality } from './use-cases/set-document-confidentiality';
import { UpdateCategory } from './use-cases/update-category';
import { UploadDocument } from './use-cases/upload-document';

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
  providers: [
    CatalogFacade,
    CatalogReads,
    DocumentStore,
    DocumentAccess,
    ListingTransitions,
    Capacity,
    TrustMarks,
    ListingSweep,
    CreateSolution,
    EditSolution,
    UploadDocument,
    SetDocumentConfidentiality,
    ReviewDocument,
    CreateCategory,
    UpdateCategory,
    SuspendSolution,
    DelistSolution,
    ApplyScheduledTransition,
    RemindListingExpiry,
  ],
  exports: [CatalogFacade],
})
export class CatalogModule {}

export type { ListingMove } from './capacity';
export { CatalogFacade } from './catalog.facade';
export { CatalogModule } from './catalog.module';
export { Category } from './category.entity';
export {
  CATALOG_EVENTS_QUEUE,
  CatalogErrors,
  CatalogEvents,
  KPI_REQUIRED_FIELDS,
  NEW_VENDOR_LABEL,
  REVISABLE_LISTINGS,
  TRUST_LABELS,
} from './contracts/catalog';
export type { CatalogEventName, ListingNotice, TrustLabel } from './contracts/catalog';
export { DOCUMENT_TYPES } from './document-store';
export { DocumentReviewer, SolutionDocument } from './document.entity';
export { CatalogWorkerModule } from './listing-scheduler';
export { searchListings, searchPage } from './listing-search';
export type { ListingRow, SearchQuery } from './listing-search';
export { Listing, VendorTrustLabel } from './listing.entity';
export { Solution, SolutionKpi } from './solution.entity';

import { FoundationSchema1795460000000 } from './1795460000000-foundation-schema';
import { FoundationIntegrity1795460000001 } from './1795460000001-foundation-integrity';
import { ProblemsProposalsScale1795462270527 } from './1795462270527-problems-proposals-scale';
import { RankingTrustScores1795462342121 } from './1795462342121-ranking-trust-scores';
import { AcceptanceRecordSigningDisputes1795462368000 } from './1795462368000-acceptance-record-signing-disputes';
import { AcceptanceMeasurementPartitions1795462400000 } from './1795462400000-acceptance-measurement-partitions';
import { CatalogPrecheckTier11795462468211 } from './1795462468211-catalog-precheck-tier1';
import { CompetitionScoringClarifications1795462525054 } from './1795462525054-competition-scoring-clarifications';
import { NotificationsInbox1795462901177 } from './1795462901177-notifications-inbox';
import { CompetitionPocBakeOff1795468579474 } from './1795468579474-competition-poc-bake-off';
import { OrderingTrialOrders1795468584583 } from './1795468584583-ordering-trial-orders';
import { CatalogTrustLabelsConfidentialDocuments1795468662157 } from './1795468662157-catalog-trust-labels-confidential-documents';
import { PrecheckAwaitingAssessors1795468678507 } from './1795468678507-precheck-awaiting-assessors';
import { RankingCompactSnapshots1795469000000 } from './1795469000000-ranking-compact-snapshots';
import { AcceptanceRecordVersionsClawbacks1795469109023 } from './1795469109023-acceptance-record-versions-clawbacks';
import { PlatformOutboxCoalesceKey1795476000000 } from './1795476000000-platform-outbox-coalesce-key';
import { OrderingOrderCancellation1795480000000 } from './1795480000000-ordering-order-cancellation';
import { CompetitionBakeOffWithdrawals1795480000001 } from './1795480000001-competition-bake-off-withdrawals';
import { AcceptanceDeliveryRecords1795482000000 } from './1795482000000-acceptance-delivery-records';
import { ProblemsKpiWeights1795483000000 } from './1795483000000-problems-kpi-weights';
import { CompetitionOfferRoundShares1795483000001 } from './1795483000001-competition-offer-round-shares';
import { IdentityUserAccessLoginThrottles1795620000000 } from './1795620000000-identity-user-access-login-throttles';
import { CatalogDocumentReview1795620000001 } from './1795620000001-catalog-document-review';
import { ProblemsCloseReason1795620000002 } from './1795620000002-problems-close-reason';
import { CatalogRecheckMarks1795640000000 } from './1795640000000-catalog-recheck-marks';
import { RankingRecheckDecisions1795640000001 } from './1795640000001-ranking-recheck-decisions';
import { NotificationsWebhooks1795640000002 } from './1795640000002-notifications-webhooks';
import { AcceptanceReadingDuplicates1795630000000 } from './1795630000000-acceptance-reading-duplicates';
import { IdentityStaleThrottleIndex1795690000000 } from './1795690000000-identity-stale-throttle-index';
import { RankingOutcomeFacts1795700000000 } from './1795700000000-ranking-outcome-facts';
import { PublishedReadViews1795700000001 } from './1795700000001-published-read-views';
import { SettlementSchema1795710000000 } from './1795710000000-settlement-schema';
import { OrganisationsViewTaxCode1795720000000 } from './1795720000000-organisations-view-tax-code';
import { AuditChainAtCommit1795730000000 } from './1795730000000-audit-chain-at-commit';
import { LedgerStatementBalanceCheck1795740000000 } from './1795740000000-ledger-statement-balance-check';
import { OrderingOrdersFillfactor1795750000000 } from './1795750000000-ordering-orders-fillfactor';
import { PlatformOutboxPending1795760000000 } from './1795760000000-platform-outbox-pending';
import { CatalogQualityIndexText1795770000000 } from './1795770000000-catalog-quality-index-text';

/** In order; forward-only. */
export const migrations = [
  FoundationSchema1795460000000,
  FoundationIntegrity1795460000001,
  ProblemsProposalsScale1795462270527,
  RankingTrustScores1795462342121,
  AcceptanceRecordSigningDisputes1795462368000,
  AcceptanceMeasurementPartitions1795462400000,
  CatalogPrecheckTier11795462468211,
  CompetitionScoringClarifications1795462525054,
  NotificationsInbox1795462901177,
  CompetitionPocBakeOff1795468579474,
  OrderingTrialOrders1795468584583,
  CatalogTrustLabelsConfidentialDocuments1795468662157,
  PrecheckAwaitingAssessors1795468678507,
  RankingCompactSnapshots1795469000000,
  AcceptanceRecordVersionsClawbacks1795469109023,
  PlatformOutboxCoalesceKey1795476000000,
  OrderingOrderCancellation1795480000000,
  CompetitionBakeOffWithdrawals1795480000001,
  AcceptanceDeliveryRecords1795482000000,
  ProblemsKpiWeights1795483000000,
  CompetitionOfferRoundShares1795483000001,
  IdentityUserAccessLoginThrottles1795620000000,
  CatalogDocumentReview1795620000001,
  ProblemsCloseReason1795620000002,
  CatalogRecheckMarks1795640000000,
  RankingRecheckDecisions1795640000001,
  NotificationsWebhooks1795640000002,
  AcceptanceReadingDuplicates1795630000000,
  IdentityStaleThrottleIndex1795690000000,
  RankingOutcomeFacts1795700000000,
  PublishedReadViews1795700000001,
  SettlementSchema1795710000000,
  OrganisationsViewTaxCode1795720000000,
  AuditChainAtCommit1795730000000,
  LedgerStatementBalanceCheck1795740000000,
  OrderingOrdersFillfactor1795750000000,
  PlatformOutboxPending1795760000000,
  CatalogQualityIndexText1795770000000,
];

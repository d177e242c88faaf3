import { Injectable } from '@nestjs/common';
import { Transactions } from '@app/platform';
import { TrustRecomputation } from '../trust-recomputation';
import type { ScopeScore } from '../vendor-scores';

/** Incremental: one vendor, overall and per category, after one of its outcomes changed. */
@Injectable()
export class RecomputeVendorTrust {
  constructor(
    private readonly tx: Transactions,
    private readonly recomputation: TrustRecomputation,
  ) {}

  execute({ vendorOrganisationId, reason }: { vendorOrganisationId: string; reason: string }): Promise<ScopeScore[]> {
    return this.tx.run((tx) => this.recomputation.ofVendor(tx, vendorOrganisationId, reason));
  }
}

/** Every vendor with an outcome, in one transaction (the nightly job, and the benchmark's full recompute). */
@Injectable()
export class RecomputeAllTrust {
  constructor(
    private readonly tx: Transactions,
    private readonly recomputation: TrustRecomputation,
  ) {}

  execute({ reason }: { reason: string }): Promise<number> {
    return this.tx.run((tx) => this.recomputation.all(tx, reason));
  }
}

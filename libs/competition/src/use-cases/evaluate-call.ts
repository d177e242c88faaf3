import { Injectable } from '@nestjs/common';
import { Transactions } from '@app/platform';
import { CallScoring } from '../call-scoring';

@Injectable()
export class EvaluateCall {
  constructor(
    private readonly tx: Transactions,
    private readonly scoring: CallScoring,
  ) {}

  /** Worker: scores the offers of a call once its deadline has passed; repeated deliveries are no-ops. */
  execute({ callId }: { callId: string }): Promise<void> {
    return this.tx.run((tx) => this.scoring.scoreIfDue(tx, callId));
  }
}

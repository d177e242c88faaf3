import { Injectable } from '@nestjs/common';
import type { Principal } from '@app/identity';
import { Transactions } from '@app/platform';
import { SubmitOfferDto } from '../competition.dto';
import { Offer } from '../offer.entity';
import { OfferSubmission } from '../offer-submission';

@Injectable()
export class SubmitOffer {
  constructor(
    private readonly tx: Transactions,
    private readonly submission: OfferSubmission,
  ) {}

  execute({
    principal,
    callId,
    offer,
  }: {
    principal: Principal;
    callId: string;
    offer: SubmitOfferDto;
  }): Promise<Offer> {
    return this.tx.run((tx) => this.submission.insert(tx, principal, callId, offer));
  }
}

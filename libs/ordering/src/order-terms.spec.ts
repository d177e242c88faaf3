import type { OrderTerms } from './contracts/ordering';
import { fundingOf, termsHash, withPledges } from './order-terms';

const awarded = {
  orderId: 'order',
  agencyOrganisationId: 'agency',
  vendorOrganisationId: 'vendor',
  maxAmount: '1000',
} as OrderTerms;

describe('co-funding in the order terms', () => {
  it('records the city share and the pledges in funder order, and is the awarded terms again without pledges', () => {
    const pledged = withPledges(awarded, [
      { funderOrganisationId: 'f2', amount: '300' },
      { funderOrganisationId: 'f1', amount: '100' },
    ]);
    expect(pledged.cofunding).toEqual({
      cityShare: '600',
      pledges: [
        { funderOrganisationId: 'f1', amount: '100' },
        { funderOrganisationId: 'f2', amount: '300' },
      ],
    });
    expect(fundingOf(pledged)).toEqual({
      city: 600n,
      cofunders: [
        { funderOrganisationId: 'f1', amount: 100n },
        { funderOrganisationId: 'f2', amount: 300n },
      ],
    });
    expect(termsHash(pledged)).not.toBe(termsHash(awarded));
    expect(withPledges(pledged, [])).toEqual(awarded);
    expect(termsHash(withPledges(pledged, []))).toBe(termsHash(awarded));
  });

  it('funds an order nobody co-funds from the agency budget alone', () => {
    expect(fundingOf(awarded)).toEqual({ city: 1000n, cofunders: [] });
  });
});

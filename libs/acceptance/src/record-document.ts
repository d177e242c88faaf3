import { Injectable } from '@nestjs/common';
import { IdentityFacade, type Principal } from '@app/identity';
import { acceptanceOrganisationsOf, OrderingErrors, OrderingFacade, type Order } from '@app/ordering';
import { Transactions } from '@app/platform';
import { ProblemsFacade } from '@app/problems';
import { AcceptanceRecord } from './acceptance-record.entity';
import { AcceptanceErrors } from './contracts/acceptance';
import { recordPdf } from './record-pdf';

/**
 * The printable biên bản nghiệm thu. It names who signed it, so it is for the people of the order only: its
 * acceptance officers, the buying agency, the vendor, and the operators; anyone else is told the order does not exist.
 */
@Injectable()
export class RecordDocuments {
  constructor(
    private readonly tx: Transactions,
    private readonly ordering: OrderingFacade,
    private readonly identity: IdentityFacade,
    private readonly problems: ProblemsFacade,
  ) {}

  async pdf(
    principal: Principal,
    orderId: string,
    recordId: string,
  ): Promise<{ fileName: string; pdf: PDFKit.PDFDocument }> {
    const { order, record, problem } = await this.tx.run(async (tx) => {
      const order = await this.ordering.findById(orderId, tx);
      if (!isPartyOf(principal, order)) throw OrderingErrors.ORDER_NOT_FOUND(undefined, { id: orderId });
      const record = await tx.findOneBy(AcceptanceRecord, { id: recordId, orderId });
      if (!record) throw AcceptanceErrors.RECORD_NOT_FOUND(undefined, { orderId, recordId });
      return { order, record, problem: await this.problems.get(order.terms.problemId, tx) };
    });
    const [organisations, signers] = await Promise.all([
      this.identity.organisationNames([order.agencyOrganisationId, order.vendorOrganisationId]),
      this.identity.userNames(record.signedByUserId ? [record.signedByUserId] : []),
    ]);
    const pdf = recordPdf(record, {
      problemTitle: problem.titleVi,
      agencyName: organisations.get(order.agencyOrganisationId) ?? '',
      vendorName: organisations.get(order.vendorOrganisationId) ?? '',
      round: order.terms.rounds.find((r) => r.no === record.roundNo),
      signer: record.signedByUserId ? signers.get(record.signedByUserId) : undefined,
    });
    return { fileName: `bien-ban-nghiem-thu-ky-${record.roundNo}-v${record.version}.pdf`, pdf };
  }
}

function isPartyOf(principal: Principal, order: Order): boolean {
  const { organisationId, roles } = principal;
  return (
    (principal.organisationType === 'OPERATOR' && roles.includes('OPERATOR_ADMIN')) ||
    (roles.includes('BUYER') && organisationId === order.agencyOrganisationId) ||
    (roles.includes('VENDOR') && organisationId === order.vendorOrganisationId) ||
    (roles.includes('ACCEPTANCE_OFFICER') && acceptanceOrganisationsOf(order.terms).includes(organisationId))
  );
}

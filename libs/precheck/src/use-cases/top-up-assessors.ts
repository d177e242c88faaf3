import { Injectable } from '@nestjs/common';
import { Transactions } from '@app/platform';
import { AssessorAssignments } from '../assessor-assignments';

/** Scheduled: submissions under review that lost an assessor get one as soon as an unrelated one is free. */
@Injectable()
export class TopUpAssessors {
  constructor(
    private readonly tx: Transactions,
    private readonly assignments: AssessorAssignments,
  ) {}

  execute(): Promise<number> {
    return this.tx.run((tx) => this.assignments.topUp(tx));
  }
}

import { DomainError } from './domain-error';

export type TransitionTable<S extends string, E extends string> = Record<S, Partial<Record<E, S>>>;

/** A pure transition table; persistence then updates `WHERE status = :from` and treats 0 rows as a conflict. */
export class StateMachine<S extends string, E extends string> {
  constructor(
    private readonly module: string,
    private readonly entity: string,
    readonly table: TransitionTable<S, E>,
  ) {}

  next(from: S, event: E): S | undefined {
    return this.table[from]?.[event];
  }

  /** The next state, or a CONFLICT error naming the entity, its state and the refused event. */
  apply(from: S, event: E): S {
    const to = this.next(from, event);
    if (to === undefined) {
      throw new DomainError(
        `${this.module}.INVALID_TRANSITION`,
        'CONFLICT',
        `Không thể "${event}" khi ${this.entity} đang ở trạng thái ${from}. / Cannot ${event} a ${this.entity} in state ${from}.`,
        { entity: this.entity, from, event },
      );
    }
    return to;
  }
}

import type { ReactNode } from 'react';

/** One fact of a record: its label, its value and, for tests that read it, a test id; falsy facts are left out. */
export type Fact = [label: ReactNode, value: ReactNode, testId?: string] | false | null | undefined;

/** A record's label–value pairs as a description list; a missing value shows as "—". */
export function Facts({ facts, testId }: { facts: Fact[]; testId?: string }) {
  return (
    <dl className="facts" data-testid={testId}>
      {facts
        .filter((fact): fact is Exclude<Fact, false | null | undefined> => !!fact)
        .map(([label, value, valueTestId], i) => (
          <div key={i}>
            <dt>{label}</dt>
            <dd data-testid={valueTestId}>{value ?? '—'}</dd>
          </div>
        ))}
    </dl>
  );
}

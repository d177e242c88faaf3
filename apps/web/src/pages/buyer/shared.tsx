import { useInfiniteQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { components } from '../../api/openapi';
import { useSession } from '../../auth/use-session';
import { Failure, Loading } from '../../components/Query';

export type Schemas = components['schemas'];

/** The signed-in user's organisation (an agency for the buyer pages, a co-funder for the funder pages). */
export function useOrganisationId(): string {
  return useSession()?.principal.organisationId ?? '';
}

interface PageOf<T> {
  items: T[];
  nextCursor?: string | null;
}

/** A list the API pages by cursor, read one page at a time ("Tải thêm"). */
export function usePaged<T>(key: unknown[], fetchPage: (cursor?: string) => Promise<PageOf<T>>) {
  return useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** A paged list's items (or its loading, error and empty states) and the button that reads the next page. */
export function Paged<T>({
  list,
  empty,
  children,
}: {
  list: ReturnType<typeof usePaged<T>>;
  empty: ReactNode;
  children: (items: T[]) => ReactNode;
}) {
  const { t } = useTranslation();
  if (list.isPending) return <Loading />;
  if (list.isError) return <Failure error={list.error} />;
  const items = list.data.pages.flatMap((p) => p.items);
  return (
    <>
      {items.length === 0 ? <p className="muted">{empty}</p> : children(items)}
      {list.hasNextPage && (
        <button type="button" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {t('app.more')}
        </button>
      )}
    </>
  );
}

/** An area's own menu: its pages as links, the current one marked. */
export function AreaNav({ label, links }: { label: string; links: Array<[string, string]> }) {
  return (
    <nav aria-label={label} className="sub-nav">
      <ul>
        {links.map(([to, text]) => (
          <li key={to}>
            <NavLink to={to} end>
              {text}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A whole-number percentage typed by a person ("40", "12,5") → basis points, or undefined when it is not one. */
export function percentToBp(text: string): number | undefined {
  const match = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Digits only: "1.500.000.000 đ" typed with separators → "1500000000" (the API refuses anything else itself). */
export const dongDigits = (text: string) => text.replace(/[.\s\u00a0đ]/g, '');

/** One fact of a record: its label, its value and, for tests that read it, a test id; falsy facts are left out. */
export type Fact = [label: string, value: ReactNode, testId?: string] | false | null | undefined;

/** A record's facts as a description list. */
export function Facts({ facts }: { facts: Fact[] }) {
  return (
    <dl className="facts">
      {facts
        .filter((fact): fact is Exclude<Fact, false | null | undefined> => !!fact)
        .map(([label, value, testId]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd data-testid={testId}>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Failure, Loading } from './Query';

interface CursorPage<T> {
  items: T[];
  nextCursor?: string | null;
}

/**
 * A list the API pages by cursor, one page after another as the user asks for more ("Tải thêm").
 * An empty page ends the list even with a cursor: the change feed hands one back at its end.
 */
export function usePaged<T>(queryKey: QueryKey, fetchPage: (cursor: string | undefined) => Promise<CursorPage<T>>) {
  return useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => (last.items.length > 0 ? (last.nextCursor ?? undefined) : undefined),
  });
}

export type PagedQuery<T> = ReturnType<typeof usePaged<T>>;

/** The loaded items (or the loading, error or empty state) and "Tải thêm" while the API has more. */
export function Paged<T>({
  query,
  empty,
  children,
}: {
  query: PagedQuery<T>;
  empty?: ReactNode;
  children: (items: T[]) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending) return <Loading />;
  if (query.isError) return <Failure error={query.error} />;
  const items = query.data.pages.flatMap((p) => p.items);
  return (
    <>
      {items.length === 0 ? <p className="muted">{empty ?? t('app.empty')}</p> : children(items)}
      {query.hasNextPage && (
        <button type="button" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {t('app.more')}
        </button>
      )}
    </>
  );
}

import { useInfiniteQuery, useQuery, type QueryKey } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import type { components } from '../../api/openapi';
import { Failure, Loading } from '../../components/Query';

interface CursorPage<T> {
  items: T[];
  nextCursor?: string | null;
}

/** A list the API pages by cursor, one page after another as the user asks for more. */
export function usePaged<T>(queryKey: QueryKey, page: (cursor: string | undefined) => Promise<CursorPage<T>>) {
  return useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => page(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The loaded items (or the loading, empty or error state) and "Tải thêm" while the API has more. */
export function Paged<T>({
  query,
  empty,
  children,
}: {
  query: ReturnType<typeof usePaged<T>>;
  empty: ReactNode;
  children: (items: T[]) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending) return <Loading />;
  if (query.isError) return <Failure error={query.error} />;
  const items = query.data.pages.flatMap((p) => p.items);
  return (
    <>
      {items.length === 0 ? <p className="muted">{empty}</p> : children(items)}
      {query.hasNextPage && (
        <button type="button" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {t('app.more')}
        </button>
      )}
    </>
  );
}

type OrganisationType = NonNullable<components['schemas']['OrganisationView']['type']>;

/** Every organisation of a type (page after page), for choosers and names; the demo and the city hold few. */
export function useOrganisations(type?: OrganisationType) {
  const query = useQuery({
    queryKey: ['organisations', 'all', type],
    queryFn: async () => {
      const all: Array<components['schemas']['OrganisationView']> = [];
      let cursor: string | undefined;
      do {
        const page = await data(api.GET('/organisations', { params: { query: { type, cursor, limit: 200 } } }));
        all.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return all;
    },
  });
  const nameOf = (id: string) => query.data?.find((o) => o.id === id)?.name ?? id.slice(0, 8);
  return { organisations: query.data ?? [], nameOf, query };
}

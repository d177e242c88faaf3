import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { useSession } from '../../auth/use-session';
import { Failure, Loading } from '../../components/Query';

/** The vendor area's addresses (under /nha-cung-cap). */
export const vendorPaths = {
  home: '/nha-cung-cap',
  solutions: '/nha-cung-cap/giai-phap',
  newSolution: '/nha-cung-cap/giai-phap/moi',
  solution: (id: string) => `/nha-cung-cap/giai-phap/${id}`,
  editSolution: (id: string) => `/nha-cung-cap/giai-phap/${id}/sua`,
  precheck: (id: string) => `/nha-cung-cap/giai-phap/${id}/tien-kiem`,
  calls: '/nha-cung-cap/loi-moi',
  offer: (callId: string) => `/nha-cung-cap/loi-moi/${callId}`,
  orders: '/nha-cung-cap/don-hang',
  order: (id: string) => `/nha-cung-cap/don-hang/${id}`,
  money: '/nha-cung-cap/thanh-toan',
  trust: '/nha-cung-cap/tin-nhiem',
};

/** The signed-in user's organisation (the area is shown to vendors only). */
export function useOrganisationId(): string {
  return useSession()?.principal.organisationId ?? '';
}

/** The vendor area's own menu above each of its pages. */
export function VendorLayout() {
  const { t } = useTranslation('vendor');
  const links: Array<[string, string]> = [
    [vendorPaths.home, t('menu.profile')],
    [vendorPaths.solutions, t('menu.solutions')],
    [vendorPaths.calls, t('menu.calls')],
    [vendorPaths.orders, t('menu.orders')],
    [vendorPaths.money, t('menu.money')],
    [vendorPaths.trust, t('menu.trust')],
  ];
  return (
    <>
      <nav aria-label={t('menu.label')} className="sub-nav">
        <ul>
          {links.map(([to, label]) => (
            <li key={to}>
              <NavLink to={to} end={to === vendorPaths.home}>
                {label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Suspense fallback={<Loading />}>
        <Outlet />
      </Suspense>
    </>
  );
}

/** Label–value pairs of a record. */
export function Facts({ rows, testId }: { rows: Array<[ReactNode, ReactNode]>; testId?: string }) {
  return (
    <dl className="facts" data-testid={testId}>
      {rows.map(([label, value], i) => (
        <div key={i}>
          <dt>{label}</dt>
          <dd>{value ?? '—'}</dd>
        </div>
      ))}
    </dl>
  );
}

interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

/** A cursor-paged list of the API, one page at a time ("Tải thêm"). */
export function usePaged<T>(queryKey: QueryKey, pageAfter: (cursor: string | undefined) => Promise<Page<T>>) {
  return useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => pageAfter(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The items of a paged list with its loading, error and empty states and a "load more" button. */
export function PagedList<T>({
  list,
  children,
}: {
  list: ReturnType<typeof usePaged<T>>;
  children: (items: T[]) => ReactNode;
}) {
  const { t } = useTranslation();
  if (list.isPending) return <Loading />;
  if (list.isError) return <Failure error={list.error} />;
  const items = list.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <p>{t('app.empty')}</p>;
  return (
    <>
      {children(items)}
      {list.hasNextPage && (
        <button type="button" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {t('app.more')}
        </button>
      )}
    </>
  );
}

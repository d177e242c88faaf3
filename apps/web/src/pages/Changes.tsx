import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchChanges } from '../api/public';
import { Failure, Loading } from '../components/Query';
import { formatDateTime } from '../format';

/** The public change feed, oldest first, one page after another (the cursor never skips an event). */
export default function Changes() {
  const { t } = useTranslation();
  const feed = useInfiniteQuery({
    queryKey: ['public', 'changes'],
    queryFn: ({ pageParam }) => fetchChanges(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => (last.items.length > 0 ? (last.nextCursor ?? undefined) : undefined),
  });
  if (feed.isPending) return <Loading />;
  if (feed.isError) return <Failure error={feed.error} />;
  const items = feed.data.pages.flatMap((p) => p.items);
  return (
    <>
      <h1>{t('changes.title')}</h1>
      <p className="lead">{t('changes.lead')}</p>
      <div className="table-scroll" tabIndex={0}>
        <table data-testid="changes">
          <thead>
            <tr>
              <th scope="col">{t('changes.seq')}</th>
              <th scope="col">{t('changes.at')}</th>
              <th scope="col">{t('changes.entity')}</th>
              <th scope="col">{t('changes.action')}</th>
              <th scope="col">{t('changes.hash')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.seq}>
                <td>{c.seq}</td>
                <td>{formatDateTime(c.occurred_at)}</td>
                <td>
                  {c.entity_type} <code className="muted">{c.entity_id.slice(0, 8)}</code>
                </td>
                <td>{c.action}</td>
                <td>
                  <code className="hash">{c.hash.slice(0, 16)}…</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {feed.hasNextPage && (
        <button type="button" onClick={() => void feed.fetchNextPage()} disabled={feed.isFetchingNextPage}>
          {t('app.more')}
        </button>
      )}
    </>
  );
}

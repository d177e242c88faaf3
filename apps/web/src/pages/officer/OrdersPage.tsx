import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useProblemTitles, useVendorNames } from '../../api/lookups';
import { Failure, Loading } from '../../components/Query';
import { formatDate, formatDong } from '../../format';
import { officerPaths } from './area';
import { termsOf, useActiveOrders } from './officer-api';

/** The officer's home: active orders to measure, a page at a time. */
export default function OrdersPage() {
  const { t } = useTranslation('officer');
  const orders = useActiveOrders();
  const problemTitle = useProblemTitles();
  const vendorName = useVendorNames();
  return (
    <>
      <h1>{t('orders.title')}</h1>
      <p className="lead">{t('orders.lead')}</p>
      <p>
        <Link to={officerPaths.awaiting}>{t('orders.awaiting')}</Link>
      </p>
      {orders.isPending ? (
        <Loading />
      ) : orders.isError ? (
        <Failure error={orders.error} />
      ) : (
        <>
          {orders.data.pages[0].items.length === 0 && <p>{t('orders.empty')}</p>}
          <ul className="cards" data-testid="officer-orders">
            {orders.data.pages
              .flatMap((page) => page.items)
              .map((o) => (
                <li key={o.id} className="card">
                  <h2>{problemTitle(termsOf(o).problemId)}</h2>
                  <dl className="facts">
                    <div>
                      <dt>{t('orders.vendor')}</dt>
                      <dd>{vendorName(o.vendorOrganisationId)}</dd>
                    </div>
                    <div>
                      <dt>{t('orders.max')}</dt>
                      <dd>{formatDong(o.maxAmount)}</dd>
                    </div>
                    <div>
                      <dt>{t('orders.period')}</dt>
                      <dd>
                        {formatDate(termsOf(o).startsAt)} – {formatDate(termsOf(o).endsAt)}
                      </dd>
                    </div>
                    <div>
                      <dt>{t('orders.rounds')}</dt>
                      <dd>{termsOf(o).rounds.length}</dd>
                    </div>
                  </dl>
                  <Link
                    className="button"
                    to={officerPaths.order(o.id)}
                    aria-label={`${t('orders.open')}: ${problemTitle(termsOf(o).problemId)}`}
                  >
                    {t('orders.open')}
                  </Link>
                </li>
              ))}
          </ul>
          {orders.hasNextPage && (
            <button type="button" onClick={() => void orders.fetchNextPage()} disabled={orders.isFetchingNextPage}>
              {t('app.more', { ns: 'translation' })}
            </button>
          )}
        </>
      )}
    </>
  );
}

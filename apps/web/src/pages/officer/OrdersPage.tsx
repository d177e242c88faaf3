import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useProblemTitles } from '../../api/lookups';
import { Paged } from '../../components/Paged';
import { OrderFacts } from './OrderFacts';
import { officerPaths } from './paths';
import { termsOf, useActiveOrders } from './officer-api';

/** The officer's home: active orders to measure, a page at a time. */
export default function OrdersPage() {
  const { t } = useTranslation('officer');
  const orders = useActiveOrders();
  const problemTitle = useProblemTitles();
  return (
    <>
      <h1>{t('orders.title')}</h1>
      <p className="lead">{t('orders.lead')}</p>
      <p>
        <Link to={officerPaths.awaiting}>{t('orders.awaiting')}</Link>
      </p>
      <Paged query={orders} empty={t('orders.empty')}>
        {(items) => (
          <ul className="cards" data-testid="officer-orders">
            {items.map((o) => (
              <li key={o.id} className="card">
                <h2>{problemTitle(termsOf(o).problemId)}</h2>
                <OrderFacts order={o} />
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
        )}
      </Paged>
    </>
  );
}

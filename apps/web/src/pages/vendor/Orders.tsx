import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, data } from '../../api/client';
import { useProblemTitles } from '../../api/lookups';
import { formatDong } from '../../format';
import { Paged, usePaged } from '../../components/Paged';
import { vendorPaths } from './shared';

interface Terms {
  problemId?: string;
}

/** The vendor's orders (contracts), newest first: those awaiting its signature first in mind. */
export default function Orders() {
  const { t } = useTranslation('vendor');
  const problemTitle = useProblemTitles();
  const orders = usePaged(['vendor', 'orders'], (cursor) =>
    data(api.GET('/orders', { params: { query: { cursor } } })),
  );
  return (
    <>
      <h1>{t('orders.title')}</h1>
      <Paged query={orders}>
        {(items) => (
          <ul className="stack" data-testid="orders">
            {items.map((o) => (
              <li key={o.id} className="card">
                <h2>
                  <Link to={vendorPaths.order(o.id)}>{problemTitle((o.terms as Terms).problemId ?? o.id)}</Link>
                </h2>
                <p className="tags">
                  <span className="tag">{t(`orderStatus.${o.status}`)}</span>
                  <span className="tag">{t('orders.max', { amount: formatDong(o.maxAmount) })}</span>
                </p>
              </li>
            ))}
          </ul>
        )}
      </Paged>
    </>
  );
}

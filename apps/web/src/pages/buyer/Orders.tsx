import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, data } from '../../api/client';
import { useProblemTitles } from '../../api/lookups';
import { formatDate, formatDong } from '../../format';
import { termsOf } from './orderTerms';
import { Paged, usePaged, type Schemas } from './shared';

type Order = Schemas['OrderSummaryView'];

/** Orders (contracts) as a list of cards linking to each order's page; shared by the buyer's and co-funder's pages. */
export function OrderCards({ items, linkTo }: { items: Order[]; linkTo: (id: string) => string }) {
  const { t } = useTranslation('buyer');
  const problemTitle = useProblemTitles();
  return (
    <ul className="stack" data-testid="orders">
      {items.map((o) => {
        const terms = termsOf(o);
        return (
          <li key={o.id} className="card">
            <h3>
              <Link to={linkTo(o.id)}>{t('order.name', { id: o.id.slice(0, 8) })}</Link>
            </h3>
            <p>{problemTitle(terms.problemId)}</p>
            <dl className="facts">
              <div>
                <dt>{t('order.status')}</dt>
                <dd>{t(`orderStatus.${o.status}`)}</dd>
              </div>
              <div>
                <dt>{t('order.maxAmount')}</dt>
                <dd>{formatDong(o.maxAmount)}</dd>
              </div>
              <div>
                <dt>{t('order.period')}</dt>
                <dd>
                  {formatDate(terms.startsAt)} – {formatDate(terms.endsAt)}
                </dd>
              </div>
              <div>
                <dt>{t('order.kpis')}</dt>
                <dd>{terms.kpis.map((k) => k.nameVi).join('; ')}</dd>
              </div>
            </dl>
          </li>
        );
      })}
    </ul>
  );
}

/** The agency's orders, newest first, paged. */
export default function Orders({ linkTo }: { linkTo: (id: string) => string }) {
  const { t } = useTranslation('buyer');
  const orders = usePaged(['buyer', 'orders'], (cursor) => data(api.GET('/orders', { params: { query: { cursor } } })));
  return (
    <>
      <h1>{t('orders.title')}</h1>
      <Paged list={orders} empty={t('orders.none')}>
        {(items) => <OrderCards items={items} linkTo={linkTo} />}
      </Paged>
    </>
  );
}

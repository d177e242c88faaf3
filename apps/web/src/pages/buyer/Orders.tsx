import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, data } from '../../api/client';
import { useProblemTitles } from '../../api/lookups';
import { formatDate, formatDong } from '../../format';
import { termsOf } from './orderTerms';
import { Facts, type Fact } from '../../components/Facts';
import { Paged, usePaged } from '../../components/Paged';
import type { Schemas } from './shared';

type Order = Schemas['OrderSummaryView'];

/** An order's status, maximum amount and period. */
export function orderKeyFacts(t: TFunction<'buyer'>, order: Order): Fact[] {
  const terms = termsOf(order);
  return [
    [t('order.status'), t(`orderStatus.${order.status}`), 'order-status'],
    [t('order.maxAmount'), formatDong(order.maxAmount)],
    [t('order.period'), `${formatDate(terms.startsAt)} – ${formatDate(terms.endsAt)}`],
  ];
}

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
            <Facts facts={[...orderKeyFacts(t, o), [t('order.kpis'), terms.kpis.map((k) => k.nameVi).join('; ')]]} />
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
      <Paged query={orders} empty={t('orders.none')}>
        {(items) => <OrderCards items={items} linkTo={linkTo} />}
      </Paged>
    </>
  );
}

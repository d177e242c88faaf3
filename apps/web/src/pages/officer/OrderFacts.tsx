import { useTranslation } from 'react-i18next';
import { useVendorNames } from '../../api/lookups';
import { formatDate, formatDong } from '../../format';
import { termsOf, type OrderSummary } from './officer-api';

/** What an officer needs to recognise an order: its vendor, amount, period and rounds. */
export function OrderFacts({ order }: { order: OrderSummary }) {
  const { t } = useTranslation('officer');
  const vendorName = useVendorNames();
  const terms = termsOf(order);
  return (
    <dl className="facts">
      <div>
        <dt>{t('orders.vendor')}</dt>
        <dd>{vendorName(order.vendorOrganisationId)}</dd>
      </div>
      <div>
        <dt>{t('orders.max')}</dt>
        <dd>{formatDong(order.maxAmount)}</dd>
      </div>
      <div>
        <dt>{t('orders.period')}</dt>
        <dd>
          {formatDate(terms.startsAt)} – {formatDate(terms.endsAt)}
        </dd>
      </div>
      <div>
        <dt>{t('orders.rounds')}</dt>
        <dd>{terms.rounds.length}</dd>
      </div>
    </dl>
  );
}

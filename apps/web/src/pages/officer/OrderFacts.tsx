import { useTranslation } from 'react-i18next';
import { useVendorNames } from '../../api/lookups';
import { Facts } from '../../components/Facts';
import { formatDate, formatDong } from '../../format';
import { termsOf, type OrderSummary } from './officer-api';

/** What an officer needs to recognise an order: its vendor, amount, period and rounds. */
export function OrderFacts({ order }: { order: OrderSummary }) {
  const { t } = useTranslation('officer');
  const vendorName = useVendorNames();
  const terms = termsOf(order);
  return (
    <Facts
      facts={[
        [t('orders.vendor'), vendorName(order.vendorOrganisationId)],
        [t('orders.max'), formatDong(order.maxAmount)],
        [t('orders.period'), `${formatDate(terms.startsAt)} – ${formatDate(terms.endsAt)}`],
        [t('orders.rounds'), terms.rounds.length],
      ]}
    />
  );
}

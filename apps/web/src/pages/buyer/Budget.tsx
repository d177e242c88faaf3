import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, data } from '../../api/client';
import { buyerPaths } from './paths';
import { usePaged } from '../../components/Paged';
import { useOrganisationId } from '../../auth/use-session';
import { AccountPage } from './Statement';

/** The agency's available budget and every movement behind it. */
export default function Budget() {
  const { t } = useTranslation('buyer');
  const agencyId = useOrganisationId();
  const budget = useQuery({
    queryKey: ['buyer', 'budget', agencyId],
    queryFn: () => data(api.GET('/budgets/{agencyId}', { params: { path: { agencyId } } })),
  });
  const statement = usePaged(['buyer', 'budget-statement', agencyId], (cursor) =>
    data(api.GET('/budgets/{agencyId}/statement', { params: { path: { agencyId }, query: { cursor } } })),
  );
  return (
    <AccountPage
      title={t('budget.title')}
      account={budget}
      available={{ label: t('budget.available'), testId: 'budget-available' }}
      hint={t('budget.hint')}
      statement={statement}
      orderLink={(orderId) => (
        <Link to={buyerPaths.order(orderId)}>{t('order.name', { id: orderId.slice(0, 8) })}</Link>
      )}
    />
  );
}

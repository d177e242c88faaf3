import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, data } from '../../api/client';
import { Show } from '../../components/Query';
import { formatDong } from '../../format';
import { buyerPaths } from './paths';
import { usePaged } from '../../components/Paged';
import { useOrganisationId } from '../../auth/use-session';
import { Statement } from './Statement';

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
    <>
      <h1>{t('budget.title')}</h1>
      <Show query={budget}>
        {(b) => (
          <dl className="figures">
            <div>
              <dt>{t('budget.available')}</dt>
              <dd data-testid="budget-available">{formatDong(b.available)}</dd>
            </div>
          </dl>
        )}
      </Show>
      <p className="hint">{t('budget.hint')}</p>
      <Statement
        list={statement}
        orderLink={(orderId) => (
          <Link to={buyerPaths.order(orderId)}>{t('order.name', { id: orderId.slice(0, 8) })}</Link>
        )}
      />
    </>
  );
}

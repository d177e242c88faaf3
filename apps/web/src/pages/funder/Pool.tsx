import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, data } from '../../api/client';
import { usePaged } from '../../components/Paged';
import { useOrganisationId } from '../../auth/use-session';
import { AccountPage } from '../buyer/Statement';
import { funderPaths } from './paths';

/** The co-funder's pool and its statement: deposits, pledges moved into escrow, and what came back from each order. */
export default function Pool() {
  const { t } = useTranslation('funder');
  const funderId = useOrganisationId();
  const pool = useQuery({
    queryKey: ['funder', 'pool', funderId],
    queryFn: () => data(api.GET('/funders/{funderId}/pool', { params: { path: { funderId } } })),
  });
  const statement = usePaged(['funder', 'statement', funderId], (cursor) =>
    data(api.GET('/funders/{funderId}/statement', { params: { path: { funderId }, query: { cursor } } })),
  );
  return (
    <AccountPage
      title={t('pool.title')}
      account={pool}
      available={{ label: t('pool.available'), testId: 'pool-available' }}
      hint={t('pool.hint')}
      statementTitle={t('pool.statement')}
      statement={statement}
      orderLink={(orderId) => <Link to={funderPaths.order(orderId)}>{t('order', { id: orderId.slice(0, 8) })}</Link>}
    />
  );
}

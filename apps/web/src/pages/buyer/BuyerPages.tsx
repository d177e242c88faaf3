import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { buyerPaths } from './paths';
import { AreaNav } from '../../components/AreaNav';

/** The buyer pages' frame: the area's own menu above the page. */
export default function BuyerPages() {
  const { t } = useTranslation('buyer');
  return (
    <>
      <AreaNav
        exact
        label={t('menu')}
        links={[
          [buyerPaths.home, t('problems.title')],
          [buyerPaths.proposals, t('proposal.title')],
          [buyerPaths.calls, t('calls.title')],
          [buyerPaths.orders, t('orders.title')],
          [buyerPaths.budget, t('budget.title')],
        ]}
      />
      <Outlet />
    </>
  );
}

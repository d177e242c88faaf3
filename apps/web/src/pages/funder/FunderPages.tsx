import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { AreaNav } from '../../components/AreaNav';
import { funderPaths } from './paths';

/** The co-funder pages' frame: the area's own menu above the page. */
export default function FunderPages() {
  const { t } = useTranslation('funder');
  return (
    <>
      <AreaNav
        exact
        label={t('menu')}
        links={[
          [funderPaths.home, t('pool.title')],
          [funderPaths.orders, t('orders.title')],
        ]}
      />
      <Outlet />
    </>
  );
}

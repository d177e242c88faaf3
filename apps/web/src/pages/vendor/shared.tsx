import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { AreaNav } from '../../components/AreaNav';
import { Loading } from '../../components/Query';

/** The vendor area's addresses (under /nha-cung-cap). */
export const vendorPaths = {
  home: '/nha-cung-cap',
  solutions: '/nha-cung-cap/giai-phap',
  newSolution: '/nha-cung-cap/giai-phap/moi',
  solution: (id: string) => `/nha-cung-cap/giai-phap/${id}`,
  editSolution: (id: string) => `/nha-cung-cap/giai-phap/${id}/sua`,
  precheck: (id: string) => `/nha-cung-cap/giai-phap/${id}/tien-kiem`,
  calls: '/nha-cung-cap/loi-moi',
  offer: (callId: string) => `/nha-cung-cap/loi-moi/${callId}`,
  orders: '/nha-cung-cap/don-hang',
  order: (id: string) => `/nha-cung-cap/don-hang/${id}`,
  money: '/nha-cung-cap/thanh-toan',
  trust: '/nha-cung-cap/tin-nhiem',
};

/** The vendor area's own menu above each of its pages. */
export function VendorLayout() {
  const { t } = useTranslation('vendor');
  return (
    <>
      <AreaNav
        label={t('menu.label')}
        links={[
          [vendorPaths.home, t('menu.profile')],
          [vendorPaths.solutions, t('menu.solutions')],
          [vendorPaths.calls, t('menu.calls')],
          [vendorPaths.orders, t('menu.orders')],
          [vendorPaths.money, t('menu.money')],
          [vendorPaths.trust, t('menu.trust')],
        ]}
      />
      <Suspense fallback={<Loading />}>
        <Outlet />
      </Suspense>
    </>
  );
}

import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { AreaNav } from '../../components/AreaNav';
import { Loading } from '../../components/Query';

const SECTIONS: Array<[string, string]> = [
  ['', 'organisations'],
  ['linh-vuc', 'categories'],
  ['ngan-sach', 'money'],
  ['niem-yet', 'listings'],
  ['khieu-nai', 'disputes'],
  ['hang-doi', 'queues'],
];

/** The operator's pages under one sub-menu. */
export default function OperatorLayout() {
  const { t } = useTranslation('operator');
  return (
    <>
      <AreaNav
        label={t('sections')}
        links={SECTIONS.map(([path, key]) => [path ? `/quan-tri/${path}` : '/quan-tri', t(`section.${key}`)])}
      />
      <Suspense fallback={<Loading />}>
        <Outlet />
      </Suspense>
    </>
  );
}

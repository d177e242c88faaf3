import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
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
      <nav aria-label={t('sections')} className="sub-nav">
        <ul>
          {SECTIONS.map(([path, key]) => (
            <li key={key}>
              <NavLink to={path ? `/quan-tri/${path}` : '/quan-tri'} end={!path}>
                {t(`section.${key}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Suspense fallback={<Loading />}>
        <Outlet />
      </Suspense>
    </>
  );
}

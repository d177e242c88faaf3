import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { session } from '../auth/session';
import { useHasRole, useSession } from '../auth/use-session';
import { setLanguage } from '../i18n';
import { paths } from '../paths';
import { workAreas } from '../work/areas';
import { Loading } from './Query';

export function Layout() {
  const { t, i18n } = useTranslation();
  const current = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const seesDashboard = useHasRole('CITY_VIEWER', 'OPERATOR_ADMIN');

  // An expired session (a 401 on a signed request) returns to the sign-in page, which says why.
  useEffect(
    () =>
      session.subscribe(() => {
        if (!session.get() && session.hasExpired()) void navigate(paths.login, { state: { from: location.pathname } });
      }),
    [navigate, location.pathname],
  );

  const links: Array<[string, string]> = [
    [paths.home, t('nav.home')],
    [paths.catalogue, t('nav.catalogue')],
    [paths.problems, t('nav.problems')],
    [paths.calls, t('nav.calls')],
    [paths.contracts, t('nav.contracts')],
    [paths.rankings, t('nav.rankings')],
    [paths.changes, t('nav.changes')],
    [paths.openData, t('nav.openData')],
  ];
  if (seesDashboard) links.push([paths.dashboard, t('nav.dashboard')]);
  for (const area of workAreas)
    if (current?.principal.roles.some((role) => area.roles.includes(role)))
      links.push([area.home, t('nav', { ns: area.namespace })]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="site-header">
        <div className="bar">
          <NavLink to={paths.home} className="brand">
            {t('app.name')}
          </NavLink>
          <div className="account">
            <button
              type="button"
              className="link-button"
              lang={i18n.language === 'vi' ? 'en' : 'vi'}
              onClick={() => setLanguage(i18n.language === 'vi' ? 'en' : 'vi')}
            >
              {t('app.switchTo')}
            </button>
            {current ? (
              <>
                <span className="who">{t('nav.signedInAs', { name: current.principal.name })}</span>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    session.signOut();
                    void navigate(paths.home);
                  }}
                >
                  {t('nav.signOut')}
                </button>
              </>
            ) : (
              <NavLink to={paths.login} className="link-button">
                {t('nav.signIn')}
              </NavLink>
            )}
          </div>
        </div>
        <nav aria-label={t('app.menu')}>
          <ul>
            {links.map(([to, label]) => (
              <li key={to}>
                <NavLink to={to} end={to === paths.home}>
                  {label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}

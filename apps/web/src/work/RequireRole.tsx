import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { Role } from '../auth/session';
import { useSession } from '../auth/use-session';
import { paths } from '../paths';

/** A work area's pages: signed-out visitors go to the sign-in page (and come back); other roles are told why not. */
export function RequireRole({ roles }: { roles: Role[] }) {
  const { t } = useTranslation();
  const current = useSession();
  const location = useLocation();
  if (!current) return <Navigate to={paths.login} replace state={{ from: location.pathname }} />;
  if (!current.principal.roles.some((role) => roles.includes(role)))
    return (
      <p role="alert" className="error">
        {t('app.forbidden')}
      </p>
    );
  return <Outlet />;
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { api, data } from '../api/client';
import { session } from '../auth/session';
import { useSession } from '../auth/use-session';
import { paths } from '../paths';
import { workAreas } from '../work/areas';

/** Sign-in (POST /auth/login); after an expired session it says so and returns to the page the user was on. */
export default function Login() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const current = useSession();
  const [expired] = useState(() => session.takeExpired());
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const login = await data(api.POST('/auth/login', { body: { email, password } }));
      session.signIn(login.accessToken, login.principal);
      const from = (location.state as { from?: string } | null)?.from;
      // The city leader's work is the dashboard; every other role lands on its first work area.
      const home = login.principal.roles.includes('CITY_VIEWER')
        ? paths.dashboard
        : (workAreas.find((area) => login.principal.roles.some((role) => area.roles.includes(role)))?.home ??
          paths.login);
      void navigate(from && from !== paths.login ? from : home, { replace: true });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  if (current)
    return (
      <>
        <h1>{t('login.title')}</h1>
        <p data-testid="signed-in">
          {t('login.signedIn', { roles: current.principal.roles.map((r) => t(`roles.${r}`)).join(', ') })}
        </p>
        <ul>
          {workAreas
            .filter((area) => current.principal.roles.some((role) => area.roles.includes(role)))
            .map((area) => (
              <li key={area.home}>
                <Link to={area.home}>{t('nav', { ns: area.namespace })}</Link>
              </li>
            ))}
        </ul>
      </>
    );

  return (
    <>
      <h1>{t('login.title')}</h1>
      {expired && (
        <p role="alert" className="notice" data-testid="session-expired">
          {t('login.expired')}
        </p>
      )}
      <form className="narrow" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor="email">{t('login.email')}</label>
          <input
            id="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="password">{t('login.password')}</label>
          <input
            id="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        {error && (
          <p role="alert" className="error">
            {t('login.failed')}: {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('login.submit')}
        </button>
      </form>
    </>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, data } from '../../api/client';
import { Show } from '../../components/Query';
import { Facts } from '../../components/Facts';
import { useOrganisationId } from '../../auth/use-session';
import { vendorPaths } from './shared';

/** The vendor's organisation: its registered name and tax code, its people and where its work is. */
export default function Profile() {
  const { t } = useTranslation('vendor');
  const organisationId = useOrganisationId();
  const profile = useQuery({
    queryKey: ['vendor', 'profile', organisationId],
    queryFn: async () => {
      const [organisations, users] = await Promise.all([
        data(api.GET('/organisations')),
        data(api.GET('/organisations/{id}/users', { params: { path: { id: organisationId }, query: { limit: 200 } } })),
      ]);
      return { organisation: organisations.items.find((o) => o.id === organisationId), users: users.items };
    },
  });
  return (
    <>
      <h1>{t('profile.title')}</h1>
      <Show query={profile}>
        {({ organisation, users }) => (
          <>
            <Facts
              testId="organisation"
              facts={[
                [t('profile.name'), organisation?.name],
                [t('profile.taxCode'), organisation?.taxCode],
                [t('profile.type'), t('profile.vendor')],
              ]}
            />
            <h2>{t('profile.people')}</h2>
            <div className="table-scroll" tabIndex={0}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('profile.fullName')}</th>
                    <th scope="col">{t('profile.email')}</th>
                    <th scope="col">{t('profile.roles')}</th>
                  </tr>
                </thead>
                <tbody>
                  {users.map((u) => (
                    <tr key={u.id}>
                      <td>{u.fullName}</td>
                      <td>{u.email}</td>
                      <td>{u.roles.map((r) => t(`roles.${r}`, { ns: 'translation' })).join(', ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </Show>
      <h2>{t('profile.work')}</h2>
      <ul className="cards">
        {(
          [
            [vendorPaths.solutions, 'solutions'],
            [vendorPaths.calls, 'calls'],
            [vendorPaths.orders, 'orders'],
            [vendorPaths.money, 'money'],
            [vendorPaths.trust, 'trust'],
          ] as const
        ).map(([to, key]) => (
          <li key={key} className="card">
            <h3>
              <Link to={to}>{t(`menu.${key}`)}</Link>
            </h3>
            <p>{t(`profile.about.${key}`)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

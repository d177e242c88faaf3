import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, data } from '../../api/client';
import { useProblemTitles } from '../../api/lookups';
import { formatDateTime } from '../../format';
import { buyerPaths } from './paths';
import { Paged, usePaged } from '../../components/Paged';
import { useOrganisationId } from '../../auth/use-session';

/** The agency's calls for offers, newest first: open ones with their deadline, closed ones to compare and award. */
export default function Calls() {
  const { t } = useTranslation('buyer');
  const organisationId = useOrganisationId();
  const problemTitle = useProblemTitles();
  const calls = usePaged(['buyer', 'calls', organisationId], (cursor) =>
    data(api.GET('/calls', { params: { query: { cursor, agencyOrganisationId: organisationId } } })),
  );
  return (
    <>
      <h1>{t('calls.title')}</h1>
      <p className="hint">{t('calls.hint')}</p>
      <Paged query={calls} empty={t('calls.none')}>
        {(items) => (
          <div className="table-scroll" tabIndex={0}>
            <table data-testid="calls">
              <thead>
                <tr>
                  <th scope="col">{t('calls.problem')}</th>
                  <th scope="col">{t('call.status')}</th>
                  <th scope="col">{t('call.deadline')}</th>
                  <th scope="col">{t('call.eligible')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <Link to={buyerPaths.call(c.id)}>{problemTitle(c.problemId)}</Link>
                    </td>
                    <td>{t(`callStatus.${c.status}`)}</td>
                    <td>{formatDateTime(c.deadline)}</td>
                    <td>{c.eligibleSolutionIds.length}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Paged>
    </>
  );
}

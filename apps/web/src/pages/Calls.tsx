import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useProblemTitles, useVendorNames } from '../api/lookups';
import { fetchAll, type PublicAward } from '../api/public';
import { Facts } from '../components/Facts';
import { Show } from '../components/Query';
import { formatDate, formatDateTime, formatDong, formatNumber } from '../format';
import { paths } from '../paths';

/** Calls for offers (open or closed, deadlines) and awards with every offer's score breakdown. */
export default function Calls() {
  const { t } = useTranslation();
  const problemTitle = useProblemTitles();
  const calls = useQuery({ queryKey: ['public', 'calls'], queryFn: () => fetchAll('/public/calls') });
  const awards = useQuery({ queryKey: ['public', 'awards'], queryFn: () => fetchAll('/public/awards') });
  return (
    <>
      <h1>{t('calls.title')}</h1>
      <Show query={calls}>
        {(list) => (
          <div className="table-scroll" tabIndex={0}>
            <table data-testid="calls">
              <thead>
                <tr>
                  <th scope="col">{t('calls.problem')}</th>
                  <th scope="col">{t('calls.status')}</th>
                  <th scope="col">{t('calls.openedAt')}</th>
                  <th scope="col">{t('calls.deadline')}</th>
                  <th scope="col">{t('calls.eligible')}</th>
                  <th scope="col">{t('calls.offers')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((c) => (
                  <tr key={c.id}>
                    <td>
                      {problemTitle(c.problem_id)}
                      <br />
                      <span className="muted">{c.agency_name}</span>
                    </td>
                    <td>
                      <span className={`tag ${c.status === 'OPEN' ? 'open' : ''}`}>
                        {c.status === 'OPEN' ? t('calls.open') : t('calls.closed')}
                      </span>{' '}
                      {c.status !== 'OPEN' && t(`callStatus.${c.status}`, { defaultValue: c.status })}
                    </td>
                    <td>{formatDate(c.opened_at)}</td>
                    <td>{formatDateTime(c.deadline)}</td>
                    <td>{c.eligible_solutions}</td>
                    <td>{c.offers ?? t('calls.offersHidden')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Show>
      <h2>{t('calls.awards')}</h2>
      <Show query={awards}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('app.empty')}</p>
          ) : (
            <ul className="stack" data-testid="awards">
              {list.map((a) => (
                <Award key={a.id} award={a} problem={problemTitle(a.problem_id)} />
              ))}
            </ul>
          )
        }
      </Show>
    </>
  );
}

function Award({ award, problem }: { award: PublicAward; problem: string }) {
  const { t } = useTranslation();
  const vendorName = useVendorNames();
  const score = (value: number | null) => (value === null ? '—' : formatNumber(value));
  return (
    <li className="card">
      <h3>{problem}</h3>
      <Facts
        facts={[
          [
            t('calls.winner'),
            <>
              {award.vendor_name} · <Link to={paths.solution(award.solution_id)}>{t('nav.catalogue')}</Link>
            </>,
          ],
          [t('calls.price'), formatDong(award.price)],
          !!award.awarded_at && [t('calls.awardedAt'), formatDate(award.awarded_at)],
          !!award.cancelled_at && [t('calls.cancelled'), formatDate(award.cancelled_at)],
        ]}
      />
      {award.justification && (
        <p>
          <strong>{t('calls.justification')}:</strong> {award.justification}
        </p>
      )}
      {award.offers && award.offers.length > 0 && (
        <div className="table-scroll" tabIndex={0}>
          <table>
            <caption>{t('calls.breakdown')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('calls.rank')}</th>
                <th scope="col">{t('calls.vendor')}</th>
                <th scope="col">{t('calls.price')}</th>
                <th scope="col">{t('calls.priceScore')}</th>
                <th scope="col">{t('calls.effectScore')}</th>
                <th scope="col">{t('calls.trustScore')}</th>
                <th scope="col">{t('calls.total')}</th>
              </tr>
            </thead>
            <tbody>
              {[...award.offers]
                .sort((x, y) => (x.rank ?? 99) - (y.rank ?? 99))
                .map((o) => (
                  <tr key={o.offerId}>
                    <td>{o.rank ?? '—'}</td>
                    <td>{vendorName(o.vendorOrganisationId)}</td>
                    <td>{formatDong(o.price)}</td>
                    <td>{score(o.priceScore)}</td>
                    <td>{score(o.effectScore)}</td>
                    <td>{score(o.trustScore)}</td>
                    <td>
                      <strong>{score(o.total)}</strong>
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}
    </li>
  );
}

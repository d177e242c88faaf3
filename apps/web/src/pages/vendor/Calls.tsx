import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, data } from '../../api/client';
import { useProblemTitles } from '../../api/lookups';
import { formatDateTime } from '../../format';
import { Paged, usePaged } from '../../components/Paged';
import { vendorPaths } from './shared';

/** Open calls for offers, those the vendor's listed solutions may bid on marked first-hand. */
export default function Calls() {
  const { t } = useTranslation('vendor');
  const problemTitle = useProblemTitles();
  const mine = useQuery({ queryKey: ['vendor', 'solutions'], queryFn: () => data(api.GET('/vendor/solutions')) });
  const calls = usePaged(['vendor', 'calls'], (cursor) =>
    data(api.GET('/calls', { params: { query: { status: 'OPEN', cursor } } })),
  );
  const ownIds = new Set((mine.data ?? []).map((s) => s.id));
  return (
    <>
      <h1>{t('calls.title')}</h1>
      <p className="lead">{t('calls.lead')}</p>
      <Paged query={calls}>
        {(items) => (
          <ul className="stack" data-testid="open-calls">
            {items.map((c) => {
              const eligible = c.eligibleSolutionIds.filter((id) => ownIds.has(id)).length;
              return (
                <li key={c.id} className="card">
                  <h2>{problemTitle(c.problemId)}</h2>
                  <p>
                    {t('calls.deadline', { at: formatDateTime(c.deadline) })} ·{' '}
                    {eligible > 0 ? t('calls.eligible', { count: eligible }) : t('calls.notEligible')}
                  </p>
                  {eligible > 0 && (
                    <Link className="button" to={vendorPaths.offer(c.id)}>
                      {t('calls.offer')}
                    </Link>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </Paged>
    </>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCategories } from '../../api/categories';
import { api, data } from '../../api/client';
import { Show } from '../../components/Query';
import { formatDate } from '../../format';
import { vendorPaths } from './shared';

/** The vendor's solutions in every status, newest first. */
export default function Solutions() {
  const { t } = useTranslation('vendor');
  const { nameOf } = useCategories();
  const solutions = useQuery({
    queryKey: ['vendor', 'solutions'],
    queryFn: () => data(api.GET('/vendor/solutions')),
  });
  return (
    <>
      <h1>{t('solutions.title')}</h1>
      <p>
        <Link className="button" to={vendorPaths.newSolution}>
          {t('solutions.new')}
        </Link>
      </p>
      <Show query={solutions}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('solutions.none')}</p>
          ) : (
            <ul className="stack" data-testid="solutions">
              {list.map((s) => (
                <li key={s.id} className="card">
                  <h2>
                    <Link to={vendorPaths.solution(s.id)}>{s.name}</Link>
                  </h2>
                  <p className="tags">
                    <span className="tag">{t(`solutionStatus.${s.status}`)}</span>
                    {s.revisionStatus !== 'NONE' && (
                      <span className="tag">
                        {t('solutions.revision', { status: t(`revision.${s.revisionStatus}`) })}
                      </span>
                    )}
                    <span className="tag">{nameOf(s.categoryCode)}</span>
                    <span className="tag">{t('solutions.version', { version: s.version })}</span>
                  </p>
                  {s.listingExpiresAt && (
                    <p className="muted">{t('solutions.listedUntil', { date: formatDate(s.listingExpiresAt) })}</p>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Show>
    </>
  );
}

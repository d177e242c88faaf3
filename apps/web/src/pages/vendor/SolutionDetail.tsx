import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCategories } from '../../api/categories';
import { api, data } from '../../api/client';
import { Show } from '../../components/Query';
import { formatDate, formatDong } from '../../format';
import { PrecheckHistory } from './PrecheckHistory';
import { Facts } from '../../components/Facts';
import { vendorPaths } from './shared';
import { SolutionDocuments } from './SolutionDocuments';

const CHECKABLE = ['DRAFT'];

/** One of the vendor's solutions: its fields and KPIs, documents, pre-checks (version history) and what to do next. */
export default function SolutionDetail() {
  const { t } = useTranslation('vendor');
  const { id = '' } = useParams();
  const { nameOf } = useCategories();
  const solution = useQuery({
    queryKey: ['vendor', 'solution', id],
    queryFn: () => data(api.GET('/solutions/{id}', { params: { path: { id } } })),
  });
  return (
    <Show query={solution}>
      {(s) => (
        <>
          <p>
            <Link to={vendorPaths.solutions}>← {t('solutions.title')}</Link>
          </p>
          <h1>{s.name}</h1>
          <p className="lead">{s.summary}</p>
          <p className="actions">
            <Link className="button" to={vendorPaths.editSolution(s.id)}>
              {t('solution.edit')}
            </Link>{' '}
            {(CHECKABLE.includes(s.status) || s.revisionStatus === 'DRAFT') && (
              <Link className="button" to={vendorPaths.precheck(s.id)}>
                {t('precheck.open')}
              </Link>
            )}
          </p>
          <Facts
            testId="solution-facts"
            facts={[
              [t('solution.status'), t(`solutionStatus.${s.status}`)],
              [t('solution.version'), s.version],
              [t('solution.categoryCode'), nameOf(s.categoryCode)],
              [t('solution.deploymentModel'), s.deploymentModel ? t(`deployment.${s.deploymentModel}`) : null],
              [
                t('solution.priceRange'),
                s.priceMin && s.priceMax ? `${formatDong(s.priceMin)} – ${formatDong(s.priceMax)}` : null,
              ],
              [t('solution.makeInVietnam'), s.makeInVietnam ? t('yes') : t('no')],
              [t('solution.qualityScore'), s.qualityScore],
              [t('solution.listedUntil'), s.listingExpiresAt ? formatDate(s.listingExpiresAt) : null],
              [t('solution.statusReason'), s.statusReason ?? s.revisionReason],
            ]}
          />
          <h2>{t('solution.kpis')}</h2>
          <div className="table-scroll" tabIndex={0}>
            <table data-testid="solution-kpis">
              <thead>
                <tr>
                  <th scope="col">{t('kpi.metric')}</th>
                  <th scope="col">{t('kpi.unit')}</th>
                  <th scope="col">{t('kpi.direction')}</th>
                  <th scope="col">{t('kpi.dataSource')}</th>
                  <th scope="col">{t('kpi.frequency')}</th>
                  <th scope="col">{t('kpi.minimumSample')}</th>
                </tr>
              </thead>
              <tbody>
                {s.kpis.map((k) => (
                  <tr key={k.id}>
                    <td>{k.metric}</td>
                    <td>{k.unit}</td>
                    <td>{k.direction && t(`kpi.directions.${k.direction}`)}</td>
                    <td>{k.dataSource}</td>
                    <td>{k.frequency && t(`kpi.frequencies.${k.frequency}`)}</td>
                    <td>{k.minimumSample}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <SolutionDocuments solutionId={s.id} />
          <PrecheckHistory solutionId={s.id} />
        </>
      )}
    </Show>
  );
}

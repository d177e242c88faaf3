import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { useCategories } from '../api/categories';
import { api, data } from '../api/client';
import type { components } from '../api/openapi';
import { useHasRole } from '../auth/use-session';
import { Facts } from '../components/Facts';
import { Show } from '../components/Query';
import { formatDate, formatDateTime, formatNumber } from '../format';
import { paths } from '../paths';
import { RankingTable } from './Rankings';

type VendorScores = components['schemas']['VendorTrustView'];
type Snapshot = components['schemas']['SnapshotView'];

/** Drill-down from the dashboard: a vendor's scores per category and the inputs behind the latest one. */
export default function VendorTrust() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const allowed = useHasRole('CITY_VIEWER', 'OPERATOR_ADMIN');
  const vendor = useQuery({
    queryKey: ['city', 'vendor', id],
    queryFn: () => data(api.GET('/city/rankings/vendors/{vendorId}', { params: { path: { vendorId: id } } })),
    enabled: allowed,
  });
  const latestId = vendor.data?.current[0]?.snapshotId;
  const snapshot = useQuery({
    queryKey: ['city', 'snapshot', latestId],
    queryFn: () => data(api.GET('/city/rankings/snapshots/{id}', { params: { path: { id: latestId! } } })),
    enabled: !!latestId,
  });
  if (!allowed) return <Navigate to={paths.login} state={{ from: paths.vendorTrust(id) }} replace />;
  return (
    <Show query={vendor}>
      {(v) => (
        <>
          <p>
            <Link to={paths.dashboard}>← {t('vendorTrust.back')}</Link>
          </p>
          <h1>{t('vendorTrust.title', { name: v.vendorName })}</h1>
          <TrustDetails vendor={v} snapshot={snapshot} />
        </>
      )}
    </Show>
  );
}

/** A vendor's current scores, the inputs behind the latest one (anyone can recompute it) and its history. */
export function TrustDetails({ vendor: v, snapshot }: { vendor: VendorScores; snapshot: UseQueryResult<Snapshot> }) {
  const { t, i18n } = useTranslation();
  const { nameOf } = useCategories();
  const latestId = v.current[0]?.snapshotId;
  const scopeName = (scope: string) => (scope === '*' ? t('rankings.overall') : nameOf(scope));
  return (
    <>
      <h2>{t('vendorTrust.current')}</h2>
      <RankingTable entries={v.current} onVendor={(e) => scopeName(e.scope)} firstColumn={t('rankings.scope')} />
      {latestId && (
        <section aria-labelledby="inputs">
          <h2 id="inputs">{t('vendorTrust.inputs')}</h2>
          <Show query={snapshot}>
            {(s) => (
              <>
                <Facts
                  testId="snapshot"
                  facts={[
                    [t('rankings.scope'), scopeName(s.scope)],
                    [t('vendorTrust.alpha'), formatNumber(s.alpha, 4)],
                    [t('vendorTrust.beta'), formatNumber(s.beta, 4)],
                    [t('vendorTrust.prior'), formatNumber(s.priorMean, 4)],
                    [t('rankings.orders'), s.orders],
                    [t('vendorTrust.excluded'), s.excluded],
                    [t('vendorTrust.computedAt'), formatDateTime(s.computedAt)],
                  ]}
                />
                <p>
                  <strong>{t('vendorTrust.explanation')}:</strong>{' '}
                  {i18n.language === 'en' ? s.explanationEn : s.explanationVi}
                </p>
                <div className="table-scroll" tabIndex={0}>
                  <table>
                    <caption>{t('vendorTrust.lastOutcomes')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('vendorTrust.order')}</th>
                        <th scope="col">x</th>
                        <th scope="col">{t('vendorTrust.closedAt')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {s.lastOutcomes.map((o) => (
                        <tr key={o.orderId}>
                          <td>
                            <code>{o.orderId.slice(0, 8)}</code>
                          </td>
                          <td>{formatNumber(o.x)}</td>
                          <td>{formatDate(o.closedAt)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <details>
                  <summary>{t('city.details')}</summary>
                  <pre className="inputs">{JSON.stringify(s.inputs, null, 2)}</pre>
                </details>
              </>
            )}
          </Show>
        </section>
      )}
      <h2>{t('vendorTrust.history')}</h2>
      <div className="table-scroll" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('vendorTrust.computedAt')}</th>
              <th scope="col">{t('rankings.scope')}</th>
              <th scope="col">{t('rankings.lower')}</th>
              <th scope="col">{t('rankings.expected')}</th>
              <th scope="col">{t('rankings.evidence')}</th>
            </tr>
          </thead>
          <tbody>
            {v.history.map((h) => (
              <tr key={h.id}>
                <td>{formatDateTime(h.computedAt)}</td>
                <td>{scopeName(h.scope)}</td>
                <td>{formatNumber(h.lowerBound)}</td>
                <td>{formatNumber(h.expected)}</td>
                <td>{formatNumber(h.effectiveEvidence, 2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

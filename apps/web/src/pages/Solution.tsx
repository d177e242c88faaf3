import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCategories } from '../api/categories';
import { api, data } from '../api/client';
import { useVendorNames } from '../api/lookups';
import { Facts } from '../components/Facts';
import { Show } from '../components/Query';
import { formatDate, formatDong, formatNumber } from '../format';

/** A listed solution: vendor, version, the KPIs it can commit to, its public documents and trust label. */
export default function Solution() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { nameOf } = useCategories();
  const vendorName = useVendorNames();
  const solution = useQuery({
    queryKey: ['solution', id],
    queryFn: () => data(api.GET('/solutions/{id}', { params: { path: { id } } })),
  });
  const documents = useQuery({
    queryKey: ['solution-documents', id],
    queryFn: () => data(api.GET('/solutions/{id}/documents', { params: { path: { id } } })),
  });
  // The public ranking names the vendor and carries its trust label.
  const rankings = useQuery({ queryKey: ['rankings', '*'], queryFn: () => data(api.GET('/public/rankings')) });

  return (
    <Show query={solution}>
      {(s) => {
        const trust = rankings.data?.find((r) => r.vendorOrganisationId === s.vendorOrganisationId);
        return (
          <article>
            <h1>{s.name}</h1>
            <p className="lead">{s.summary}</p>
            <Facts
              facts={[
                [t('solution.vendor'), vendorName(s.vendorOrganisationId)],
                [t('catalogue.trustLabel'), trust ? trust.labelVi : t('trust.NHA_CUNG_CAP_MOI'), 'trust-label'],
                [t('catalogue.category'), nameOf(s.categoryCode)],
                [t('solution.version'), s.version],
                !!s.deploymentModel && [t('catalogue.deployment'), t(`deployment.${s.deploymentModel}`)],
                [
                  t('catalogue.makeInVietnam'),
                  `${s.makeInVietnam ? t('catalogue.yes') : t('catalogue.no')}${
                    s.localisationShare != null ? ` · ${t('solution.localisation')}: ${s.localisationShare} %` : ''
                  }`,
                ],
                !!s.priceMin &&
                  !!s.priceMax && [t('catalogue.price'), `${formatDong(s.priceMin)} – ${formatDong(s.priceMax)}`],
                !!s.listedAt && [t('solution.listedAt'), formatDate(s.listedAt)],
                !!s.listingExpiresAt && [t('solution.expiresAt'), formatDate(s.listingExpiresAt)],
                s.qualityScore != null && [t('solution.quality'), formatNumber(s.qualityScore, 1)],
              ]}
            />
            {s.description && (
              <section>
                <h2>{t('solution.description')}</h2>
                <p>{s.description}</p>
              </section>
            )}
            <section aria-labelledby="kpis">
              <h2 id="kpis">{t('solution.kpis')}</h2>
              <div className="table-scroll" tabIndex={0}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('solution.metric')}</th>
                      <th scope="col">{t('solution.unit')}</th>
                      <th scope="col">{t('solution.direction')}</th>
                      <th scope="col">{t('solution.dataSource')}</th>
                      <th scope="col">{t('solution.frequency')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.kpis.map((k) => (
                      <tr key={k.id}>
                        <td>{k.metric}</td>
                        <td>{k.unit}</td>
                        <td>{k.direction && t(`direction.${k.direction}`)}</td>
                        <td>{k.dataSource}</td>
                        <td>{k.frequency}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
            <section aria-labelledby="documents">
              <h2 id="documents">{t('solution.documents')}</h2>
              <Show query={documents}>
                {(docs) =>
                  docs.length === 0 ? (
                    <p>{t('solution.noDocuments')}</p>
                  ) : (
                    <ul className="documents">
                      {docs.map((d) => (
                        <li key={d.id}>
                          <a href={`/solutions/${s.id}/documents/${d.id}/content`} download={d.fileName}>
                            {t('solution.download')}: {d.fileName}
                          </a>{' '}
                          <span className="muted">
                            ({formatNumber(Number(d.bytes) / 1024, 1)} KB, {formatDate(d.createdAt)})
                          </span>
                          <br />
                          <code className="hash">SHA-256 {d.sha256}</code>
                        </li>
                      ))}
                    </ul>
                  )
                }
              </Show>
            </section>
          </article>
        );
      }}
    </Show>
  );
}

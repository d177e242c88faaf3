import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import { Show } from '../../components/Query';
import { formatNumber } from '../../format';

/** What the vendor submitted: summary, committed KPIs with their measurement, documents (downloaded with the token). */
export function SolutionFacts({ solutionId }: { solutionId: string }) {
  const { t } = useTranslation('assessor');
  const solution = useQuery({
    queryKey: ['solution', solutionId],
    queryFn: () => data(api.GET('/solutions/{id}', { params: { path: { id: solutionId } } })),
  });
  const documents = useQuery({
    queryKey: ['solution', solutionId, 'documents'],
    queryFn: () => data(api.GET('/solutions/{id}/documents', { params: { path: { id: solutionId } } })),
  });
  const download = async (documentId: string, fileName: string) => {
    const { data: blob } = await api.GET('/solutions/{id}/documents/{documentId}/content', {
      params: { path: { id: solutionId, documentId } },
      parseAs: 'blob',
    });
    if (!blob) return;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = fileName;
    link.click();
    URL.revokeObjectURL(link.href);
  };
  return (
    <Show query={solution}>
      {(s) => (
        <section aria-labelledby="solution-facts">
          <h2 id="solution-facts">{t('submission.summary')}</h2>
          <p>
            <strong>{t('submission.vendor')}:</strong> {s.vendorName}
          </p>
          <p>{s.summary}</p>
          <h3>{t('submission.kpis')}</h3>
          <ul className="stack">
            {s.kpis.map((k) => (
              <li key={k.id}>
                <strong>{k.metric}</strong>
                <br />
                <span className="muted">
                  {t('submission.kpiMethod', {
                    unit: k.unit,
                    direction: t(`submission.${k.direction}`),
                    source: k.dataSource,
                    method: k.measurementMethod,
                  })}
                </span>
              </li>
            ))}
          </ul>
          <h3>{t('submission.documents')}</h3>
          <Show query={documents}>
            {(docs) =>
              docs.length === 0 ? (
                <p className="muted">{t('submission.noDocuments')}</p>
              ) : (
                <ul className="documents">
                  {docs.map((d) => (
                    <li key={d.id}>
                      <button type="button" className="link-button" onClick={() => void download(d.id, d.fileName)}>
                        {d.fileName}
                      </button>{' '}
                      <span className="muted">({formatNumber(Number(d.bytes) / 1024, 1)} KB)</span>
                    </li>
                  ))}
                </ul>
              )
            }
          </Show>
        </section>
      )}
    </Show>
  );
}

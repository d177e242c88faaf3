import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import type { components } from '../../api/openapi';
import { formatDateTime } from '../../format';
import { Paged, usePaged } from '../../components/Paged';

type Submission = components['schemas']['SubmissionView'];

/** Every pre-check of a solution, newest first: the version it checked, its status, failures and assessors' reasons. */
export function PrecheckHistory({ solutionId }: { solutionId: string }) {
  const { t } = useTranslation('vendor');
  const submissions = usePaged(['vendor', 'submissions', solutionId], (cursor) =>
    data(api.GET('/precheck/submissions', { params: { query: { solutionId, cursor } } })),
  );
  return (
    <section aria-labelledby="versions">
      <h2 id="versions">{t('versions.title')}</h2>
      <Paged query={submissions}>
        {(items) => (
          <ol className="stack" data-testid="versions">
            {items.map((s) => (
              <SubmissionCard key={s.id} submission={s} />
            ))}
          </ol>
        )}
      </Paged>
    </section>
  );
}

export function SubmissionCard({ submission: s }: { submission: Submission }) {
  const { t } = useTranslation('vendor');
  return (
    <li className="card">
      <h3>
        {t('versions.version', { version: s.solutionVersion })} —{' '}
        <span data-testid="precheck-status">{t(`submissionStatus.${s.status}`)}</span>
      </h3>
      {s.decidedAt && <p className="muted">{t('versions.decidedAt', { at: formatDateTime(s.decidedAt) })}</p>}
      {s.qualityScore !== null && s.qualityScore !== undefined && (
        <p>{t('versions.qualityScore', { score: s.qualityScore })}</p>
      )}
      {s.waitingRank && <p>{t('versions.waitingRank', { rank: s.waitingRank })}</p>}
      {s.reason && (
        <p>
          <strong>{t('versions.reason')}:</strong> {s.reason}
        </p>
      )}
      {s.failures.length > 0 && (
        <>
          <h4>{t('versions.failures')}</h4>
          <ul>
            {s.failures.map((f, i) => (
              <li key={i}>
                {t(`group.${f.group}`)}
                {f.requirementId && ` (${f.requirementId})`}: {f.reason}
                {f.missing && f.missing.length > 0 && ` — ${t('versions.missing')}: ${f.missing.join(', ')}`}
              </li>
            ))}
          </ul>
        </>
      )}
      {s.assessments.some((a) => a.scores) && (
        <>
          <h4>{t('versions.assessments')}</h4>
          {s.assessments
            .filter((a) => a.scores)
            .map((a, i) => (
              <div key={i} className="table-scroll" tabIndex={0}>
                <table>
                  <caption>{t('versions.assessor', { n: i + 1 })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('versions.group')}</th>
                      <th scope="col">{t('versions.score')}</th>
                      <th scope="col">{t('versions.reason')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {a.scores!.map((score) => (
                      <tr key={score.group}>
                        <td>{t(`group.${score.group}`)}</td>
                        <td className="num">{score.score}</td>
                        <td>{score.reason}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ))}
        </>
      )}
    </li>
  );
}

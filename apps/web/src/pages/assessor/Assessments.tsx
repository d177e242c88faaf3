import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import type { components } from '../../api/openapi';
import { formatDateTime, formatNumber } from '../../format';

type SubmissionView = components['schemas']['SubmissionView'];

/** The vendor's typed answers beside the requirement each one answers. */
export function Answers({ submission }: { submission: SubmissionView }) {
  const { t } = useTranslation('assessor');
  const sets = useQuery({
    queryKey: ['precheck', 'requirement-sets', submission.categoryCode],
    queryFn: () =>
      data(
        api.GET('/precheck/requirement-sets', { params: { query: { category: submission.categoryCode, limit: 200 } } }),
      ),
    enabled: !!submission.requirementSetId,
  });
  const requirements = sets.data?.items.find((s) => s.id === submission.requirementSetId)?.requirements ?? [];
  const answers = Object.entries(submission.answers);
  return (
    <section aria-labelledby="answers">
      <h2 id="answers">{t('submission.answers')}</h2>
      {answers.length === 0 ? (
        <p className="muted">{t('submission.noAnswers')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('submission.requirement')}</th>
                <th scope="col">{t('submission.answer')}</th>
              </tr>
            </thead>
            <tbody>
              {answers.map(([requirementId, answer]) => {
                const requirement = requirements.find((r) => r.id === requirementId);
                return (
                  <tr key={requirementId}>
                    <td>{requirement ? `${t(`group.${requirement.group}`)} · ${requirement.title}` : requirementId}</td>
                    <td>{String(answer)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {submission.failures.length > 0 && (
        <>
          <h3>{t('submission.failures')}</h3>
          <ul>
            {submission.failures.map((f, i) => (
              <li key={i}>
                {t(`group.${f.group}`)}: {f.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Both assessors' scores, as far as the API reveals them (the other's stay hidden until both have scored). */
export function Assessments({ submission }: { submission: SubmissionView }) {
  const { t } = useTranslation('assessor');
  return (
    <section aria-labelledby="assessments">
      <h2 id="assessments">{t('submission.assessments')}</h2>
      {submission.qualityScore != null && (
        <p>{t('submission.qualityScore', { score: formatNumber(submission.qualityScore, 1) })}</p>
      )}
      <ul className="stack">
        {submission.assessments.map((a, i) => (
          <li key={i} className="card">
            <h3>
              {a.mine ? t('submission.me') : t('submission.assessor', { n: i + 1 })}
              {a.scoredAt && <span className="muted"> · {formatDateTime(a.scoredAt)}</span>}
            </h3>
            {a.scores ? (
              <dl className="facts">
                {a.scores.map((s) => (
                  <div key={s.group}>
                    <dt>
                      {t(`group.${s.group}`)}: {s.score}
                    </dt>
                    <dd>{s.reason}</dd>
                  </div>
                ))}
              </dl>
            ) : (
              <p className="muted">{a.scoredAt ? t('submission.hidden') : t('submission.notYet')}</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

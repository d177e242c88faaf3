import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useCategories } from '../../api/categories';
import { api, data } from '../../api/client';
import { useSession } from '../../auth/use-session';
import { Show } from '../../components/Query';
import { formatDate } from '../../format';
import { Answers, Assessments } from './Assessments';
import { ConflictForm } from './ConflictForm';
import { ScoreForm } from './ScoreForm';
import { SolutionFacts } from './SolutionFacts';

/** One assigned submission: the solution as submitted, the answers, the scores so far; scoring or a declared link. */
export default function Submission() {
  const { id = '' } = useParams();
  const { t } = useTranslation('assessor');
  const { nameOf } = useCategories();
  const me = useSession()?.principal.userId ?? '';
  const navigate = useNavigate();
  const submission = useQuery({
    queryKey: ['precheck', 'submission', id],
    queryFn: () => data(api.GET('/precheck/submissions/{id}', { params: { path: { id } } })),
  });
  return (
    <>
      <p>
        <Link to="..">{t('submission.back')}</Link>
      </p>
      <Show query={submission}>
        {(s) => {
          const mine = s.assessments.find((a) => a.mine);
          const open = s.status === 'UNDER_REVIEW' && !!mine;
          return (
            <article>
              <h1>{s.solutionName}</h1>
              <p className="lead">
                {nameOf(s.categoryCode)} · {t('submission.version', { n: s.solutionVersion })} ·{' '}
                {formatDate(s.submittedAt)} · <strong>{t(`status.${s.status}`)}</strong>
              </p>
              {s.changedGroups && (
                <p className="notice">
                  {t('submission.changed', { groups: s.changedGroups.map((g) => t(`group.${g}`)).join(', ') })}
                </p>
              )}
              <SolutionFacts solutionId={s.solutionId} />
              <Answers submission={s} />
              <Assessments submission={s} />
              {open && !mine.scoredAt && (
                <ScoreForm submissionId={s.id} groups={s.changedGroups ?? null} key={`score-${s.id}`} />
              )}
              {open && (
                <ConflictForm
                  assessorUserId={me}
                  vendorOrganisationId={s.vendorOrganisationId}
                  onDeclared={() => void navigate('..', { state: { notice: t('conflict.done') } })}
                />
              )}
              {mine?.scoredAt && (
                <p role="status" className="notice" data-testid="scored">
                  {t('score.done')}
                </p>
              )}
            </article>
          );
        }}
      </Show>
    </>
  );
}
